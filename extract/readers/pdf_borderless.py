"""Borderless tables: built from word positions when no lines are drawn.

A table is a run of lines that each hold at least two numbers standing in
number columns (a number column is a cluster of right edges: numbers are
right-aligned), with the label text to their left, wrapped label lines in
between and up to a few header lines above. Running prose never qualifies: a
row may hold no text after its first number, so a sentence with numbers in
it is not a row. A wrong table is worse than a missed one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.model import RawCell
from extract.readers.pdf_columns import Column, assign, block_columns, widen_labels
from extract.readers.pdf_rowlines import SplitLine, cells_from_lines
from extract.readers.pdf_tables import PageTable
from extract.readers.pdf_words import DASH, NUMBER, Line, first_number, segments

YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class BorderlessSettings:
    """Tunables, as multiples of the text height unless said otherwise."""

    cell_gap: float = 0.8  # wider gaps than this separate cells
    number_gap: float = 0.45  # widest thousands space
    row_gap: float = 4.0  # lines further apart than this end the table
    wrap_gap: float = 0.5  # a label line this close below a row continues its label
    header_gap: float = 1.6  # header lines this close above the first row
    max_header_lines: int = 4
    min_rows: int = 2
    min_numbers: int = 2  # numbers a line needs to be a table row


def lines_to_borderless_tables(
    lines: Sequence[Line], page_number: int, settings: BorderlessSettings
) -> list[PageTable]:
    """Given the merged lines of a page (outside ruled tables), return its borderless tables."""
    split = [_split(line, settings) for line in lines]
    tables: list[PageTable] = []
    start = 0
    while start < len(split):
        if not split[start].is_row:
            start += 1
            continue
        end = _block_end(split, start, settings)
        table = _block_to_table(split, start, end, page_number, settings)
        if table is not None:
            tables.append(table)
        start = end
    return tables


def _split(line: Line, settings: BorderlessSettings) -> SplitLine:
    """Given a line, return its cells and whether it reads as a table row."""
    cells = segments(line, settings.cell_gap, settings.number_gap)
    first = first_number(cells)
    if first is None:
        return SplitLine(line, cells, False)
    tail = cells[first:]
    numbers = sum(1 for c in tail if NUMBER.match(c.text))
    only_numbers = all(c.is_number or DASH.match(c.text) for c in tail)
    # A line of bare years (`2023 2024 2025`) is the lower line of a header.
    years = all(YEAR.match(c.text) for c in cells)
    return SplitLine(line, cells, only_numbers and not years and numbers >= settings.min_numbers)


def _block_end(split: list[SplitLine], start: int, settings: BorderlessSettings) -> int:
    """Given the index of a row line, return the index after the last line of its block."""
    end = last_row = start
    while end + 1 < len(split):
        previous, current = split[end].line, split[end + 1].line
        if current.top - previous.bottom > settings.row_gap * previous.height:
            break
        if _starts_new_part(split[end + 1], split[last_row]):
            break
        end += 1
        if split[end].is_row:
            last_row = end
    # Keep label lines after the last row only while they continue its label.
    end = last_row
    while end + 1 < len(split) and _continues(split[end].line, split[end + 1], settings):
        end += 1
    return end + 1


def _starts_new_part(item: SplitLine, row: SplitLine) -> bool:
    """Given a line after a table row, return whether it ends the table there.

    Label lines and rows of text cells (`Kultur- och` / `Ej aktuellt`) stay in the
    table; a line of several cells in bold is the header of the next table, and
    a single text running into the number columns is prose or a heading.
    """
    if item.is_row:
        return False
    if len(item.cells) > 1:
        return any(c.bold for c in item.cells)
    numbers_from = row.cells[first_number(row.cells)].x0
    return item.cells[0].x1 > numbers_from


def _continues(above: Line, below: SplitLine, settings: BorderlessSettings) -> bool:
    return not below.is_row and below.line.top - above.bottom <= settings.wrap_gap * above.height


def _block_to_table(
    split: list[SplitLine], start: int, end: int, page_number: int, settings: BorderlessSettings
) -> PageTable | None:
    """Given a block of lines, return it as a table, or None if it is not one."""
    block = split[start:end]
    data = [s for s in block if s.is_row]
    if len(data) < settings.min_rows:
        return None
    columns = block_columns([s.cells for s in data], settings.cell_gap * data[0].line.height)
    columns = widen_labels(columns, [s.cells for s in block if not s.is_row])
    if sum(1 for c in columns if c.numeric and c.support >= 2) < 2:
        return None
    headers = _header_lines(split, start, columns, settings)
    rows = [cells_from_lines(b, columns, page_number) for b in _header_bands(headers, columns)]
    rows += _data_rows(block, columns, page_number, settings)
    first = headers[0] if headers else block[0]
    bbox = (
        min(s.line.x0 for s in block),
        first.line.top,
        max(s.line.x1 for s in block),
        block[-1].line.bottom,
    )
    anchors = tuple(c.anchor for c in columns)
    return PageTable(rows, page_number, "borderless", bbox, anchors, columns[0].right)


def _header_lines(split, start, columns, settings) -> list[SplitLine]:
    """Given the first row of a block, return the header lines right above it."""
    headers: list[SplitLine] = []
    index = start - 1
    top = split[start].line
    while index >= 0 and len(headers) < settings.max_header_lines:
        candidate = split[index]
        gap = top.top - candidate.line.bottom
        if candidate.is_row or gap > settings.header_gap * candidate.line.height:
            break
        if assign(candidate.cells, columns) is None:
            break
        headers.insert(0, candidate)
        top = candidate.line
        index -= 1
    return headers


def _header_bands(headers: list[SplitLine], columns: list[Column]) -> list[list[SplitLine]]:
    """Given header lines, return bands: a line with a spanning cell stands alone."""
    bands: list[list[SplitLine]] = []
    previous_spans = True
    for header in headers:
        spans = any(span > 1 for _, span, _ in assign(header.cells, columns, strict=False))
        if spans or previous_spans:
            bands.append([header])
        else:
            bands[-1].append(header)
        previous_spans = spans
    return bands


def _data_rows(block, columns, page_number, settings) -> list[list[RawCell]]:
    """Given a block, return one row per row line, with its wrapped label lines joined."""
    groups: list[list[SplitLine]] = []
    for item in block:
        if groups and not item.is_row and _continues(groups[-1][-1].line, item, settings):
            groups[-1].append(item)
        else:
            groups.append([item])
    return [cells_from_lines(group, columns, page_number, by_word=True) for group in groups]
