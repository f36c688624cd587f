"""A table whose header ends one page and whose rows start the next.

A word processor moves a table's rows to the next page when they do not fit,
but may leave the header (and the caption above it) at the bottom of the page.
The rows' table then starts the next page without a header (for a ruled
table, the header's grid stands alone on a page that holds no other table);
the header lines are read here from the end of the previous page, in the rows'
columns, and the text above them becomes the table's lead: its caption and
context.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extract.readers.pdf.borderless import BorderlessSettings, split_line
from extract.readers.pdf.column_map import column_map
from extract.readers.pdf.headers import header_lines, header_rows
from extract.readers.pdf.layout import (
    LayoutSettings,
    PageContent,
    opens_with_numbers,
    tail_lines,
)
from extract.readers.pdf.tables import PageTable


def carry_headers(
    pages: Sequence[PageContent], borderless: BorderlessSettings, layout: LayoutSettings
) -> list[PageContent]:
    """Given each page's content, return it with headers left on a previous page moved down."""
    result = list(pages)
    for index in range(1, len(result)):
        previous, content = result[index - 1], result[index]
        table = _headless_top_table(content, layout)
        if (
            table is None
            or previous.page != content.page - 1
            or _continued(previous, table, layout)
        ):
            continue
        tail = tail_lines(previous, layout)
        split = [split_line(line, borderless) for line in tail]
        headers = header_lines(split, None, list(table.columns), borderless.header)
        if not headers:
            continue
        moved = {id(h.line) for h in headers}
        first = tail.index(headers[0].line)
        rows = header_rows(headers, list(table.columns), table.page, borderless.header)
        carried = replace(table, rows=rows + table.rows, header_rows=len(rows))
        tables = [carried if t is table else t for t in content.tables]
        result[index] = replace(content, tables=tables, lead=tail[:first])
        lines = [line for line in previous.lines if id(line) not in moved]
        result[index - 1] = replace(previous, lines=lines)
    return result


def _headless_top_table(content: PageContent, layout: LayoutSettings) -> PageTable | None:
    """Given a page, return its first table if it is borderless, headless and opens the page."""
    if not content.tables:
        return None
    table = min(content.tables, key=lambda t: t.bbox[1])
    if table.header_rows or not table.columns or not opens_with_numbers(table):
        return None
    above = [ln.text for ln in content.lines if ln.bottom <= table.bbox[1] + 1]
    return table if len(" ".join(above)) <= layout.margin_chars else None


def _continued(previous: PageContent, table: PageTable, layout: LayoutSettings) -> bool:
    """Given the previous page and this page's first table, return whether a table continues.

    A table on the previous page in the same columns goes on here: its header is its own.
    """
    return any(column_map(t, table, layout.column_tolerance) is not None for t in previous.tables)
