"""A table found on one page, before captions and page joins are settled."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from extract.model import BBox, RawCell
from extract.readers.pdf.words import Word


@dataclass(frozen=True)
class PageTable:
    """A grid of cells on one page, with where it stood and its column right edges."""

    rows: list[list[RawCell]]
    page: int
    method: str
    bbox: BBox
    column_edges: tuple[float, ...]  # the aligned edge of each column, left to right
    label_right: float  # where text of the first column must end (wrapped labels)
    columns: tuple[Any, ...] = ()  # borderless: the `columns.Column`s the rows stand in
    header_rows: int = 0  # borderless: rows built from header lines
    last_label: Word | None = None  # the last printed line of the last row's label


def empty_cell(page: int) -> RawCell:
    """Given a page, return the blank cell that keeps a grid rectangular."""
    return RawCell(text="", page=page)
