"""The shapes every reader returns, before interpretation.

A reader turns one file into a `Document`: the tables it found, as grids of
printed cells, and the text outside them. Readers only describe layout; what
a header or a number means is decided later (`extract.structure`, dbt).
"""

from __future__ import annotations

from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]


class ReadError(Exception):
    """A file that cannot be read at all (corrupt, encrypted, not a report)."""


@dataclass(frozen=True)
class RawCell:
    """One printed cell: its text with wrapped lines joined, and where it stood."""

    text: str
    page: int
    bbox: BBox | None = None
    italic: bool = False
    span: int = 1  # columns this cell covers (group headers such as `Helår`)


@dataclass(frozen=True)
class RawTable:
    """A rectangular grid of cells as printed, with the text that introduces it."""

    rows: list[list[RawCell]]
    page: int
    method: str  # ruled | borderless | docx | text_tabs | text_cells
    caption: str = ""  # the heading or line right above the table
    context: str = ""  # text between the previous table and this one, bounded
    note: str = ""  # the paragraph right below the table (`Belopp i tkr.`), if any


@dataclass(frozen=True)
class TextBlock:
    """A paragraph or line of running text outside tables."""

    page: int
    text: str
    bbox: BBox | None = None
    lines: tuple[str, ...] = ()  # its printed lines, where the reader knows them (PDF)


@dataclass
class Document:
    """Everything one reader found in one file."""

    page_count: int
    tables: list[RawTable] = field(default_factory=list)
    text_blocks: list[TextBlock] = field(default_factory=list)
    pages_without_text: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    truncated: bool = False  # a limit (e.g. max_pages) stopped the reading early
