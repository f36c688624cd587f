"""PDF reader: ruled and borderless tables, their captions, and the running text.

`read(path, settings) -> Document`. Every page is read with pdfium, once.
Pages whose text has lines that end in two or more numbers are analysed
word by word for borderless (aligned words) tables and, when they draw
rules, with pdfplumber's table finder for ruled tables. pdfium also opens
the file, so it alone reports damaged and password-protected files.
Page numbers are 1-based throughout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.model import Document, ReadError
from extract.readers.pdf_borderless import BorderlessSettings
from extract.readers.pdf_layout import LayoutSettings, PageContent, assemble
from extract.readers.pdf_pages import image_share, may_hold_table, pdfium_lines, words_to_content
from extract.readers.pdf_pdfium import pdfium_words, rule_edges
from extract.readers.pdf_ruled import RuledPage, page_to_ruled_tables
from extract.readers.pdf_tables import PageTable


@dataclass(frozen=True)
class PdfSettings:
    """Tunables of the PDF reader."""

    max_pages: int = 2000
    line_tolerance: float = 3.0  # points between the vertical centres of one line's words
    number_gap: float = 0.45  # widest thousands space, as a multiple of the text height
    min_row_lines: int = 2  # lines ending in numbers a page needs to be analysed for tables
    image_page_share: float = 0.45  # image cover above which a sparse page gets a warning
    image_page_lines: int = 25  # ... when it has fewer text lines than this
    min_rules: int = 4  # stroked lines a page needs before it is searched for ruled tables
    borderless: BorderlessSettings = field(default_factory=BorderlessSettings)
    layout: LayoutSettings = field(default_factory=LayoutSettings)


def read(path: Path, settings: PdfSettings = PdfSettings()) -> Document:  # noqa: B008
    """Given a PDF file, return its tables and running text as a Document."""
    document = _open_pdfium(path)
    try:
        warnings: list[str] = []
        count = len(document)
        if count > settings.max_pages:
            warnings.append(f"PDF has {count} pages; only the first {settings.max_pages} were read")
        pages, blank = _read_pages(document, settings, warnings)
    finally:
        document.close()
    tables, blocks = assemble(pages, settings.layout)
    truncated = count > settings.max_pages
    return Document(count, tables, blocks, blank, warnings, truncated=truncated)


def _open_pdfium(path: Path) -> pdfium.PdfDocument:
    """Given a path, return the open pdfium document or raise ReadError saying why not."""
    if not path.is_file():
        raise ReadError(f"{path.name}: no such file")
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ReadError("PDF is password-protected") from error
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise ReadError(f"{path.name} is encrypted with an unsupported scheme") from error
        raise ReadError(f"{path.name} is not a readable PDF ({error})") from error


def _read_pages(document: pdfium.PdfDocument, settings: PdfSettings, warnings: list[str]):
    """Given an open document, return each page's content and the pages without text."""
    pages: list[PageContent] = []
    blank: list[int] = []
    for index in range(min(len(document), settings.max_pages)):
        number = index + 1
        page = document[index]
        textpage = page.get_textpage()
        lines = pdfium_lines(page, textpage, settings.line_tolerance)
        share = image_share(page)
        if not lines:
            if share > 0:
                blank.append(number)
                warnings.append(f"page {number} has no text layer (image only); not read")
            continue
        if share >= settings.image_page_share and len(lines) < settings.image_page_lines:
            warnings.append(
                f"page {number} is mostly images ({share:.0%} of the page) with little text;"
                " tables printed as images are not read"
            )
        content = PageContent(number, [], lines)
        if may_hold_table(lines, settings.min_row_lines):
            content = _table_page(page, textpage, index, settings)
        pages.append(content)
    return pages, blank


def _table_page(page, textpage, index: int, settings: PdfSettings) -> PageContent:
    """Given a page that may hold tables, return its tables and the lines outside them."""
    words = pdfium_words(page, textpage)
    ruled: list[PageTable] = []
    edges = rule_edges(page)
    if len(edges) >= settings.min_rules:
        width, height = page.get_size()
        rules = RuledPage(edges, (0.0, 0.0, width, height))
        ruled = page_to_ruled_tables(rules, words, index + 1, settings.line_tolerance)
    return words_to_content(
        words, ruled, index + 1, settings.line_tolerance, settings.number_gap, settings.borderless
    )
