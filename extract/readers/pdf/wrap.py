"""Wrapped lines of one cell, joined back into the text as written.

The same rule serves ruled cells, borderless labels and multi-line headers.
Where position alone cannot tell a mid-word break from a break between words,
the document's own words decide (`document_words`, set by the reader for the
document it reads) together with the words of `vocabulary/wrap_words.csv` that
stand on their own (short words such as `och`, definite genitives such as
`Verksamhetens`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from functools import cache

from extract.readers.pdf.words import Word, union
from extract.vocabulary import column

WORD_HYPHEN = re.compile(r"\w[-–/]$")  # `Söderåkra-`, `2025–`, `KS/`; a lone `-` is a bullet
CLOSING_PUNCTUATION = ",.;:)"  # a line starting with these continues the word before it
ALIGN_TOLERANCE = 1.0  # points between the left edges of two lines of left-aligned text
FILL_TOLERANCE = 0.5  # points a next character may overlap the cell edge and still not fit
TAIL = re.compile(r"[^\W\d_]+$")  # the letters that end a line (the start of a broken word)
HEAD = re.compile(r"^[^\W\d_]+")  # the letters that open a line (the rest of a broken word)
# Advance widths of a Helvetica-like sans serif, in text heights (the common Word fonts).
GLYPH_WIDTHS = {
    "ijl": 0.222,
    "ftI ,.:;/!'|": 0.278,
    "r-()": 0.333,
    "ckszvxyJ": 0.5,
    "abdeghnopqu0123456789Låäöé": 0.556,
    "FTZ": 0.611,
    "ABEKPSVXYÅÄ&": 0.667,
    "CDHNRUw": 0.722,
    "GOQÖ": 0.778,
    "mM": 0.833,
    "W": 0.944,
}
DEFAULT_WIDTH = 0.556
_WIDTH_OF = {char: width for chars, width in GLYPH_WIDTHS.items() for char in chars}

DOCUMENT_WORDS: ContextVar[frozenset[str]] = ContextVar("document_words", default=frozenset())


def document_words(runs: Iterable[str]) -> frozenset[str]:
    """Given the printed text runs of a document, return the words it prints whole.

    Only words between two other words count: a run's first and last word may
    be the halves of a word broken by a wrap, and so may a word next to a
    number (a label's line in a row of values: `80 Affärsverksa 26 890`).
    """
    words = set()
    for run in runs:
        tokens = run.split()
        for before, token, after in zip(tokens, tokens[1:], tokens[2:], strict=False):
            token = token.strip(".,;:()*!?\"'").lower()
            if token.isalpha() and not _numeric(before) and not _numeric(after):
                words.add(token)
    return frozenset(words)


def _numeric(token: str) -> bool:
    return any(char.isdigit() for char in token) and not any(char.isalpha() for char in token)


def join_wrapped(lines: Sequence[Word], right_limit: float) -> Word:
    """Given the printed lines of one cell, top to bottom, return the cell as one Word.

    Word processors wrap long cell text, so the lines are joined back:
    - a line ending in a word and `-` (or `–`, a range: `2025–` / `2026`) joins without a
      space and keeps the hyphen
      (`Söderåkra-` / `Torsås`, `21-08-` / `31`); a lone `-` is a bullet, not a hyphen;
    - a line starting with closing punctuation joins without a space (`Snörmakaren` / `,`);
    - a word is broken mid-word only where the line is full: the next line's first
      character would not have fitted before `right_limit`, that line starts at the
      same x with a letter of the same case (`Personalkost` / `nader`, `KOSTNAD` /
      `ER`; this keeps `Förbrukning` / `%` and right-aligned `Ej` / `aktuellt`
      apart), and, after other words on the line, the whole word would not fit the
      cell (`80 Affärsverksa` / `mhet`: else it would have moved down whole);
    - a full line can also end a whole word (`kostnad` / `tom`): there the joined
      word printed elsewhere in the document joins; a word of the vocabulary on
      either side (`tom`, `och`, `för`, `Verksamhetens`), or a first half printed whole
      elsewhere, keeps the space;
    - otherwise lines join with one space (`Övriga` / `kostnader`).
    """
    text = lines[0].text
    for previous, current in zip(lines, lines[1:], strict=False):
        text += _joiner(text, previous, current, right_limit) + current.text
    joined = union(lines)
    return Word(text, joined.x0, joined.x1, joined.top, joined.bottom, joined.italic)


def _joiner(text: str, previous: Word, current: Word, right_limit: float) -> str:
    """Given the text so far, its last line and the next line, return what goes between."""
    if WORD_HYPHEN.search(previous.text) or current.text[0] in CLOSING_PUNCTUATION:
        return ""
    tail, head = TAIL.search(text), HEAD.match(current.text)
    if tail is None or head is None or abs(previous.x0 - current.x0) > ALIGN_TOLERANCE:
        return " "
    size = previous.height
    if previous.x1 + text_width(head.group()[0], size) < right_limit - FILL_TOLERANCE:
        return " "
    if tail.group()[-1].islower() != head.group()[0].islower():
        return " "
    if " " in previous.text.strip():  # other words stand before the broken one on its line
        whole = text.split()[-1] + head.group()
        if text_width(whole, size) <= right_limit - previous.x0:
            return " "
    return "" if _broken_word(tail.group(), head.group()) else " "


def _broken_word(tail: str, head: str) -> bool:
    """Given the letters around a full line's end, return whether they are one word."""
    words = DOCUMENT_WORDS.get()
    tail, head = tail.lower(), head.lower()
    if tail + head in words:
        return True
    # A second half printed whole elsewhere proves nothing: Swedish compounds break
    # into words (`Arbetsmarknads` / `åtgärder`).
    return not (head in _wrap_words() or tail in _wrap_words() or tail in words)


@cache
def _wrap_words() -> frozenset[str]:
    return frozenset(column("wrap_words.csv", "word"))


def text_width(text: str, size: float) -> float:
    """Given text and its height, return its printed width (roughly, in a common sans serif)."""
    return size * sum(_WIDTH_OF.get(char, DEFAULT_WIDTH) for char in text)
