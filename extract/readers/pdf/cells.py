"""Cells run together by a narrow gap, cut again where a number column starts.

A long name and a number set flush left after it (`Ombyggnad/tillgängliggöran
400`, `Sjukfrånvaro totalt 6,28%`) can stand closer than a cell gap. Where a
number inside such a cell starts on the left edge of a number column (set
flush left, or where other rows start their numbers), a new cell starts.
"""

from __future__ import annotations

from dataclasses import replace

from extract.readers.pdf.columns import Column
from extract.readers.pdf.rows import SplitLine
from extract.readers.pdf.words import Word, union

MIN_EDGE_SUPPORT = 2  # rows that must start a cell on an edge before it cuts others


def cut_at_column_edges(lines: list[SplitLine], columns: list[Column]) -> list[SplitLine]:
    """Given a table's row lines and its columns, return the lines with run-together cells cut."""
    tolerance = columns[0].tolerance
    edges = [
        c.x0
        for c in columns
        if c.numeric
        and (c.left_aligned or _cells_starting(lines, c.x0, tolerance) >= MIN_EDGE_SUPPORT)
        and c.support >= MIN_EDGE_SUPPORT
    ]
    return [replace(s, cells=_cut_cells(s, edges, tolerance)) for s in lines]


def _cells_starting(lines: list[SplitLine], edge: float, tolerance: float) -> int:
    """Given row lines and an x, return how many lines start a number cell there."""
    return sum(
        1 for s in lines if any(c.is_number and abs(c.x0 - edge) <= tolerance for c in s.cells)
    )


def _cut_cells(line: SplitLine, edges: list[float], tolerance: float) -> list[Word]:
    """Given a line and the left edges of columns, return its cells cut at those edges, where
    a number starts: a label never absorbs the number after it."""
    cells: list[Word] = []
    for cell in line.cells:
        words = [w for w in line.line.words if cell.x0 <= w.x0 and w.x1 <= cell.x1]
        starts = [0] + [
            i
            for i, w in enumerate(words)
            if i and w.is_number and any(abs(w.x0 - e) <= tolerance for e in edges)
        ]
        if len(starts) == 1:
            cells.append(cell)
            continue
        bounds = [*starts, len(words)]
        cells += [union(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return cells
