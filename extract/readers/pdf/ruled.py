"""Ruled tables: pdfplumber's table finder builds the grid from drawn lines, words fill it.

The finder runs on the rules pdfium read (`rules.rule_edges`): pdfplumber's
own page parse costs about five times pdfium's and is not needed for lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from pdfplumber.table import TableFinder

from extract.model import RawCell
from extract.readers.pdf.borderless import BorderlessSettings, split_line
from extract.readers.pdf.columns import Column
from extract.readers.pdf.group_headers import group_row_above
from extract.readers.pdf.headers import header_lines, header_rows
from extract.readers.pdf.layout import opens_with_numbers
from extract.readers.pdf.tables import PageTable, empty_cell
from extract.readers.pdf.words import Line, Word, merge_numbers, union, words_to_lines
from extract.readers.pdf.wrap import join_wrapped

TABLE_SETTINGS = {"vertical_strategy": "lines_strict", "horizontal_strategy": "lines_strict"}
MIN_COLUMNS = 2  # a single framed box is a text frame, not a table
GRID_TOLERANCE = 3.0  # points text may stand outside its grid column's text area


@dataclass(frozen=True)
class RuledPage:
    """What pdfplumber's TableFinder reads of a page under the lines strategies."""

    edges: list[dict]
    bbox: tuple[float, float, float, float]


def page_to_ruled_tables(
    page: RuledPage,
    words: Sequence[Word],
    page_number: int,
    line_tolerance: float,
    borderless: BorderlessSettings,
) -> list[PageTable]:
    """Given a page's rules and words, return the ruled tables on it (pdfplumber's finder);
    group headers above a grid are read as the borderless reader reads a line's cells."""
    tables = []
    for found in TableFinder(page, TABLE_SETTINGS).tables:
        edges = _column_edges(found)
        if len(edges) < MIN_COLUMNS or _text_between_cells(found, words):
            continue
        inner = _inner_edges(edges, found.cells, words)
        framed = _inside(found.bbox, words)  # every cell lies in the frame: its words suffice
        rows = [
            _row_to_cells(row.cells, edges, inner, framed, page_number, line_tolerance)
            for row in found.rows
        ]
        rights = tuple(x1 for _, x1 in edges)
        last = _last_line(found.rows[-1].cells[0], words, line_tolerance)
        label_right = inner[0][1]  # where the first column's text ends (wrapped labels)
        columns = _grid_columns(inner, len(rows))
        bbox = tuple(found.bbox)
        groups = group_row_above(
            bbox,
            columns,
            words,
            page_number,
            line_tolerance,
            cell_gap=borderless.cell_gap,
            number_gap=borderless.number_gap,
        )
        if groups is not None:
            row, top = groups
            rows, bbox = [row, *rows], (bbox[0], top, bbox[2], bbox[3])
        table = PageTable(rows, page_number, "ruled", bbox, rights, label_right)
        table = replace(table, columns=columns, last_label=last)
        tables.append(table if groups else _header_above(table, words, line_tolerance, borderless))
    return tables


def _header_above(
    table: PageTable, words: Sequence[Word], line_tolerance: float, borderless: BorderlessSettings
) -> PageTable:
    """Given a grid whose first row opens with numbers, return it with the header lines
    standing right above its top rule (`Budget` / `2025` over each column, set outside
    the grid) as its header rows, read as the borderless reader reads a header."""
    if not opens_with_numbers(table):
        return table
    x0, top, x1, bottom = table.bbox
    above = [
        w
        for w in words
        if x0 - GRID_TOLERANCE <= w.x0 and w.x1 <= x1 + GRID_TOLERANCE and w.bottom <= top + 1
    ]
    lines = words_to_lines(above, line_tolerance)
    split = [split_line(merge_numbers(line, borderless.number_gap), borderless) for line in lines]
    rule = Line((Word("", x0, x1, top, top),))
    headers = header_lines(split, rule, list(table.columns), borderless.header)
    if not headers:
        return table
    rows = header_rows(headers, list(table.columns), table.page, borderless.header)
    if not any(cell.text for row in rows for cell in row[1:]):
        return table  # a caption over the labels alone (`Driftredovisning, forts.`) heads nothing
    bbox = (x0, headers[0].line.top, x1, bottom)
    return replace(table, rows=[*rows, *table.rows], bbox=bbox, header_rows=len(rows))


def _text_between_cells(found, words: Sequence[Word]) -> bool:
    """Given a found grid, return whether text inside its frame stands in none of its cells.

    Shading only every other row (zebra striping, one rectangle per cell) makes
    a grid of the shaded rows alone; the rows between them are not in it.
    """
    inside = _inside(found.bbox, words)
    return any(not any(_centred_in(cell, w) for cell in found.cells) for w in inside)


def _grid_columns(inner: list[tuple[float, float]], rows: int) -> tuple[Column, ...]:
    """Given where text stands in each grid column, return them as columns (labels first)."""
    return tuple(
        Column(numeric=index > 0, x0=x0, x1=x1, support=rows, tolerance=GRID_TOLERANCE)
        for index, (x0, x1) in enumerate(inner)
    )


def _last_line(bbox, words: Sequence[Word], tolerance: float) -> Word | None:
    """Given a cell's bbox (or None) and the page words, return the cell's last printed line."""
    inside = _inside(bbox, words) if bbox else []
    return union(words_to_lines(inside, tolerance)[-1].words) if inside else None


def _inside(bbox, words: Sequence[Word]) -> list[Word]:
    """Given a cell's bbox and the page words, return the words whose centre lies in it."""
    x0, top, x1, bottom = bbox
    return [
        w
        for w in words
        if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom
    ]


def _centred_in(bbox, word: Word) -> bool:
    """Given a cell's bbox and a word, return whether the word's centre lies in it (as _inside)."""
    x0, top, x1, bottom = bbox
    return x0 <= (word.x0 + word.x1) / 2 <= x1 and top <= (word.top + word.bottom) / 2 <= bottom


def _column_edges(found) -> list[tuple[float, float]]:
    """Given a pdfplumber table, return the (x0, x1) of each grid column."""
    xs = sorted({round(c[0], 1) for c in found.cells} | {round(c[2], 1) for c in found.cells})
    return list(zip(xs, xs[1:], strict=False))


def _inner_edges(edges, cells, words: Sequence[Word]) -> list[tuple[float, float]]:
    """Given grid columns, return where text may stand in them (the cell padding removed).

    The padding is the smallest gap between a cell's left rule and its text; the
    same padding holds on the right, where wrapped text ends.
    """
    gaps = [
        w.x0 - c[0]
        for c in cells
        for w in words
        if c[0] <= w.x0 < c[2] and c[1] <= (w.top + w.bottom) / 2 <= c[3]
    ]
    padding = min((g for g in gaps if g >= 0), default=0.0)
    return [(x0 + padding, x1 - padding) for x0, x1 in edges]


def _row_to_cells(cells, edges, inner, words, page_number: int, tolerance: float) -> list[RawCell]:
    """Given one pdfplumber row (None where a merged cell covers), return its RawCells.

    pdfplumber reports only the cells that start in this row and column, so the
    columns are rebuilt from the grid's x positions: a cell covering several
    columns gets `span`, and the positions it covers get blank cells.
    """
    out: list[RawCell] = []
    for index, (x0, _) in enumerate(edges):
        bbox = next((c for c in cells if c and abs(c[0] - x0) < 1 and c[2] > x0), None)
        if bbox is None:
            out.append(empty_cell(page_number))
            continue
        span = sum(1 for ex0, _ in edges if bbox[0] - 1 < ex0 < bbox[2] - 1)
        right = inner[index + span - 1][1]  # text of a merged cell may reach its last column
        out.append(_cell(bbox, span, right, words, page_number, tolerance))
    return out


def _cell(bbox, span: int, right: float, words, page_number: int, tolerance: float) -> RawCell:
    """Given a cell's bbox and the page words, return the cell with its lines joined."""
    inside = _inside(bbox, words)
    if not inside:
        return RawCell(text="", page=page_number, bbox=tuple(bbox), span=span)
    lines = [union(line.words) for line in words_to_lines(inside, tolerance)]
    cell = join_wrapped(lines, right_limit=right)
    return RawCell(
        text=cell.text,
        page=page_number,
        bbox=(cell.x0, cell.top, cell.x1, cell.bottom),
        italic=cell.italic,
        span=span,
    )
