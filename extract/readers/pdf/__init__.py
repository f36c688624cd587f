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
from extract.readers.pdf.borderless import BorderlessSettings
from extract.readers.pdf.columns import Column
from extract.readers.pdf.contents import is_contents
from extract.readers.pdf.continuation import carry_headers
from extract.readers.pdf.glued import settle_glued
from extract.readers.pdf.layout import LayoutSettings, PageContent, assemble, overlaps
from extract.readers.pdf.orientation import Orientation, page_orientation
from extract.readers.pdf.pages import image_share, may_hold_table, pdfium_lines, words_to_content
from extract.readers.pdf.ruled import RuledPage, page_to_ruled_tables
from extract.readers.pdf.rules import rule_edges
from extract.readers.pdf.tables import PageTable
from extract.readers.pdf.text_layer import pdfium_words
from extract.readers.pdf.words import NUMBER, Line
from extract.readers.pdf.wrap import DOCUMENT_WORDS, document_words

MIN_NUMERIC_ROWS = 2  # rows with a number a grid drawn only by shading needs


@dataclass(frozen=True)
class PdfSettings:
    """Tunables of the PDF reader."""

    max_pages: int = 2000
    line_tolerance: float = 3.0  # points between the vertical centres of one line's words
    number_gap: float = 0.45  # widest thousands space, as a multiple of the text height
    min_row_lines: int = 1  # lines ending in numbers a page needs to be analysed for tables
    image_page_share: float = 0.45  # image cover above which a sparse page gets a warning
    image_page_lines: int = 25  # ... when it has fewer text lines than this
    min_rules: int = 4  # rules a page needs before it is searched for ruled tables
    borderless: BorderlessSettings = field(default_factory=BorderlessSettings)
    layout: LayoutSettings = field(default_factory=LayoutSettings)


def read(path: Path, settings: PdfSettings = PdfSettings()) -> Document:  # noqa: B008
    """Given a PDF file, return its tables and running text as a Document.

    All pages' text lines are read first: the words the document prints whole
    decide how wrapped cell lines join (`wrap.document_words`).
    """
    document = _open_pdfium(path)
    token = None
    try:
        warnings: list[str] = []
        count = len(document)
        if count > settings.max_pages:
            warnings.append(f"PDF has {count} pages; only the first {settings.max_pages} were read")
        texts, blank = _page_texts(document, settings, warnings)
        runs = (word.text for text in texts for line in text.lines for word in line.words)
        token = DOCUMENT_WORDS.set(document_words(runs))
        pages = carry_headers(_contents(texts, settings), settings.borderless, settings.layout)
        tables, blocks = assemble(pages, settings.layout)
    finally:
        if token is not None:
            DOCUMENT_WORDS.reset(token)
        document.close()
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


def _page(document: pdfium.PdfDocument, index: int) -> pdfium.PdfPage:
    """Given an open document, return its page at index; raise ReadError if it is damaged.

    The whole report fails rather than skipping the page: a table running over it
    would be stitched to the wrong rows.
    """
    try:
        return document[index]
    except pdfium.PdfiumError as error:
        raise ReadError(f"page {index + 1} is damaged and cannot be loaded ({error})") from error


@dataclass
class _PageText:
    """A page's text lines, and the open page (and how it is turned to be read) while it may
    still yield tables."""

    number: int
    lines: list[Line]
    source: tuple[pdfium.PdfPage, pdfium.PdfTextPage, Orientation] | None


def _page_texts(document: pdfium.PdfDocument, settings: PdfSettings, warnings: list[str]):
    """Given an open document, return its pages with text and the pages without text."""
    texts: list[_PageText] = []
    blank: list[int] = []
    for index in range(min(len(document), settings.max_pages)):
        number = index + 1
        page = _page(document, index)
        textpage = page.get_textpage()
        orientation = page_orientation(page, textpage)
        lines = pdfium_lines(page, textpage, settings.line_tolerance, orientation)
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
        tabular = may_hold_table(lines, settings.min_row_lines)
        source = (page, textpage, orientation) if tabular else None
        texts.append(_PageText(number, lines, source))
    return texts, blank


def _contents(texts: list[_PageText], settings: PdfSettings) -> list[PageContent]:
    """Given the pages' text, return their content, each page seeing the last table before it."""
    contents: list[PageContent] = []
    continued: tuple[Column, ...] = ()
    for text in texts:
        contents.append(_content(text, settings, continued))
        last = max(contents[-1].tables, key=lambda t: t.bbox[3], default=None)
        continued = last.columns if last is not None and last.method == "borderless" else ()
    return contents


def _content(text: _PageText, settings: PdfSettings, continued) -> PageContent:
    """Given a page's text, return its content: tables where it may hold them, else lines."""
    if text.source is None:
        return PageContent(text.number, [], text.lines)
    page, textpage, orientation = text.source
    text.source = None  # the page is read once
    return _table_page(page, textpage, orientation, text.number - 1, settings, continued)


def _table_page(
    page, textpage, orientation: Orientation, index: int, settings: PdfSettings, continued
) -> PageContent:
    """Given a page that may hold tables, return its tables and the lines outside them.

    Grids drawn only by shading stand in where the borderless reader finds
    nothing: shading marks banded rows and text lines as often as cells.
    """
    words = settle_glued(
        pdfium_words(page, textpage, orientation), settings.line_tolerance, settings.number_gap
    )
    rules = rule_edges(page, orientation)
    ruled = _ruled(rules.lines, orientation, words, index, settings)
    shaded = (
        _ruled(rules.lines + rules.shades, orientation, words, index, settings)
        if rules.shades
        else []
    )
    return words_to_content(
        words,
        ruled,
        index + 1,
        settings.line_tolerance,
        settings.number_gap,
        settings.borderless,
        continued,
        fallback=[t for t in shaded if _numeric(t) and not any(overlaps(t, r) for r in ruled)],
        shades=rules.boxes,
    )


def _numeric(table: PageTable) -> bool:
    """Given a table, return whether enough of its rows hold a printed number.

    Shaded grids of text (project sheets, goal tables) stay running text, as
    they read when shading did not count.
    """
    rows = sum(1 for row in table.rows if any(NUMBER.match(c.text) for c in row[1:]))
    return rows >= MIN_NUMERIC_ROWS


def _ruled(
    edges: list[dict], orientation: Orientation, words, index: int, settings: PdfSettings
) -> list[PageTable]:
    """Given a page's rules and words, return its ruled tables (none under too few rules)."""
    if len(edges) < settings.min_rules:
        return []
    found = page_to_ruled_tables(
        RuledPage(edges, (0.0, 0.0, orientation.width, orientation.height)),
        words,
        index + 1,
        settings.line_tolerance,
        settings.borderless,
    )
    return [table for table in found if not is_contents(table)]
