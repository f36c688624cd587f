"""Borderless tables: built from word positions when no lines are drawn.

A table is a run of lines that each hold at least two numbers standing in
number columns (a number column is a cluster of right edges: numbers are
right-aligned), with the label text to their left, wrapped label lines in
between and up to a few header lines above. Running prose never qualifies: a
row may hold no text after its first number, so a sentence with numbers in
it is not a row. A wrong table is worse than a missed one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extract.model import RawCell
from extract.readers.pdf.borderless_blocks import (
    block_end,
    continues,
    in_label_type,
    opens_below,
    split_set_apart,
)
from extract.readers.pdf.borderless_lines import BorderlessSettings, holds_values, split_line
from extract.readers.pdf.cells import cut_at_column_edges
from extract.readers.pdf.centred import join_centred_labels
from extract.readers.pdf.columns import Column, assign, block_columns, column_of, widen_labels
from extract.readers.pdf.headers import Box, header_lines, header_rows
from extract.readers.pdf.label_wraps import demote_label_numbers, group_row_lines, opens_first_row
from extract.readers.pdf.rows import SplitLine, cells_from_lines, cut_at_flush_left_edges
from extract.readers.pdf.shaded_heads import joins_per_line, shaded_rows
from extract.readers.pdf.single_rows import aligned_single, reference_columns, stands_in
from extract.readers.pdf.tables import PageTable
from extract.readers.pdf.words import Line, union

ROW_PADDING = 0.2  # line heights more than a label's line break that part two rows' cells

__all__ = ["BorderlessSettings", "lines_to_borderless_tables", "split_line"]


def lines_to_borderless_tables(
    lines: Sequence[Line],
    page_number: int,
    settings: BorderlessSettings,
    continued: Sequence[Column] = (),
    shades: Sequence[Box] = (),
) -> list[PageTable]:
    """Given the merged lines of a page (outside ruled tables), return its borderless tables.

    A row with one number (`Björkängens förskola, ventilation  -68`) reads as a row
    only once the page's tables show a number column its number stands in. Rows
    too few for a table of their own at the page top, under at most running heads
    (`Ekonomisk sammanställning (forts.)`), are one when they stand in the
    `continued` columns (the previous page's last table, which they finish). The
    page's shaded rectangles (`shades`) tell header rows apart (`headers.header_rows`)
    and, where header cells stand side by side, columns (`shaded_heads`).
    """
    lines = join_centred_labels(lines, lambda line: holds_values(line, settings))
    joins = joins_per_line(lines, shaded_rows(shades))
    split = [split_line(line, settings, at) for line, at in zip(lines, joins, strict=True)]
    tables = _tables(split, page_number, settings, [], continued, shades)
    columns = [c for t in tables for c in t.columns]
    promoted = [replace(s, is_row=s.is_row or aligned_single(s, columns)) for s in split]
    if promoted == split:
        return tables
    return _tables(promoted, page_number, settings, columns, continued, shades)


def _tables(split, page_number, settings, reference, continued, shades) -> list[PageTable]:
    """Given a page's split lines, return the tables their blocks of rows make."""
    tables: list[PageTable] = []
    start = 0
    while start < len(split):
        if not split[start].is_row:
            start += 1
            continue
        end = block_end(split, start, settings)
        block = demote_label_numbers(split[start:end])
        if block != split[start:end]:
            split = [*split[:start], *block, *split[end:]]
            if not split[start].is_row:
                continue
            end = block_end(split, start, settings)
        top = list(continued) if not tables and _opens_page(split[:start], settings) else []
        known = (reference, top)
        table = _block_to_table(split, (start, end), page_number, settings, known, shades)
        if table is not None:
            tables.append(table)
        start = end
    return tables


def _opens_page(above: list[SplitLine], settings: BorderlessSettings) -> bool:
    """Given the lines above a page's first block of rows, return whether they are at most
    running heads: no row, and too little text for anything but a page head and the
    continued table's caption."""
    if any(s.is_row for s in above):
        return False
    return len(" ".join(s.line.text for s in above)) <= settings.page_head_chars


def _block_to_table(
    split: list[SplitLine],
    bounds: tuple[int, int],
    page_number: int,
    settings: BorderlessSettings,
    known: tuple[list[Column], list[Column]],
    shades: Sequence[Box],
) -> PageTable | None:
    """Given a block of lines (`split[start:end]`), the page's table columns and the last
    table's before it (`known`), return the block as a table, or None if it is not one."""
    start, end = bounds
    reference, continued = known
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
    columns, headers = _flush_left_header(split, start, data, (columns, headers), labels, settings)
    if len(data) < settings.min_rows and not headers:
        if not continued or not stands_in(data, continued):
            return None  # a lone row is a table only under a header over its numbers
        columns = widen_labels(continued, [s.cells for s in block if not s.is_row])
    headers, opening = _first_label_lines(split, start, headers, block, columns, settings)
    moved, opening = split_set_apart(opening, block[0])
    block = opening + block
    rows = header_rows(headers, columns, page_number, settings.header, shades)
    if moved:  # a label of its own, with no figures beside it (see `split_set_apart`)
        rows.append(cells_from_lines(moved, columns, page_number, by_word=True))
    rows += _data_rows(block, columns, page_number, settings)
    first = headers[0] if headers else (moved or block)[0]
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


def _first_label_lines(split, start, headers, block, columns, settings):
    """Given a block's header and its first row, return (header, the first row's label lines
    that open above it): in a bottom-aligned table the label-only lines set as close as a
    label's lines right above the first row open its label (`1945` / `Verksamhetssystem`
    over `hamnen  2,54  7,46`), whether or not the header took them for its stub's wrap."""
    opening: list[SplitLine] = []
    below = split[start]
    gaps: list[float] = []
    for line in reversed(split[:start]):
        gap = below.line.top - line.line.bottom
        close = gap <= settings.wrap_gap * line.line.height and not _wider(gap, gaps, line)
        placed = assign(line.cells, columns, strict=False)
        numeric = any(columns[i].numeric for _, _, i in placed)
        if line.is_row or not close or numeric or not in_label_type(line.line, block[0]):
            break  # a header line over the numbers, a line set apart or a heading: no label line
        opening.insert(0, line)
        gaps.append(gap)
        below = line
    if not opening or not opens_first_row(opening[-1], block):
        return headers, []
    return [h for h in headers if h not in opening], opening


def _wider(gap: float, gaps: list[float], line: SplitLine) -> bool:
    """Given the gap above a label's lines and the gaps between them, return whether it is
    wider than a line break of that label: a cell's lines stand evenly spaced, and a row's
    padding parts one cell from the next (`6033 Dricksvattenproduktion` / `skolan`, then
    `5037 Gång- och cykelväg` / `skolan  961` atop a continued page)."""
    return bool(gaps) and gap - min(gaps) > ROW_PADDING * line.line.height


def _flush_left_header(split, start, data, read, labels, settings):
    """Given a block's columns and the header over them, return (columns, header) read
    with its numbers flush left where that reading finds the longer header.

    Numbers all of one width line up on both edges; a header set flush left
    over them only stands over its columns in the flush-left reading, whole
    (`Budget` / `2021 (miljoner` / `kronor)` in a monospaced Writer table keeps
    only its last line over the numbers read flush right), so that reading is
    taken when its header holds more lines, among them all of the other's.
    Otherwise the columns and header stay as they were.
    """
    columns, headers = read
    tolerance = settings.cell_gap * data[0].line.height
    flush = block_columns([s.cells for s in data], tolerance, tie_flush_left=True)
    if [c.left_aligned for c in flush] == [c.left_aligned for c in columns]:
        return read
    flush = widen_labels(flush, labels)
    flush_headers = header_lines(split[:start], split[start].line, flush, settings.header)
    lines = [h.line for h in flush_headers]
    longer = len(lines) > len(headers) and all(h.line in lines for h in headers)
    return (flush, flush_headers) if longer else read


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
    block, columns = cut_at_flush_left_edges(block, columns)
    groups = group_row_lines(
        block,
        lambda group, item: continues(group[-1].line, item, settings),
        lambda group, row: opens_below(group[-1].line, row, settings),
    )
    return [cells_from_lines(group, columns, page_number, by_word=True) for group in groups]
