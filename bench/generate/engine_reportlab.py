"""reportlab engine: the canvas layout drawn with reportlab's canvas (TrueType fonts)."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas as PdfCanvas

from bench.generate.canvas_runs import Box, Stroke, Text
from bench.generate.canvas_table import lay_out
from bench.generate.document import PrintedDoc
from bench.generate.layouts import Layout, font_path


def font_name(family: str, bold: bool) -> str:
    """Given a family, register its TrueType file with reportlab once and return its name."""
    name = f"{family.replace(' ', '')}{'-Bold' if bold else ''}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, font_path(family, bold)))
    return name


def measure(family: str):
    """Given a family, return a text-width function (text, size, bold) -> points."""

    def width(text: str, size: float, bold: bool) -> float:
        return pdfmetrics.stringWidth(text, font_name(family, bold), size)

    return width


def render(doc: PrintedDoc, layout: Layout, out: Path, seed: int) -> None:
    """Given a printed document and its layout, write it as a PDF with reportlab."""
    laid = lay_out(doc, layout, measure(layout.font), seed)
    page_width, page_height = laid.size
    pdf = PdfCanvas(str(out), pagesize=(page_width, page_height), invariant=1)
    pdf.setTitle(doc.title_lines[2])
    for page in laid.pages:
        for item in page:
            if isinstance(item, Box):
                pdf.setFillGray(item.gray)
                pdf.rect(item.x, page_height - item.y - item.h, item.w, item.h, stroke=0, fill=1)
            elif isinstance(item, Stroke):
                pdf.setLineWidth(item.width)
                pdf.line(item.x1, page_height - item.y1, item.x2, page_height - item.y2)
        pdf.setFillGray(0)
        for item in page:
            if isinstance(item, Text):
                pdf.setFont(font_name(layout.font, item.bold), item.size)
                pdf.drawString(item.x, page_height - item.y, item.text)
        pdf.showPage()
    pdf.save()
