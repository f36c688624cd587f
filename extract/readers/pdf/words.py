"""Words and lines of a PDF page, with Swedish numbers merged back together.

pdfplumber splits `30 000` and `- 6 279` into several words because Swedish
prints a space as the thousands separator. Everything downstream (table
columns, cell text) works on the merged words built here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# A printed number as one token: sign, 1-3 digit group, thousands groups, decimals,
# an optional footnote star or percent sign (`-6 279`, `- 6 279`, `190,7`, `-400*`), or
# a negative printed in parentheses (`(1 465)`, the accountant's minus).
_DIGITS = r"(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[,.]\d+)?"
NUMBER = re.compile(rf"^(?:[-−–+]?\s?{_DIGITS}\s?[%*]?|\({_DIGITS}\)\*?)$")
# Digits with spaces that are not a valid grouping (`-26 62`): printed as one value, kept as is.
NUMBER_AS_PRINTED = re.compile(r"^[-−–+]?\s?\d[\d \u00a0]*(?:[,.]\d+)?\s?[%*]?$")
CODE = re.compile(r"^\d+$")  # an activity or account code opening a label
YEAR = re.compile(r"^(?:19|20)\d\d$")
DASH = re.compile(r"^[-−–]$")  # a lone dash printed in a number column
SIGN = re.compile(r"^[-−–]$")
LEADING_GROUP = re.compile(r"^(?:[-−–+]?\s?|\()(?:\d{1,3}(?:[ \u00a0]\d{3})*)$")
THOUSANDS_GROUP = re.compile(r"^\d{3}(?:[,.]\d+)?(?:[%*]|\)\*?)?$")
MONOSPACE_TOLERANCE = 0.03  # a monospaced space and a digit's advance differ by rounding only
ITALIC_FONT = re.compile(r"italic|oblique", re.IGNORECASE)
BOLD_FONT = re.compile(r"bold|black|heavy", re.IGNORECASE)


@dataclass(frozen=True)
class Word:
    """A run of printed text on one line, as pdfplumber or pdfium reported it."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    italic: bool = False
    bold: bool = False
    # the start of a number printed touching the label before it (`verksamhetskostnader(2`):
    # a cell of its own however small the gap (see `glued`)
    touches_label: bool = False

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def is_number(self) -> bool:
        return bool(NUMBER.match(self.text) or NUMBER_AS_PRINTED.match(self.text))


@dataclass(frozen=True)
class Line:
    """Words that share a baseline, left to right."""

    words: tuple[Word, ...]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def union(words: Sequence[Word], sep: str = " ") -> Word:
    """Given words in reading order, return one Word covering them all."""
    return Word(
        text=sep.join(w.text for w in words),
        x0=min(w.x0 for w in words),
        x1=max(w.x1 for w in words),
        top=min(w.top for w in words),
        bottom=max(w.bottom for w in words),
        italic=all(w.italic for w in words),
        bold=all(w.bold for w in words),
        touches_label=words[0].touches_label,
    )


def words_to_lines(words: Iterable[Word], tolerance: float) -> list[Line]:
    """Given words, return lines (words whose vertical centres lie within tolerance)."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top + w.bottom) / 2):
        centre = (word.top + word.bottom) / 2
        if lines and abs(centre - _centre(lines[-1])) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [Line(tuple(sorted(ws, key=lambda w: w.x0))) for ws in lines]


def _centre(words: list[Word]) -> float:
    return sum((w.top + w.bottom) / 2 for w in words) / len(words)


def merge_numbers(line: Line, gap_ratio: float) -> Line:
    """Given a line, return it with split numbers (`30` `000`, `-` `6` `279`) re-joined.

    Two words join when the gap between them is at most `gap_ratio` times the
    text height (or one digit's advance, see `monospaced_space`) and either the
    left word is a lone sign followed by digits, or the left word is a 1-3 digit
    group and the right one exactly 3 digits.
    """
    merged: list[Word] = []
    words = line.words
    for index, word in enumerate(words):
        neighbours = (words[index - 2] if index > 1 else None, words[index + 1 : index + 2])
        if merged and _joins_number(merged[-1], word, gap_ratio, neighbours):
            merged[-1] = union([merged[-1], word])
        else:
            merged.append(word)
    return Line(tuple(merged))


def _joins_number(left: Word, right: Word, gap_ratio: float, neighbours=(None, ())) -> bool:
    gap = right.x0 - left.x1
    if SIGN.match(left.text):
        close = gap <= gap_ratio * max(left.height, right.height)
        return close and bool(LEADING_GROUP.match(right.text) or NUMBER.match(right.text))
    if not (LEADING_GROUP.match(left.text) and THOUSANDS_GROUP.match(right.text)):
        return False
    if ")" in right.text and not left.text.startswith("("):
        return False  # a closing parenthesis closes only the group a parenthesis opened
    if gap <= gap_ratio * max(left.height, right.height):
        return True
    before, after = neighbours
    return monospaced_space(gap, right) and not _run_of_groups(before, left, right, after)


def _run_of_groups(before: Word | None, left: Word, right: Word, after: Sequence[Word]) -> bool:
    """Given two digit groups a digit apart and their neighbours, return whether more follow.

    Columns of a monospaced table can stand one space apart too (`200 328 203 875`):
    which groups make one number is then not printed, and the groups stay apart.
    """
    advance = (right.x1 - right.x0) / len(right.text)
    apart = [
        (before, left) if _continues_group(before, left) else None,
        (right, after[0]) if after and after[0].text[:1].isdigit() else None,
    ]
    return any(
        pair and pair[1].x0 - pair[0].x1 <= advance * (1 + MONOSPACE_TOLERANCE) for pair in apart
    )


def _continues_group(before: Word | None, left: Word) -> bool:
    """Given the word before a leading group, return whether the group could continue it.

    A signed group (`−57`) opens a number: whatever stands before it is another cell.
    """
    return before is not None and bool(CODE.match(before.text[-3:])) and left.text[:1].isdigit()


def monospaced_space(gap: float, group: Word) -> bool:
    """Given the gap before a 3-digit group, return whether it is one digit's advance.

    A monospaced font prints the thousands space as wide as a digit (0.6 of the text
    height, wider than any proportional thousands space); a column gap that happens
    to be exactly one digit wide is too narrow to set columns apart.
    """
    advance = (group.x1 - group.x0) / len(group.text)  # every character, decimals too
    return abs(gap - advance) <= MONOSPACE_TOLERANCE * advance


def segments(line: Line, gap_ratio: float, number_gap: float) -> list[Word]:
    """Given a line, return its cells: runs of words separated by small gaps.

    Two numbers share a cell only when a thousands space separates them, even
    if their grouping is wrong (`-26 62` stays one cell, as printed); adjacent
    number columns can otherwise stand as close as words of a label. A label's
    words are one cell however they end: a number a word space after a label
    ending in one (`etapp 2` `(2)`) goes on with it, as it would after a word.
    """
    cells: list[list[Word]] = []
    for word in line.words:
        if cells and _same_cell(cells[-1], word, gap_ratio, number_gap):
            cells[-1].append(word)
        else:
            cells.append([word])
    return [union(c) for c in cells]


def _same_cell(cell: Sequence[Word], right: Word, gap_ratio: float, number_gap: float) -> bool:
    left = cell[-1]
    if right.touches_label:
        return False
    height = max(left.height, right.height)
    if right.is_number and _percentage(cell):
        return False  # a percent sign ends its number: `6,9 % 4,7 %` holds two, however close
    if left.is_number and right.is_number and all(word.is_number for word in cell):
        # a sign opens a number and a closing parenthesis ends one: `−111 047 −2 121`,
        # `(361513) (78456)` and `(358498) 3015` are two each, however close
        signed = right.text[:1] in "-−–+"
        closed = left.text.endswith(")")
        return not signed and not closed and right.x0 - left.x1 <= number_gap * height
    return right.x0 - left.x1 <= gap_ratio * height


def _percentage(cell: Sequence[Word]) -> bool:
    """Given a cell's words, return whether they print a number and its percent sign."""
    return len(cell) > 1 and cell[-1].text == "%" and all(word.is_number for word in cell[:-1])


def first_value(cells: Sequence[Word]) -> int | None:
    """Given a row's cells, return the index of its first value: its first number, or in
    a row of nils (`Resultat   –   –`) its first dash after the label."""
    first = first_number(cells)
    if first is None:
        return next((i for i, c in enumerate(cells) if i >= 1 and DASH.match(c.text)), None)
    return first


def first_number(cells: Sequence[Word]) -> int | None:
    """Given a line's cells, return the index of the first number cell, if any.

    A plain unsigned integer that opens a line is a code in the label column
    (`10` over a wrapped `Nämnder/Styrelser`), and one in parentheses the end of a
    label broken by the page (`Verksamhetssystem norra 38` / `(39)`), not a value.
    """
    opens_label = cells and (CODE.match(cells[0].text) or cells[0].text.startswith("("))
    start = 1 if opens_label else 0
    return next((i for i, c in enumerate(cells) if i >= start and c.is_number), None)
