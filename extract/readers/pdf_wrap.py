"""Wrapped lines of one cell, joined back into the text as written.

The same rule serves ruled cells, borderless labels and multi-line headers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.readers.pdf_words import Word, union

WORD_HYPHEN = re.compile(r"\w[-/]$")  # `Söderåkra-`, `21-08-`, `KS/`; a lone `-` is a bullet
# The next character would not have fitted: judged with rough glyph widths, since an
# `m` that did not fit after `kulturverksa` is wider than an `e` that would have.
WIDE_CHARS = frozenset("mwMWÅÄÖ")
NARROW_CHARS = frozenset("iljI.,:;'!|")
CLOSING_PUNCTUATION = ",.;:)"  # a line starting with these continues the word before it
ALIGN_TOLERANCE = 1.0  # points between the left edges of two lines of left-aligned text


def join_wrapped(lines: Sequence[Word], right_limit: float) -> Word:
    """Given the printed lines of one cell, top to bottom, return the cell as one Word.

    Word processors wrap long cell text, so the lines are joined back:
    - a line ending in a word and `-` joins without a space and keeps the hyphen
      (`Söderåkra-` / `Torsås`, `21-08-` / `31`); a lone `-` is a bullet, not a hyphen;
    - a word is only broken mid-word when it alone fills the cell: a line that is
      a single word, with no room left for the next line's first character before
      `right_limit`, followed by a line that starts at the same x with a letter of
      the same case as its last letter, joins without a space (`Personalkost` /
      `nader`, `KOSTNAD` / `ER`). The letter test keeps `Förbrukning` / `%` apart;
      the same-x test keeps right-aligned text apart, which always reaches the
      edge (`Ej` / `aktuellt`). A word broken after other words on its line
      (`80 Affärsverksa` / `mhet`) cannot be told from two words by position
      alone, so it keeps the space;
    - a line starting with closing punctuation joins without a space (`Snörmakaren` / `,`);
    - otherwise lines join with one space (`Övriga` / `kostnader`).
    """
    text = lines[0].text
    for previous, current in zip(lines, lines[1:], strict=False):
        text += _joiner(previous, current, right_limit) + current.text
    joined = union(lines)
    return Word(text, joined.x0, joined.x1, joined.top, joined.bottom, joined.italic)


def _joiner(previous: Word, current: Word, right_limit: float) -> str:
    if WORD_HYPHEN.search(previous.text) or current.text[0] in CLOSING_PUNCTUATION:
        return ""
    char_width = (previous.x1 - previous.x0) / max(len(previous.text), 1)
    fills = previous.x1 + char_width * _width_factor(current.text[0]) >= right_limit
    last, first = previous.text[-1], current.text[0]
    same_case = last.isalpha() and first.isalpha() and last.islower() == first.islower()
    left_aligned = abs(previous.x0 - current.x0) <= ALIGN_TOLERANCE
    single_word = " " not in previous.text.strip()
    if single_word and fills and same_case and left_aligned:
        return ""
    return " "


def _width_factor(char: str) -> float:
    """Given a character, return its width relative to an average character (roughly)."""
    if char in WIDE_CHARS:
        return 1.8
    if char in NARROW_CHARS:
        return 0.5
    return 1.0
