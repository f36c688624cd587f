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
from dataclasses import dataclass, field, replace

from extract.model import RawCell
from extract.readers.pdf.cells import cut_at_column_edges
from extract.readers.pdf.centred import join_centred_labels
from extract.readers.pdf.columns import Column, block_columns, column_of, widen_labels
from extract.readers.pdf.contents import LEADER
from extract.readers.pdf.headers import HeaderSettings, header_lines, header_rows
from extract.readers.pdf.label_wraps import group_row_lines, opens_first_row
from extract.readers.pdf.rows import SplitLine, cells_from_lines
from extract.readers.pdf.single_rows import aligned_single, reference_columns, stands_in
from extract.readers.pdf.tables import PageTable
from extract.readers.pdf.words import (
    DASH,
    YEAR,
    Line,
    Word,
    first_number,
    first_value,
    segments,
    union,
)

SYMBOL = re.compile(r"^[^\w\s]{1,3}$")  # an arrow or mark in a value column (`↑`)
YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")  # a header naming a year: `jan–apr 2021`
MIN_YEAR_HEADERS = 2  # years named in header cells that open the next table
YEAR_SPAN = 10  # the most years between the first and the last a header names
SPACE = 0.25  # a word space, as a share of the text height
QUALIFIED = re.compile(r"^\D{2,24}\s[-−–]?\d[\d \u00a0]*(?:[,.]\d+)?\s?%?$")  # `Lägre än 5,00`


@dataclass(frozen=True)
class BorderlessSettings:
    """Tunables, as multiples of the text height unless said otherwise."""

    cell_gap: float = 0.8  # wider gaps than this separate cells
    number_gap: float = 0.45  # widest thousands space
    row_gap: float = 4.0  # lines further apart than this end the table
    wrap_gap: float = 0.5  # a label line this close below a row continues its label
    header: HeaderSettings = field(default_factory=HeaderSettings)
    min_rows: int = 2  # rows a table needs when no header stands over its numbers
    min_numbers: int = 2  # numbers a line needs to be a table row


def lines_to_borderless_tables(
    lines: Sequence[Line],
    page_number: int,
    settings: BorderlessSettings,
    continued: Sequence[Column] = (),
) -> list[PageTable]:
    """Given the merged lines of a page (outside ruled tables), return its borderless tables.

    A row with one number (`Björkängens förskola, ventilation  -68`) reads as a row
    only once the page's tables show a number column its number stands in. Rows
    too few for a table of their own at the page top are one when they stand in
    the `continued` columns (the previous page's last table, which they finish).
    """
    lines = join_centred_labels(lines, lambda line: _holds_values(line, settings))
    split = [split_line(line, settings) for line in lines]
    tables = _tables(split, page_number, settings, [], continued)
    columns = [c for t in tables for c in t.columns]
    promoted = [replace(s, is_row=s.is_row or aligned_single(s, columns)) for s in split]
    if promoted == split:
        return tables
    return _tables(promoted, page_number, settings, columns, continued)


def _tables(split, page_number, settings, reference, continued) -> list[PageTable]:
    """Given a page's split lines, return the tables their blocks of rows make."""
    tables: list[PageTable] = []
    start = 0
    while start < len(split):
        if not split[start].is_row:
            start += 1
            continue
        end = _block_end(split, start, settings)
        top = list(continued) if start == 0 else []
        table = _block_to_table(split, start, end, page_number, settings, reference, top)
        if table is not None:
            tables.append(table)
        start = end
    return tables


def split_line(line: Line, settings: BorderlessSettings) -> SplitLine:
    """Given a line, return its cells and whether it reads as a table row."""
    cells = segments(line, settings.cell_gap, settings.number_gap)
    first = first_number(cells)
    if first is None:
        return SplitLine(line, cells, _nil_row(cells, settings))
    tail = cells[first:]
    numbers = sum(1 for c in tail if c.is_number)  # `3 8 352` as printed counts too
    only_numbers = all(c.is_number or DASH.match(c.text) or SYMBOL.match(c.text) for c in tail)
    if any(LEADER.search(c.text) for c in cells):
        return SplitLine(line, cells, False)  # a table of contents: `Sammanfattning .... 2`
    # a target set in words before the outcome (`Lägre än 5,00  1,86  ↑`) is a value too
    qualified = [c for c in cells[1:first] if QUALIFIED.match(c.text)]
    numbers += len(qualified)
    # Bare years for numbers (`2023 2024 2025`, `o us Nr 2027 2028`, `helår 2025 | 2024`):
    # a header's lower line; values that read as years lie further apart (`1964 2058 2085`)
    named = [*qualified, *tail]
    years = all(YEAR.match(c.text.split()[-1]) for c in named) and _names_years(named)
    return SplitLine(line, cells, only_numbers and not years and numbers >= settings.min_numbers)


def _nil_row(cells: Sequence[Word], settings: BorderlessSettings) -> bool:
    """Given a line's cells with no number, return whether it is a row of nils: a label,
    then only dashes (`Resultat efter kommunbidrag   –   –   –`)."""
    values = cells[1:]
    return (
        len(values) >= settings.min_numbers
        and not DASH.match(cells[0].text)
        and all(DASH.match(c.text) for c in values)
    )


def _holds_values(line: Line, settings: BorderlessSettings) -> bool:
    """Given a line, return whether it holds a number and only values from its first number on.

    Such a line may be a row whose one number (`–  –  5 773  –`) only its
    columns tell apart from prose; one without a number is a label line.
    """
    cells = segments(line, settings.cell_gap, settings.number_gap)
    first = first_number(cells)
    tail = cells[first:] if first is not None else []
    return bool(tail) and all(c.is_number or DASH.match(c.text) for c in tail)


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
    widest = max(s.cells[0].x1 for s in split[start : last_row + 1] if s.is_row)
    while (
        end + 1 < len(split)
        and _continues(split[end].line, split[end + 1], settings)
        and not _starts_new_part(split[end + 1], split[last_row])
        and _wrapped(split[end], split[end + 1], widest)
    ):
        end += 1
    return end + 1


def _wrapped(above: SplitLine, below: SplitLine, widest: float) -> bool:
    """Given a line ending a label, the line below it and the right edge of the block's
    widest label, return whether the label could have wrapped there.

    A label wraps when its next word does not fit beside it; a line whose first word
    would have fitted after a short label (`Nettoinvesteringar` / `Avvikelse = budget −
    prognos.`) is a note under the table, not the rest of its last label.
    """
    label, word = above.cells[0], below.line.words[0]
    space = SPACE * word.height
    return label.x1 + space + (word.x1 - word.x0) > widest - space


def _starts_new_part(item: SplitLine, row: SplitLine) -> bool:
    """Given a line after a table row, return whether it ends the table there.

    Label lines and rows of text cells (`Kultur- och` / `Ej aktuellt`) stay in the
    table; a line of several cells in bold, or with cells naming years
    (`Sjukfrånvaro % | jan–apr 2021 | jan–apr 2020`), is the header of the next
    table, and a single text running into the number columns is prose or a heading.
    """
    if item.is_row:
        return False
    if len(item.cells) > 1:
        bold = any(c.bold for c in item.cells)
        return _names_years(item.cells[1:]) or bold or _heads_numbers(item, row)
    first = first_value(row.cells)
    if first == 0 and len(row.cells) > 2:
        first = 1  # a bare number opening a row ends a wrapped label (`etapp` / `2 5   821`)
    return item.cells[0].x1 > row.cells[first].x0


def _heads_numbers(item: SplitLine, row: SplitLine) -> bool:
    """Given a text line after a table row, return whether it heads number columns anew.

    Words standing over two or more of the row's numbers, each a different word
    (`Projekt | Budget | Utfall | Avvikelse`), are the header of the next table,
    however plain its type; a row of text values repeats its word (`Ej aktuellt`).
    """
    texts = [c.text for c in item.cells[1:]]
    if any(c.is_number for c in item.cells) or len(set(texts)) < max(2, len(texts)):
        return False
    numbers = [c for c in row.cells[1:] if c.is_number]
    headed = {
        index
        for cell in item.cells[1:]
        for index, number in enumerate(numbers)
        if cell.x0 < number.x1 and number.x0 < cell.x1
    }
    return len(headed) >= 2


def _names_years(cells: Sequence[Word]) -> bool:
    """Given a line's cells after its first, return whether they head columns by year.

    Header years lie close together (`jan–apr 2021 | jan–apr 2020`); values that
    read as years (`1964 | 2058 | 2085`) do not.
    """
    years = [int(year) for c in cells for year in YEAR_IN.findall(c.text)]
    return len(years) >= MIN_YEAR_HEADERS and max(years) - min(years) <= YEAR_SPAN


def _continues(above: Line, below: SplitLine, settings: BorderlessSettings) -> bool:
    return not below.is_row and below.line.top - above.bottom <= settings.wrap_gap * above.height


def _block_to_table(
    split: list[SplitLine],
    start: int,
    end: int,
    page_number: int,
    settings: BorderlessSettings,
    reference: list[Column],
    continued: list[Column],
) -> PageTable | None:
    """Given a block of lines, return it as a table, or None if it is not one."""
    block = split[start:end]
    data = [s for s in block if s.is_row]
    tolerance = settings.cell_gap * data[0].line.height
    columns = block_columns([s.cells for s in data], tolerance)
    cut = cut_at_column_edges(data, columns)
    if cut != data:
        data = cut
        columns = block_columns([s.cells for s in data], tolerance)
    if _number_columns(columns, len(data)) < 2:
        columns = reference_columns(data, reference)
        if not columns:
            return None
    labels = [s.cells for s in block if not s.is_row]
    columns = widen_labels(columns, labels)
    headers = header_lines(split[:start], split[start].line, columns, settings.header)
    if not headers:
        columns, headers = _flush_left_header(split, start, data, columns, labels, settings)
    if len(data) < settings.min_rows and not headers:
        if not continued or not stands_in(data, continued):
            return None  # a lone row is a table only under a header over its numbers
        columns = widen_labels(continued, [s.cells for s in block if not s.is_row])
    block = _with_first_label_line(split, start, block, headers, settings)
    rows = header_rows(headers, columns, page_number, settings.header)
    rows += _data_rows(block, columns, page_number, settings)
    first = headers[0] if headers else block[0]
    bbox = (
        min(s.line.x0 for s in block),
        first.line.top,
        max(s.line.x1 for s in block),
        block[-1].line.bottom,
    )
    anchors = tuple(c.anchor for c in columns)
    table = PageTable(rows, page_number, "borderless", bbox, anchors, columns[0].right)
    last = _last_label(block, columns)
    return replace(table, columns=tuple(columns), header_rows=len(headers), last_label=last)


def _with_first_label_line(split, start, block, headers, settings) -> list[SplitLine]:
    """Given a block and its header, return the block with the label line right above its
    first row when that line opens the row's label (a bottom-aligned table)."""
    if start == 0 or split[start - 1] in headers:
        return block
    above = split[start - 1]
    close = block[0].line.top - above.line.bottom <= settings.wrap_gap * above.line.height
    return [above, *block] if close and opens_first_row(above, block) else block


def _flush_left_header(split, start, data, columns, labels, settings):
    """Given a headless block's columns, return (columns, header) read with its numbers flush left.

    Numbers all of one width line up on both edges; a header set flush left
    over them only stands over its columns in the flush-left reading. Without
    such a header the columns stay as they were.
    """
    tolerance = settings.cell_gap * data[0].line.height
    flush = block_columns([s.cells for s in data], tolerance, tie_flush_left=True)
    if [c.left_aligned for c in flush] == [c.left_aligned for c in columns]:
        return columns, []
    flush = widen_labels(flush, labels)
    headers = header_lines(split[:start], split[start].line, flush, settings.header)
    return (flush, headers) if headers else (columns, [])


def _last_label(block: list[SplitLine], columns: list[Column]):
    """Given a block's lines, return the last printed line of its first column."""
    for item in reversed(block):
        words = [w for w in item.line.words if column_of(w, columns) == 0]
        if words:
            return union(words)
    return None


def _number_columns(columns: list[Column], rows: int) -> int:
    return sum(1 for c in columns if c.numeric and c.support >= min(2, rows))


def _data_rows(block, columns, page_number, settings) -> list[list[RawCell]]:
    """Given a block, return one row per row line, with its wrapped label lines joined."""
    groups = group_row_lines(block, lambda group, item: _continues(group[-1].line, item, settings))
    return [cells_from_lines(group, columns, page_number, by_word=True) for group in groups]
