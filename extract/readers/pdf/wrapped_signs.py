"""Negative numbers wrapped after their minus sign in a column too narrow for them.

Writer and Word break a line after a hyphen-minus, so `-122443` in a narrow
cell prints as `-` over `122443`, the two set one leading apart and lined up
on the cell's edge. The row's other cells stand on the line of one of the
halves (the first in a top-aligned row, the last in a bottom-aligned one) or
between them (a centred row). Read as printed, the sign is a line of its own
and the digits a positive number: the wrapped halves are joined back into one
number on the row's line. A dash printed for nothing (`-` in a row, a number
in the next) is no wrap: its line holds the rest of its row and so does the
number's, and rows stand further apart than one leading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extract.readers.pdf.words import NUMBER, SIGN, Line, Word, union, words_to_lines

WRAP_GAP = 0.3  # widest gap between a cell's wrapped lines (x text height)
OVERLAP = 0.25  # the halves may overlap this much in height (x text height)
EDGE = 1.0  # points two wrapped lines of one cell may differ by at the edge they are set on


def join_wrapped_signs(lines: Sequence[Line], tolerance: float) -> list[Line]:
    """Given a page's lines (numbers merged), return them with each minus sign wrapped
    above its digits joined to them, on its row's line (lines regrouped within tolerance)."""
    pairs = [pair for index, line in enumerate(lines) for pair in _wrapped(lines, index, line)]
    if not pairs:
        return list(lines)
    halves = {id(word) for pair in pairs for word in pair[:2]}
    words = [word for line in lines for word in line.words if id(word) not in halves]
    words += [_joined(*pair) for pair in pairs]
    return words_to_lines(words, tolerance)


def _wrapped(lines: Sequence[Line], index: int, line: Line):
    """Given the lines and one of them, yield (sign, digits, line of the sign, line of the
    digits) for each lone sign on it wrapped above the digits of its number."""
    for sign in line.words:
        if not SIGN.match(sign.text):
            continue
        found = _digits_below(sign, lines[index + 1 :])
        if found is None:
            continue
        digits, below = found
        if _alone(sign, line) or _alone(digits, below):
            yield sign, digits, line, below


def _digits_below(sign: Word, below: Sequence[Line]) -> tuple[Word, Line] | None:
    """Given a sign and the lines below it, return the unsigned number set one leading under
    it on the same edge, and its line; None when another word comes first or none does."""
    for line in below:
        gap = line.top - sign.bottom
        if gap > WRAP_GAP * sign.height:
            return None
        for word in line.words:
            if min(word.x1, sign.x1) <= max(word.x0, sign.x0) and not _on_edge(sign, word):
                continue
            unsigned = NUMBER.match(word.text) and word.text[0].isdigit()
            if unsigned and _on_edge(sign, word) and gap >= -OVERLAP * sign.height:
                return word, line
            return None
    return None


def _on_edge(sign: Word, digits: Word) -> bool:
    """Given a sign and digits below it, return whether they line up on a left or right edge."""
    return abs(sign.x0 - digits.x0) <= EDGE or abs(sign.x1 - digits.x1) <= EDGE


def _alone(word: Word, line: Line) -> bool:
    """Given a word and its line, return whether the line holds nothing else."""
    return all(other is word for other in line.words)


def _joined(sign: Word, digits: Word, upper: Line, lower: Line) -> Word:
    """Given a wrapped number's halves and their lines, return the number as one word set
    on the line of the row's other cells: the line not holding its half alone, or between
    the two when both do (a centred row)."""
    number = union([sign, digits], sep="")
    if _alone(sign, upper) and not _alone(digits, lower):
        return replace(number, top=digits.top, bottom=digits.bottom)
    if _alone(digits, lower) and not _alone(sign, upper):
        return replace(number, top=sign.top, bottom=sign.bottom)
    return number
