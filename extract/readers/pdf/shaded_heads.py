"""Cramped tables told apart by their shaded header cells.

Writer sets a table's columns as narrow as their text: in a monospaced font the
words of adjacent columns stand as close as words of one cell (`Samtliga 3,6 %
4,7 %`), so gaps alone make one cell of the whole line. Its header cells are
shaded each on their own, side by side: where two of them meet, a column ends.
Below such a header row, a line's cell is cut where a number starts after a
word gap that holds such a join (a label never absorbs the number after it),
while the lines stand close together and none prints a word across a join (prose
again: the table has ended).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extract.readers.pdf.words import Line, Word, union

Box = tuple[float, float, float, float]  # a shaded rectangle: x0, top, x1, bottom
JOIN = 4.0  # points between two shaded cells of one row (Writer leaves ~3 pt of border)
ROW_EDGE = 1.0  # points the tops and bottoms of one row's shaded cells may differ
MIN_CELLS = 3  # a label head and two number heads
END_GAP = 1.5  # a line further below the last than this (x its height) ends the table


@dataclass(frozen=True)
class ShadedRow:
    """A row of shaded header cells: its vertical extent and the x where its cells meet."""

    top: float
    bottom: float
    joins: tuple[float, ...]


def shaded_rows(shades: Sequence[Box]) -> list[ShadedRow]:
    """Given a page's shaded rectangles, return its rows of shaded cells, each with the
    joins of the cells that stand side by side in it."""
    rows: list[list[Box]] = []
    for box in sorted(shades, key=lambda b: (b[1], b[3])):
        if rows and _level(rows[-1][0], box):
            rows[-1].append(box)
        else:
            rows.append([box])
    found = []
    for row in rows:
        row.sort(key=lambda b: b[0])
        pairs = zip(row, row[1:], strict=False)
        joins = tuple((a[2] + b[0]) / 2 for a, b in pairs if 0 <= b[0] - a[2] <= JOIN)
        if len(row) >= MIN_CELLS and joins:
            found.append(ShadedRow(row[0][1], row[0][3], joins))
    return found


def _level(first: Box, box: Box) -> bool:
    """Given a row's first shaded cell and another, return whether they share the row."""
    return abs(first[1] - box[1]) <= ROW_EDGE and abs(first[3] - box[3]) <= ROW_EDGE


def joins_per_line(lines: Sequence[Line], rows: Sequence[ShadedRow]) -> list[tuple[float, ...]]:
    """Given a page's lines, top to bottom, and its shaded header rows, return for each line
    the joins its cells are cut at: those of the header row it stands in or below, while the
    lines from that row down stand close together and print no word across a join."""
    joins: list[tuple[float, ...]] = []
    active: tuple[float, ...] = ()
    above: Line | None = None
    for line in lines:
        if above is not None and line.top - above.bottom > END_GAP * line.height:
            active = ()  # set apart: the table has ended
        middle = (line.top + line.bottom) / 2
        row = next((r for r in rows if r.top <= middle <= r.bottom), None)
        if row is not None:
            active = row.joins
        if active and any(_across(word, active) for word in line.words):
            active = ()
        joins.append(active)
        above = line
    return joins


def _across(word: Word, joins: Sequence[float]) -> bool:
    return any(word.x0 < x < word.x1 for x in joins)


def cut_at_joins(line: Line, cells: list[Word], joins: Sequence[float]) -> list[Word]:
    """Given a line, its cells and the joins of the shaded header over it, return the cells
    cut wherever a join falls right before a number."""
    if not joins:
        return cells
    cut: list[Word] = []
    for cell in cells:
        words = [w for w in line.words if cell.x0 <= w.x0 and w.x1 <= cell.x1]
        starts = [0] + [
            i
            for i, (left, right) in enumerate(zip(words, words[1:], strict=False), start=1)
            if right.is_number and any(left.x1 <= x <= right.x0 for x in joins)
        ]
        bounds = [*starts, len(words)]
        cut += (
            [union(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
            if words
            else [cell]
        )
    return cut
