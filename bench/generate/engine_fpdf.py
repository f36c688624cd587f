"""fpdf2 engine: the canvas layout drawn with fpdf2 (its own font subsetting and streams)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

from bench.generate.canvas_runs import Box, Stroke, Text
from bench.generate.canvas_table import lay_out
from bench.generate.document import PrintedDoc
from bench.generate.engine_reportlab import measure
from bench.generate.layouts import Layout, font_path

FIXED_DATE = datetime(2025, 1, 1, tzinfo=UTC)


def render(doc: PrintedDoc, layout: Layout, out: Path, seed: int) -> None:
    """Given a printed document and its layout, write it as a PDF with fpdf2."""
    laid = lay_out(doc, layout, measure(layout.font), seed)
    pdf = FPDF(orientation="L" if layout.landscape else "P", unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_font("body", "", font_path(layout.font))
    pdf.add_font("body", "B", font_path(layout.font, bold=True))
    pdf.set_title(doc.title_lines[2])
    pdf.set_creation_date(FIXED_DATE)  # the same bytes for the same seed
    for page in laid.pages:
        pdf.add_page()
        for item in page:
            if isinstance(item, Box):
                level = int(item.gray * 255)
                pdf.set_fill_color(level, level, level)
                pdf.rect(item.x, item.y, item.w, item.h, style="F")
            elif isinstance(item, Stroke):
                pdf.set_line_width(item.width)
                pdf.line(item.x1, item.y1, item.x2, item.y2)
        for item in page:
            if isinstance(item, Text):
                pdf.set_font("body", "B" if item.bold else "", item.size)
                pdf.text(item.x, item.y, item.text)
    pdf.output(str(out))
