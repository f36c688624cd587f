"""Cells run together by a narrow gap, cut again where a number column starts or ends.

A long name and a number set flush left after it (`Ombyggnad/tillgängliggöran
400`, `Sjukfrånvaro totalt 6,28%`) can stand closer than a cell gap. Where a
number inside such a cell starts on the left edge of a number column (set
flush left, or where other rows start their numbers), a new cell starts. So
can a label that runs up to numbers set flush right, its widest value a few
points after it (`Dricksvattenproduktion −47,9`): a number that ends a label
cell on the right edge where other rows end theirs is that column's value.
"""

from __future__ import annotations

from dataclasses import replace

from extract.readers.pdf.columns import Column
from extract.readers.pdf.rows import SplitLine
from extract.readers.pdf.words import Word, union

MIN_EDGE_SUPPORT = 2  # rows that must start (or end) a cell on an edge before it cuts others


def cut_at_column_edges(lines: list[SplitLine], columns: list[Column]) -> list[SplitLine]:
    """Given a table's row lines and its columns, return the lines with run-together cells cut."""
    tolerance = columns[0].tolerance
    numbers = [c for c in columns if c.numeric and c.support >= MIN_EDGE_SUPPORT]
    lefts = [
        c.x0
        for c in numbers
        if c.left_aligned or _cells_on_edge(lines, c.x0, lambda w: w.x0, tolerance)
    ]
    rights = [
        c.x1
        for c in numbers
        if not c.left_aligned and _cells_on_edge(lines, c.x1, lambda w: w.x1, tolerance)
    ]
    return [replace(s, cells=_cut_cells(s, (lefts, rights), tolerance)) for s in lines]


def _cells_on_edge(lines: list[SplitLine], x: float, edge, tolerance: float) -> bool:
    """Given row lines, an x and the edge of a cell to hold against it, return whether
    enough lines print a number cell of their own with that edge there."""
    count = sum(
        1 for s in lines if any(c.is_number and abs(edge(c) - x) <= tolerance for c in s.cells)
    )
    return count >= MIN_EDGE_SUPPORT


def _cut_cells(line: SplitLine, edges: tuple[list[float], list[float]], tolerance) -> list[Word]:
    """Given a line and the left and right edges of number columns, return its cells cut
    where a number starts on a left edge, or ends the cell on a right edge after text:
    a label never absorbs the number after it."""
    cells: list[Word] = []
    for cell in line.cells:
        words = [w for w in line.line.words if cell.x0 <= w.x0 and w.x1 <= cell.x1]
        cuts = [i for i in range(1, len(words)) if _starts_value(words, i, edges, tolerance)]
        starts = [0, *cuts]
        if len(starts) == 1:
            cells.append(cell)
            continue
        bounds = [*starts, len(words)]
        cells += [union(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return cells


def _starts_value(words: list[Word], index: int, edges, tolerance: float) -> bool:
    """Given a cell's words and the index of one, return whether a value starts there: a
    number on a column's left edge, or the cell's last word, a number after text ending
    on a column's right edge (a cell of numbers only, `-26 62`, stays as printed)."""
    word = words[index]
    lefts, rights = edges
    if not word.is_number:
        return False
    if any(abs(word.x0 - x) <= tolerance for x in lefts):
        return True
    after_text = any(not w.is_number for w in words[:index])
    last = index == len(words) - 1
    return last and after_text and any(abs(word.x1 - x) <= tolerance for x in rights)
