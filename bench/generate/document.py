"""The printed document every engine renders: blocks of text and tables of printed cells.

A number cell carries the gold fact it prints, so the gold and the PDF come
from one structure and cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GoldRow:
    """One gold fact in the format of bench/gold/*.csv, plus the row label it is printed beside."""

    relation: str
    line_item: str
    measure: str
    fiscal_year: int | None
    value: float
    unit: str
    as_printed: str
    row_label: str = ""  # empty for a figure in running text


@dataclass(frozen=True)
class Cell:
    """One printed cell and, for a number, the gold fact it prints."""

    text: str
    gold: GoldRow | None = None


@dataclass(frozen=True)
class Row:
    """One table row: a label cell, then number cells."""

    cells: list[Cell]
    total: bool = False


@dataclass(frozen=True)
class Table:
    """A printed table: caption, optional group header (text, span), header, rows, note."""

    caption: str
    header: list[str]
    rows: list[Row]
    groups: list[tuple[str, int]] | None = None
    note: str = ""


@dataclass(frozen=True)
class Paragraph:
    """Running text and the gold facts it states."""

    text: str
    gold: tuple[GoldRow, ...] = ()


@dataclass(frozen=True)
class Heading:
    """A heading of the running text."""

    text: str
    level: int = 2


@dataclass
class PrintedDoc:
    """One report as printed: its title block and blocks in reading order."""

    name: str
    title_lines: list[str]
    blocks: list[Heading | Paragraph | Table] = field(default_factory=list)

    def gold(self) -> list[GoldRow]:
        """Given the document, return every gold fact it prints, in reading order."""
        rows: list[GoldRow] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                rows += block.gold
            elif isinstance(block, Table):
                rows += [cell.gold for row in block.rows for cell in row.cells if cell.gold]
        return rows


PARENTHESES = "()"  # the minus convention that prints a negative number in parentheses


def number_text(value: float, decimals: int, thousands: str, minus: str, zero_dash: bool) -> str:
    """Given a value in the printed unit and the conventions, return the number as printed."""
    rounded = round(value, decimals)
    if rounded == 0:
        return "–" if zero_dash else f"{0:.{decimals}f}".replace(".", ",")
    digits = f"{abs(rounded):,.{decimals}f}".replace(",", "\x00").replace(".", ",")
    digits = digits.replace("\x00", thousands)
    if rounded >= 0:
        return digits
    return f"({digits})" if minus == PARENTHESES else f"{minus}{digits}"
