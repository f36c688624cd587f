"""From a printed grid to cells that know their header and their row label.

Rules (layout only; what a header *means* is vocabulary, decided in dbt):
- Header rows are the leading rows before the first row that holds a value:
  a number that is not a bare year (`Budget | 2024 | 2025` is a header row).
- Label columns are column 0 and the columns after it, up to the first column
  whose body cells are mostly numbers, that do not carry a year in their
  header (`Projekt nr | Projekt namn` are both labels; `Mål 2024` is not); a
  column of codes counts as a label column when a text column follows it.
- A column's header is the text of its header cells, top to bottom, with
  group headers (`span` > 1) repeated over the columns they cover.
- A row's label is its label cells joined, codes left out when text names the
  row; a blank leading label cell under a second label column repeats the one
  above (`10 Nämnder | Intäkt`, `| Kostnad`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import RawCell, RawTable
from extract.numbers import ParsedNumber, is_year, parse_number
from extract.split_numbers import withhold_split_numbers

MOSTLY = 0.5  # share of body cells that must be numbers for a column to hold values
_YEAR_IN_HEADER = re.compile(r"(19|20)\d\d|\d\d-\d\d-\d\d|\b\d{4,6}\b")
_CODE = re.compile(r"^(?:\d{1,6}|[A-ZÅÄÖ]{1,2})$")  # a number, or a letter or two, naming a row


@dataclass(frozen=True)
class StructuredCell:
    """One printed cell with its parsed number and its place in the table's structure."""

    row_index: int
    col_index: int
    cell: RawCell
    parsed: ParsedNumber
    is_header: bool
    is_label: bool
    column_header: str
    row_label: str


@dataclass(frozen=True)
class StructuredTable:
    """A table's cells plus how many leading rows are header."""

    table: RawTable
    cells: list[StructuredCell]
    header_rows: int


def structure_table(table: RawTable) -> StructuredTable:
    """Given a printed grid, return its cells with header, label and number resolved."""
    parsed = [[parse_number(cell.text) for cell in row] for row in table.rows]
    parsed = withhold_split_numbers(table.rows, parsed)
    header_rows = count_header_rows(parsed, table.rows)
    headers = column_headers(table.rows[:header_rows], _width(table))
    labels = label_columns(table.rows[header_rows:], parsed[header_rows:], headers)
    row_labels = _row_labels(table.rows, header_rows, labels)
    cells = [
        StructuredCell(
            row_index=r,
            col_index=c,
            cell=cell,
            parsed=parsed[r][c],
            is_header=r < header_rows,
            is_label=c in labels,
            column_header=headers[c],
            row_label=row_labels[r],
        )
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row)
    ]
    return StructuredTable(table=table, cells=cells, header_rows=header_rows)


def count_header_rows(parsed: list[list[ParsedNumber]], rows: list[list[RawCell]]) -> int:
    """Given parsed rows, return how many leading rows come before the first value row."""
    for index, (numbers, cells) in enumerate(zip(parsed, rows, strict=True)):
        values = [
            number
            for number, cell in zip(numbers[1:], cells[1:], strict=True)
            if (number.value is not None or number.flag == "malformed") and not is_year(cell.text)
        ]
        if values:
            return index
    return len(rows)


def column_headers(header_rows: list[list[RawCell]], width: int) -> list[str]:
    """Given the header rows, return each column's header text, group headers spread."""
    parts: list[list[str]] = [[] for _ in range(width)]
    for row in header_rows:
        for col, cell in enumerate(row):
            text = cell.text.strip()
            if not text:
                continue
            for covered in range(col, min(col + max(cell.span, 1), width)):
                parts[covered].append(text)
    return [" ".join(column) for column in parts]


def label_columns(
    body: list[list[RawCell]], parsed: list[list[ParsedNumber]], headers: list[str]
) -> set[int]:
    """Given body rows and column headers, return the indexes of the label columns.

    A column of codes (`Proj Nr`: `6289`) is a label column when a text column
    follows it before the values start.
    """
    labels = {0}
    pending: list[int] = []  # code columns waiting for a text column after them
    for col in range(1, len(headers)):
        if _YEAR_IN_HEADER.search(headers[col]):
            break
        if not _mostly_numbers(body, parsed, col):
            labels.update([*pending, col])
            pending = []
        elif _codes(body, col):
            pending.append(col)
        else:
            break
    return labels


def _codes(body: list[list[RawCell]], col: int) -> bool:
    """Given body rows, return whether column `col` holds codes only (`1`, `P`, `6289`)."""
    filled = [cells[col].text.strip() for cells in body if cells[col].text.strip()]
    return bool(filled) and all(_CODE.match(text) for text in filled)


def _mostly_numbers(body: list[list[RawCell]], parsed: list[list[ParsedNumber]], col: int) -> bool:
    """Given body rows, return whether column `col` holds mostly numbers (or nothing)."""
    filled = [
        numbers[col] for cells, numbers in zip(body, parsed, strict=True) if cells[col].text.strip()
    ]
    if not filled:
        return True
    numeric = sum(1 for number in filled if number.value is not None or number.flag)
    return numeric / len(filled) >= MOSTLY


def _row_labels(rows: list[list[RawCell]], header_rows: int, labels: set[int]) -> list[str]:
    """Given the grid, return each row's label, repeating a blank leading label from above.

    Label columns of codes (a priority, a status letter, a project number) stand
    beside the label and are left out of it when a column of text names the row.
    """
    body = rows[header_rows:]
    named = [col for col in sorted(labels) if not _codes(body, col)]
    ordered = named or sorted(labels)
    result: list[str] = []
    carried = ""
    for index, row in enumerate(rows):
        texts = [row[col].text.strip() for col in ordered]
        if index >= header_rows and len(texts) > 1 and not texts[0] and any(texts[1:]):
            texts[0] = carried
        elif texts[0]:
            carried = texts[0]
        result.append(" ".join(text for text in texts if text))
    return result


def _width(table: RawTable) -> int:
    """Given a table, return its column count."""
    return max((len(row) for row in table.rows), default=0)
