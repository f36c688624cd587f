"""Runs of digit groups one monospaced space apart, split where the page's columns say.

In a monospaced font the thousands space is one digit wide, and so may be the
gap between two columns (`200 328 203 875`): the groups of such a run are left
apart by `merge_numbers`, since its words alone do not say which groups make
one number. The page's other numbers do: a number printed in a column starts
or ends where that column's other numbers do. A run is joined the one way in
which every number it makes lines up with such an edge (WeasyPrint's
`−2 425 978` over `−645 647`: not `−2` and `425 978`). A run that no way or
several ways fit stays apart, as printed, and its table's columns (which
other rows make) read it: pieces one column holds make one number there, and
pieces in neighbouring cells are withheld (`extract.split_numbers`), never
stored as partial numbers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import combinations

from extract.readers.pdf.words import NUMBER, Line, Word, monospaced_space, union

# A piece that can open a number: a sign, a 1-3 digit group not padded with zeros,
# and whole thousands groups (`−2`, `425 978`, `1`); `001` cannot open one.
OPENING = re.compile(r"^[-−–+]?\s?(?:0|[1-9]\d{0,2})(?:[ \u00a0]\d{3})*$")
# A piece that can continue a number: unsigned thousands groups, maybe decimals (`978`).
CONTINUING = re.compile(r"^\d{3}(?:[ \u00a0]\d{3})*(?:[,.]\d+)?[%*]?$")
EDGE_TOLERANCE = 0.1  # share of a digit's advance two edges of one column may differ by
# numbers that must start (or end) at one place for it to be a column's edge: a lone
# number of another table or of the prose lines up with a piece by chance
MIN_EDGE_SUPPORT = 2
MIN_ROW_NUMBERS = 2  # numbers a line needs for its numbers to show where columns stand
MAX_RUN = 8  # pieces beyond which a run is not worth splitting every way (2**7 ways)


def join_digit_runs(lines: Sequence[Line]) -> list[Line]:
    """Given a page's lines with numbers merged, return them with ambiguous runs resolved."""
    runs = [list(_runs(line)) for line in lines]
    lefts, rights = _column_edges(lines, runs)
    return [_resolved(line, found, lefts, rights) for line, found in zip(lines, runs, strict=True)]


def _runs(line: Line) -> Iterator[range]:
    """Given a line, yield the index ranges of its runs of two or more digit-group pieces."""
    words = line.words
    start = 0
    for index in range(1, len(words) + 1):
        if index < len(words) and _continues(words[index - 1], words[index]):
            continue
        if index - start > 1:
            yield range(start, index)
        start = index


def _continues(left: Word, right: Word) -> bool:
    """Given two neighbouring words, return whether the right one may continue the left's number."""
    pieces = OPENING.match(left.text) or CONTINUING.match(left.text)
    if not (pieces and CONTINUING.match(right.text)):
        return False
    return monospaced_space(right.x0 - left.x1, right)


def _column_edges(lines: Sequence[Line], runs: Sequence[list[range]]):
    """Given the lines and their runs, return the left and right edges that unambiguous
    numbers of several lines share."""
    lefts: list[float] = []
    rights: list[float] = []
    for line, line_runs in zip(lines, runs, strict=True):
        inside = {index for run in line_runs for index in run}
        numbers = [word for i, word in enumerate(line.words) if word.is_number and i not in inside]
        if len(numbers) + len(line_runs) < MIN_ROW_NUMBERS:
            continue
        lefts += [word.x0 for word in numbers]
        rights += [word.x1 for word in numbers]
    return _shared(lefts), _shared(rights)


def _shared(edges: list[float]) -> list[float]:
    """Given edges, return those that at least MIN_EDGE_SUPPORT edges stand at (rounded)."""
    counts = Counter(round(edge, 1) for edge in edges)
    return [edge for edge in edges if counts[round(edge, 1)] >= MIN_EDGE_SUPPORT]


def _resolved(line: Line, runs: list[range], lefts: list[float], rights: list[float]) -> Line:
    """Given a line and its runs, return the line with each run joined the one way that fits."""
    if not runs:
        return line
    words: list[Word] = []
    done = 0
    for run in runs:
        words += line.words[done : run.start]
        pieces = line.words[run.start : run.stop]
        fitting = [split for split in _splits(pieces) if _aligned(split, lefts, rights)]
        words += fitting[0] if len(fitting) == 1 else pieces
        done = run.stop
    words += line.words[done:]
    return Line(tuple(words))


def _splits(pieces: Sequence[Word]) -> Iterator[list[Word]]:
    """Given a run's pieces, yield every way to join them into numbers, as joined words."""
    if len(pieces) > MAX_RUN:
        return
    inner = range(1, len(pieces))
    for count in range(len(pieces)):
        for cuts in combinations(inner, count):
            bounds = (0, *cuts, len(pieces))
            groups = [pieces[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
            numbers = [union(group) for group in groups]
            if all(map(_one_number, groups, numbers)):
                yield numbers


def _one_number(pieces: Sequence[Word], number: Word) -> bool:
    """Given pieces joined into one word, return whether they print one number (`1 001 260`)."""
    return bool(OPENING.match(pieces[0].text) and NUMBER.match(number.text))


def _aligned(numbers: Sequence[Word], lefts: list[float], rights: list[float]) -> bool:
    """Given a run joined one way, return whether each number starts or ends at a column edge."""
    return all(
        any(abs(number.x1 - edge) <= _tolerance(number) for edge in rights)
        or any(abs(number.x0 - edge) <= _tolerance(number) for edge in lefts)
        for number in numbers
    )


def _tolerance(number: Word) -> float:
    """Given a number word, return how far its edges may stand from its column's edges."""
    return EDGE_TOLERANCE * (number.x1 - number.x0) / len(number.text)
