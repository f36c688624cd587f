"""Given a printed document and a layout, return it as HTML (WeasyPrint, Chromium, LibreOffice)."""

from __future__ import annotations

import random
from html import escape

from bench.generate.canvas_runs import SEPARATORS
from bench.generate.document import Heading, Paragraph, PrintedDoc, Table
from bench.generate.engine_reportlab import measure
from bench.generate.layouts import Layout, split_head

GAP = '<span style="padding-left:0.28em"></span>'
PAGE_MM = {False: 210.0, True: 297.0}  # A4 width, portrait or landscape
MARGIN_MM = 18.0
CELL_PAD_PT = 8.0  # th, td padding: 4pt either side
FIT_MARGIN = 0.97  # the width estimate runs up to 3 % short of what the engines lay out


def css(layout: Layout) -> str:
    """Given a layout, return the style sheet."""
    page = "A4 landscape" if layout.landscape else "A4"
    border = "0.6pt solid #000" if layout.ruled else "none"
    rules = [
        f"@page {{ size: {page}; margin: 18mm; }}",
        f"body {{ font-family: '{layout.font}', sans-serif; "
        f"font-size: {layout.font_size + 1}pt; }}",
        "table { border-collapse: collapse; width: 100%; margin: 4pt 0 12pt 0; }",
        f"th, td {{ border: {border}; padding: 1.5pt 4pt; font-size: {layout.font_size}pt; "
        "vertical-align: " + ("bottom" if layout.numbers_on_last_line else "top") + "; }",
        "td.n, th.n { text-align: right; white-space: nowrap; }",
        "th { text-align: left; } th.g { text-align: center; }",
        "th.w { white-space: normal; }",
        ".caption { font-weight: bold; margin: 8pt 0 2pt 0; } .note { font-size: 0.9em; }",
    ]
    if layout.label_share:
        rules.append(f"td.l, th.l {{ width: {layout.label_share * 100:.0f}%; }}")
    if layout.shade_header:
        rules.append("th { background: #d0d0d0; }")
    if layout.zebra:
        rules.append("tbody tr:nth-child(even) td { background: #eeeeee; }")
    if layout.shade_totals:
        rules.append("tr.t td { background: #dddddd; }")
    if layout.bold_totals:
        rules.append("tr.t td { font-weight: bold; }")
    if layout.header_rule:
        rules.append(
            "thead tr:last-child th, tr.h:last-child th { border-bottom: 0.6pt solid #000; }"
        )
    return "\n".join(rules)


def number_html(rng: random.Random, layout: Layout, text: str) -> str:
    """Given a number cell, return its HTML, split into spans when the layout asks for it."""
    if layout.runs == "gaps" and any(char in SEPARATORS for char in text):
        groups = "".join(" " if char in SEPARATORS else char for char in text).split()
        return GAP.join(f"<span>{escape(group)}</span>" for group in groups)
    if layout.runs == "digits" and len(text) > 2:
        cut = rng.randrange(1, len(text))
        return f"<span>{escape(text[:cut])}</span><span>{escape(text[cut:])}</span>"
    return escape(text)


def head_html(layout: Layout, text: str) -> str:
    """Given a column head, return its HTML, broken after the first word if the layout asks."""
    parts = split_head(text) if layout.split_heads else [text]
    return "<br>".join(escape(part) for part in parts)


def text_width_pt(layout: Layout) -> float:
    """Given a layout, return the width between the page margins in points."""
    return (PAGE_MM[layout.landscape] - 2 * MARGIN_MM) * 72 / 25.4


def unbroken_width_pt(layout: Layout, table: Table) -> float:
    """Given a table, return its narrowest width while each column head keeps its lines.

    Labels wrap between words; number cells and (unwrapped) heads do not, so a table
    whose heads are long is wider than this sum and the engines cut it at the page edge.
    """
    width, size = measure(layout.font), layout.font_size
    labels = [(table.header[0], True)]  # th is bold, and so are totals if the layout says
    labels += [(row.cells[0].text, row.total and layout.bold_totals) for row in table.rows]
    words = [width(word, size, bold) for text, bold in labels for word in text.split()]
    total = max(words, default=0.0) + CELL_PAD_PT
    for column, text in enumerate(table.header[1:], start=1):
        heads = split_head(text) if layout.split_heads else [text]
        widths = [width(line, size, True) for line in heads]  # th is bold
        widths += [
            width(row.cells[column].text, size, row.total and layout.bold_totals)
            for row in table.rows
            if column < len(row.cells)
        ]
        total += max(widths) + CELL_PAD_PT
    return total


def head_class(layout: Layout, table: Table, shrink: float) -> str:
    """Given a table, return its number heads' class: wrapped between words if it is too wide.

    A real report's wide table breaks its column heads onto more lines; unbroken, the
    engines cut the last columns at the page edge (WeasyPrint prints them beyond it)
    while the gold counts their figures. An engine shrinking a page up to `shrink`
    times to fit it keeps a table that fits the shrunk page as it was.
    """
    room = FIT_MARGIN * shrink * text_width_pt(layout)
    return "n w" if unbroken_width_pt(layout, table) > room else "n"


def table_html(rng: random.Random, layout: Layout, table: Table, shrink: float) -> list[str]:
    """Given a table, return its HTML lines (caption, header, body, note)."""
    head = []
    if table.groups:
        cells = "".join(
            f'<th class="g" colspan="{span}">{escape(text)}</th>' for text, span in table.groups
        )
        head.append(f'<tr class="h">{cells}</tr>')
    cells = [f'<th class="l">{escape(table.header[0])}</th>']
    heads = head_class(layout, table, shrink)
    cells += [f'<th class="{heads}">{head_html(layout, text)}</th>' for text in table.header[1:]]
    head.append(f'<tr class="h">{"".join(cells)}</tr>')
    body = []
    for row in table.rows:
        cells = [f'<td class="l">{escape(row.cells[0].text)}</td>']
        cells += [
            f'<td class="n">{number_html(rng, layout, cell.text)}</td>' for cell in row.cells[1:]
        ]
        kind = ' class="t"' if row.total else ""
        body.append(f"<tr{kind}>{''.join(cells)}</tr>")
    lines = [f'<p class="caption">{escape(table.caption)}</p>', "<table>"]
    if layout.repeat_header:
        lines += ["<thead>", *head, "</thead>", "<tbody>", *body, "</tbody>"]
    else:  # header rows in the body: engines do not repeat them after a page break
        lines += ["<tbody>", *head, *body, "</tbody>"]
    lines.append("</table>")
    if table.note:
        lines.append(f'<p class="note">{escape(table.note)}</p>')
    return lines


def to_html(doc: PrintedDoc, layout: Layout, seed: int, shrink: float = 1.0) -> str:
    """Given a printed document and a layout, return the whole HTML page.

    shrink: how many times the engine shrinks a page to fit content wider than it.
    """
    rng = random.Random(seed)
    lines = [
        "<!DOCTYPE html>",
        '<html lang="sv"><head><meta charset="utf-8">',
        f"<title>{escape(doc.title_lines[2])}</title>",
        f"<style>{css(layout)}</style>",
        "</head><body>",
        f"<h1>{escape(doc.title_lines[0])}</h1>",
    ]
    lines += [
        f"<p><b>{escape(doc.title_lines[1])}</b></p>",
        f"<h2>{escape(doc.title_lines[2])}</h2>",
    ]
    lines += [f"<p>{escape(text)}</p>" for text in doc.title_lines[3:]]
    for block in doc.blocks:
        if isinstance(block, Heading):
            breaks = block.text == "Investeringar" and layout.break_before_investments
            style = ' style="page-break-before: always"' if breaks else ""
            lines.append(f"<h3{style}>{escape(block.text)}</h3>")
        elif isinstance(block, Paragraph):
            lines.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Table):
            lines += table_html(rng, layout, block, shrink)
    return "\n".join([*lines, "</body></html>"])
