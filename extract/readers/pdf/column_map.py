"""Which column of a table each column of its continuation on the next page is.

A continued table prints the same columns, but a borderless page may leave a
label column empty on all its rows (no priority or status printed for the sums),
so it is found with fewer columns; its columns are matched by their aligned edges.
"""

from __future__ import annotations

from extract.model import RawCell
from extract.readers.pdf.columns import Column
from extract.readers.pdf.tables import PageTable, empty_cell


def column_map(previous: PageTable, table: PageTable, tolerance: float) -> list[int] | None:
    """Given a table and its possible continuation, return each column's index in the first.

    None when the columns do not line up: all must match for equal column
    counts; a borderless continuation with fewer columns may lack label columns
    only.
    """
    edges, before = table.column_edges, previous.column_edges
    if len(edges) == len(before):
        same = all(abs(a - b) <= tolerance for a, b in zip(edges, before, strict=True))
        return list(range(len(edges))) if same else None
    if table.method != "borderless" or previous.method != "borderless":
        return None
    if _numbers(table) != _numbers(previous) or len(edges) > len(before):
        return None
    mapping = [_match(column, previous.columns, tolerance) for column in table.columns]
    if None in mapping or mapping != sorted(set(mapping)):
        return None
    numeric = [i for i, c in enumerate(previous.columns) if c.numeric]
    return mapping if mapping[-len(numeric) :] == numeric else None


def _numbers(table: PageTable) -> int:
    return sum(1 for c in table.columns if c.numeric)


def _match(column: Column, columns: tuple[Column, ...], tolerance: float) -> int | None:
    """Given a column, return the index of the column of the same kind sharing an edge with it.

    A few rows may not show how numbers are aligned (`1200` under `36 325`), so
    a number column matches on either edge; a label column on its left edge.
    """
    for index, other in enumerate(columns):
        if other.numeric != column.numeric:
            continue
        if abs(other.x0 - column.x0) <= tolerance:
            return index
        if column.numeric and abs(other.x1 - column.x1) <= tolerance:
            return index
    return None


def remap(rows: list[list[RawCell]], mapping: list[int], width: int) -> list[list[RawCell]]:
    """Given rows, each column's index in the first table and its width, return them in its grid."""
    remapped = []
    for row in rows:
        page = row[0].page if row else 0
        cells = [empty_cell(page) for _ in range(width)]
        for cell, index in zip(row, mapping, strict=True):
            cells[index] = cell
        remapped.append(cells)
    return remapped
