"""WeasyPrint engine: the HTML rendering, laid out by WeasyPrint."""

from __future__ import annotations

from pathlib import Path

from bench.generate.document import PrintedDoc
from bench.generate.html import to_html
from bench.generate.layouts import Layout


def render(doc: PrintedDoc, layout: Layout, out: Path, seed: int) -> None:
    """Given a printed document and its layout, write it as a PDF with WeasyPrint."""
    import weasyprint  # imported here: it loads Pango, which the other engines do not need

    weasyprint.HTML(string=to_html(doc, layout, seed)).write_pdf(str(out))
