"""Numbers wrapped in a column too narrow for them: after their minus sign or
between their digit groups.

Writer and Word break a line after a hyphen-minus, so `-122443` in a narrow
cell prints as `-` over `122443`, and at a space, so `1 556 735` prints as
`1 556` over `735`: the two set one leading apart and lined up on the cell's
edge. The row's other cells stand on the line of one of the
halves (the first in a top-aligned row, the last in a bottom-aligned one) or
between them (a centred row). Read as printed, the sign is a line of its own
and the digits a positive number, or the last group a number a thousandth of
the printed one: the wrapped halves are joined back into one number on the
row's line. A dash or a number printed in a row over a number in the next is
no wrap: its line holds the rest of its row and so does the number's, and rows
stand further apart than one leading. A line holding only halves (a row's
wrapped figures side by side) is no row either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extract.readers.pdf.words import LEADING_GROUP, NUMBER, SIGN, Line, Word, union, words_to_lines

WRAP_GAP = 0.3  # widest gap between a cell's wrapped lines (x text height)
OVERLAP = 0.25  # the halves may overlap this much in height (x text height)
EDGE = 1.0  # points two wrapped lines of one cell may differ by at the edge they are set on
# what may follow a number's leading group on the next line: whole groups of three
TRAILING_GROUPS = re.compile(r"^\d{3}(?:[ \u00a0]\d{3})*(?:,\d+)?(?:\)\*?)?$")


def join_wrapped_signs(lines: Sequence[Line], tolerance: float) -> list[Line]:
    """Given a page's lines (numbers merged), return them with each number wrapped after
    its sign or a digit group joined back, on its row's line (lines regrouped within
    tolerance)."""
    candidates = [pair for index, line in enumerate(lines) for pair in _wrapped(lines, index, line)]
    heads = {id(pair[0]) for pair in candidates}
    tails = {id(pair[1]) for pair in candidates}
    pairs = [pair for pair in candidates if _only(pair[2], heads) or _only(pair[3], tails)]
    if not pairs:
        return list(lines)
    halves = {id(word) for pair in pairs for word in pair[:2]}
    words = [word for line in lines for word in line.words if id(word) not in halves]
    words += [
        _joined(*pair, upper_halves=_only(pair[2], heads), lower_halves=_only(pair[3], tails))
        for pair in pairs
    ]
    return words_to_lines(words, tolerance)


def _wrapped(lines: Sequence[Line], index: int, line: Line):
    """Given the lines and one of them, yield (head, rest, line of the head, line of the
    rest) for each sign or leading digit group on it wrapped above the rest of its number."""
    for head in line.words:
        rest_pattern = _rest_of(head)
        if rest_pattern is None:
            continue
        found = _rest_below(head, lines[index + 1 :], rest_pattern)
        if found is not None:
            yield head, found[0], line, found[1]


def _rest_of(head: Word) -> re.Pattern[str] | None:
    """Given a word, return the pattern the rest of its number must match on the next line
    if it may be a wrapped number's first half; None when it may not."""
    if SIGN.match(head.text):
        return NUMBER
    if LEADING_GROUP.match(head.text):
        return TRAILING_GROUPS
    return None


def _rest_below(
    head: Word, below: Sequence[Line], rest_pattern: re.Pattern[str]
) -> tuple[Word, Line] | None:
    """Given a number's first half, the lines below it and what its rest looks like, return
    the unsigned rest set one leading under it on the same edge, and its line; None when
    another word comes first or none does."""
    for line in below:
        gap = line.top - head.bottom
        if gap > WRAP_GAP * head.height:
            return None
        for word in line.words:
            if min(word.x1, head.x1) <= max(word.x0, head.x0) and not _on_edge(head, word):
                continue
            unsigned = rest_pattern.match(word.text) and word.text[0].isdigit()
            if unsigned and _on_edge(head, word) and gap >= -OVERLAP * head.height:
                return word, line
            return None
    return None


def _on_edge(sign: Word, digits: Word) -> bool:
    """Given a sign and digits below it, return whether they line up on a left or right edge."""
    return abs(sign.x0 - digits.x0) <= EDGE or abs(sign.x1 - digits.x1) <= EDGE


def _only(line: Line, halves: set[int]) -> bool:
    """Given a line and the ids of wrapped halves, return whether it holds nothing else."""
    return all(id(word) in halves for word in line.words)


def _joined(
    head: Word, rest: Word, upper: Line, lower: Line, *, upper_halves: bool, lower_halves: bool
) -> Word:
    """Given a wrapped number's halves, their lines and whether each line holds only
    halves, return the number as one word set on the line of the row's other cells: the
    line not holding halves alone, or between the two when both do (a centred row)."""
    number = union([head, rest], sep="" if SIGN.match(head.text) else " ")
    if upper_halves and not lower_halves:
        return replace(number, top=rest.top, bottom=rest.bottom)
    if lower_halves and not upper_halves:
        return replace(number, top=head.top, bottom=head.bottom)
    return number
