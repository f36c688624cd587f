"""Read a plain-text or Markdown export of a report (.txt, .md) into a `Document`.

Exports of this family lost their layout; the table layouts they keep (tab-separated
rows, one cell per tab-led line, Markdown pipe tables) and the rules that find them are
described in `extract.readers.text.tables`. HTML fragments inside cells are stripped
(italic is kept, see `extract.readers.text.markup`). Text is UTF-8 (with or without BOM);
other text is read as cp1252 with a warning.

Pages: everything is on page 1 unless the file holds form feeds (`\\f`), each of which
starts a new page; a form feed ending the file (as pdftotext writes) opens no page.
"""

from __future__ import annotations

from pathlib import Path

from extract.model import Document
from extract.readers.layout import stream_to_parts
from extract.readers.text.decode import bytes_to_text
from extract.readers.text.tables import Line, lines_to_items

FORM_FEED = "\f"


def read(path: Path) -> Document:
    """Given a .txt or .md export, return its tables and text; raise `ReadError` if not text."""
    text, warnings = bytes_to_text(path.read_bytes(), path.name)
    pages = text_to_pages(text)
    tables, blocks = stream_to_parts(lines_to_items(pages_to_lines(pages)))
    return Document(
        page_count=len(pages),
        tables=tables,
        text_blocks=blocks,
        pages_without_text=[number for number, page in enumerate(pages, 1) if not page.strip()],
        warnings=warnings,
    )


def text_to_pages(text: str) -> list[str]:
    """Given the whole text, return its pages split at form feeds."""
    pages = text.split(FORM_FEED)
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()
    return pages


def pages_to_lines(pages: list[str]) -> list[Line]:
    """Given the pages, return every line with its 0-based position and 1-based page."""
    lines: list[Line] = []
    for page_number, page in enumerate(pages, 1):
        for text in page.split("\n"):
            lines.append(Line(number=len(lines), page=page_number, text=text))
    return lines
