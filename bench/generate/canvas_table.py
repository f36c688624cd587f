"""Given a printed document, return its canvas pages: title, prose, tables with page breaks."""

from __future__ import annotations

import random

from bench.generate.canvas import (
    MARGIN,
    PAD,
    Canvas,
    cell_row,
    column_widths,
    fitting_size,
    rule,
    wrap,
)
from bench.generate.canvas_runs import Stroke, Width
from bench.generate.document import Heading, Paragraph, PrintedDoc, Row, Table
from bench.generate.layouts import Layout, split_head

HEADER_GRAY, TOTAL_GRAY, ZEBRA_GRAY = 0.82, 0.88, 0.94


def group_row(canvas: Canvas, table: Table, widths: list[float], size: float) -> None:
    """Given a two-level table, draw the group labels centred over the columns they cover."""
    x, height = MARGIN, size * 1.3 + PAD
    column = 0
    for text, span in table.groups or []:
        width = sum(widths[column : column + span])
        if text:
            left = x + (width - canvas.width(text, size, True)) / 2
            canvas.text(left, canvas.y + size * 1.3, text, size, True)
            if canvas.layout.ruled:
                rule(canvas, x + 2, canvas.y + height, x + width - 2, canvas.y + height)
        x += width
        column += span
    canvas.y += height


def header_rows(canvas: Canvas, table: Table, widths: list[float], size: float) -> None:
    """Given a table, draw its group and column headers."""
    if table.groups:
        group_row(canvas, table, widths, size)
    texts = [
        head_lines(canvas, text, width - 2 * PAD, size, index > 0)
        for index, (text, width) in enumerate(zip(table.header, widths, strict=True))
    ]
    shade = HEADER_GRAY if canvas.layout.shade_header else None
    cell_row(canvas, widths, texts, size, True, shade, False, run_numbers=False)
    if canvas.layout.header_rule and not canvas.layout.ruled:
        canvas.add(Stroke(MARGIN, canvas.y, MARGIN + sum(widths), canvas.y))


def head_lines(canvas: Canvas, text: str, limit: float, size: float, number: bool) -> list[str]:
    """Given a column head, return its lines: split after the first word if asked, wrapped."""
    parts = split_head(text) if number and canvas.layout.split_heads else [text]
    return [line for part in parts for line in wrap(part, limit, size, True, canvas.width)]


def row_texts(canvas: Canvas, row: Row, widths: list[float], size: float, bold: bool) -> list:
    """Given a body row, return the wrapped text of each cell."""
    label = wrap(row.cells[0].text, widths[0] - 2 * PAD, size, bold, canvas.width)
    return [label, *[[cell.text] for cell in row.cells[1:]]]


def draw_table(canvas: Canvas, table: Table) -> None:
    """Given a table, draw caption, header and rows, repeating the header after a page break."""
    size = fitting_size(table, canvas)
    widths = column_widths(table, canvas, size)
    if not canvas.room(size * 7):
        canvas.new_page()
    canvas.lines([table.caption], size + 1, bold=True, after=2)
    header_rows(canvas, table, widths, size)
    for index, row in enumerate(table.rows):
        bold = row.total and canvas.layout.bold_totals
        texts = row_texts(canvas, row, widths, size, bold)
        if not canvas.room(max(len(lines) for lines in texts) * size * 1.3 + PAD):
            canvas.new_page()
            if canvas.layout.continued_caption:
                canvas.lines([f"{table.caption} (forts.)"], size + 1, bold=True, after=2)
            if canvas.layout.repeat_header:
                header_rows(canvas, table, widths, size)
        shade = None
        if row.total and canvas.layout.shade_totals:
            shade = TOTAL_GRAY
        elif canvas.layout.zebra and index % 2:
            shade = ZEBRA_GRAY
        cell_row(
            canvas,
            widths,
            texts,
            size,
            bold,
            shade,
            canvas.layout.numbers_on_last_line,
            run_numbers=True,
        )
    if table.note:
        canvas.y += 2
        canvas.lines(
            wrap(table.note, canvas.text_width, size - 0.5, False, canvas.width), size - 0.5
        )
    canvas.y += 10


def lay_out(doc: PrintedDoc, layout: Layout, width: Width, seed: int) -> Canvas:
    """Given a printed document, a layout and a text measure, return the filled canvas."""
    canvas = Canvas(layout, width, random.Random(seed))
    canvas.lines(doc.title_lines[:1], 16, bold=True)
    canvas.lines(doc.title_lines[1:2], 12, bold=True)
    canvas.lines(doc.title_lines[2:], 11, after=12)
    body = layout.font_size + 1
    for block in doc.blocks:
        if isinstance(block, Heading):
            forced = block.text == "Investeringar" and layout.break_before_investments
            if forced or not canvas.room(body * 6):
                canvas.new_page()
            canvas.lines([block.text], body + 2, bold=True)
        elif isinstance(block, Paragraph):
            canvas.lines(wrap(block.text, canvas.text_width, body, False, width), body, after=6)
        elif isinstance(block, Table):
            draw_table(canvas, block)
    return canvas
