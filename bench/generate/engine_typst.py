"""typst engine: the document written as typst markup and compiled by the typst package."""

from __future__ import annotations

import json
from pathlib import Path

from bench.generate.canvas_runs import SEPARATORS
from bench.generate.document import Heading, Paragraph, PrintedDoc, Table
from bench.generate.layouts import Layout, split_head

FIXED_TIMESTAMP = 1_735_689_600  # 2025-01-01: the same bytes for the same seed


def text(value: str) -> str:
    """Given plain text, return a typst string literal (no markup is interpreted)."""
    return json.dumps(value, ensure_ascii=False)


def number(layout: Layout, value: str) -> str:
    """Given a number cell, return its typst content; gaps replace separators when asked."""
    if layout.runs == "gaps" and any(char in SEPARATORS for char in value):
        groups = "".join(" " if char in SEPARATORS else char for char in value).split()
        return "[" + "#h(0.28em)".join(f"#{text(group)}" for group in groups) + "]"
    return text(value)


def head(layout: Layout, label: str) -> str:
    """Given a column head, return its typst content, broken after the first word if asked."""
    parts = split_head(label) if layout.split_heads else [label]
    return "[" + " \\ ".join(f"#{text(part)}" for part in parts) + "]"


def table_source(layout: Layout, table: Table, bold_totals: bool) -> list[str]:
    """Given a table, return the typst source that prints it."""
    count = len(table.header)
    # Not `1fr`: when the number columns' headers fill the line, a fraction column
    # shrinks to nothing and its labels overprint the next column, which no
    # report's producer does; `auto` shares the width out instead.
    label_width = f"{layout.label_share * 100:.0f}%" if layout.label_share else "auto"
    stroke = "0.6pt" if layout.ruled else "none"
    fills = []
    if layout.zebra:
        fills.append("if calc.even(y) and y > 0 { luma(235) }")
    fill = f"(x, y) => {{ {fills[0]} }}" if fills else "none"
    shade = ", fill: luma(210)" if layout.shade_header else ""
    header = []
    if table.groups:
        header += [
            f"table.cell(colspan: {span}, align: center{shade}, strong({text(label)}))"
            for label, span in table.groups
        ]
    header += [f"table.cell({text(table.header[0])}{shade})"]
    header += [f"table.cell({head(layout, label)}{shade})" for label in table.header[1:]]
    repeat = "true" if layout.repeat_header else "false"
    lines = [
        f'#text(weight: "bold", {text(table.caption)})',
        "#table(",
        f"  columns: ({label_width}, {', '.join(['auto'] * (count - 1))}),",
        f"  align: (left, {', '.join(['right'] * (count - 1))}),",
        f"  stroke: {stroke}, fill: {fill}, inset: 3pt,",
        f"  table.header(repeat: {repeat}, {', '.join(header)}),",
    ]
    if layout.header_rule and not layout.ruled:
        lines.append(f"  table.hline(y: {2 if table.groups else 1}, stroke: 0.6pt),")
    for row in table.rows:
        cells = [text(row.cells[0].text), *[number(layout, cell.text) for cell in row.cells[1:]]]
        if row.total and bold_totals:
            cells = [f"strong({cell})" for cell in cells]
        if row.total and layout.shade_totals:
            cells = [f"table.cell(fill: luma(220), {cell})" for cell in cells]
        lines.append("  " + ", ".join(cells) + ",")
    lines.append(")")
    if table.note:
        lines.append(f"#text(size: 0.9em, {text(table.note)})")
    return lines


def to_typst(doc: PrintedDoc, layout: Layout) -> str:
    """Given a printed document and a layout, return the typst source."""
    lines = [
        f'#set page(paper: "a4", flipped: {"true" if layout.landscape else "false"}, margin: 18mm)',
        f'#set text(font: {text(layout.font)}, size: {layout.font_size + 1}pt, lang: "sv", '
        "hyphenate: true)",
        f'#text(size: 16pt, weight: "bold", {text(doc.title_lines[0])})',
        "",
        *[f"#text(size: 11pt, {text(line)})\n" for line in doc.title_lines[1:]],
    ]
    for block in doc.blocks:
        if isinstance(block, Heading):
            if block.text == "Investeringar" and layout.break_before_investments:
                lines.append("#pagebreak()")
            lines.append(f"#heading(level: 2, {text(block.text)})")
        elif isinstance(block, Paragraph):
            lines += [f"#{text(block.text)}", ""]
        elif isinstance(block, Table):
            lines += [*table_source(layout, block, layout.bold_totals), ""]
    return "\n".join(lines)


def render(doc: PrintedDoc, layout: Layout, out: Path, seed: int) -> None:
    """Given a printed document and its layout, write it as a PDF compiled by typst."""
    import typst

    del seed  # typst's output depends on the layout only
    source = to_typst(doc, layout).encode("utf-8")
    typst.compile(source, output=str(out), timestamp=FIXED_TIMESTAMP)
