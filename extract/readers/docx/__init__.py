"""Read a Word (.docx) report into a `Document`.

The body is walked in reading order (paragraphs and tables interleaved, content controls
opened), so each table gets the paragraph right above it as caption and the text since
the previous table as context. Each `w:tbl` becomes one `RawTable(method="docx")`; a
table nested inside a cell is read as a separate table after its outer table, with a
warning.

Pages: a DOCX has no fixed pages, so `page` is the 1-based page where Word recorded it.
If the file holds `w:lastRenderedPageBreak` marks (Word writes them where it last laid
out a new page), only those are counted: they already include hard and section breaks.
Otherwise (files written by other tools) the explicit breaks are counted: page breaks
(`w:br w:type="page"`) and section breaks whose next section starts on a new page.
`page_count` is the number of breaks counted + 1. A paragraph is on the page where its
first text stands; a cell on the page of its first paragraph with text.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from extract.model import Document, ReadError, TextBlock
from extract.readers.docx.cells import table_to_rows
from extract.readers.docx.pages import PageTracker
from extract.readers.docx.text import paragraph_text, text_boxes
from extract.readers.layout import TableDraft, stream_to_parts

_PARAGRAPH = qn("w:p")
_TABLE = qn("w:tbl")
_CONTENT_CONTROL = qn("w:sdt")
# a zip whose directory reads but whose parts do not: a flipped compression method, a
# cut or corrupted deflate stream, a part failing its CRC (as fuzzed copies showed)
DAMAGED_PACKAGE = (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError)


def read(path: Path) -> Document:
    """Given a .docx file, return its tables and text; raise `ReadError` if it cannot be read."""
    word = _open(path)
    try:
        body = word.element.body
        pages = PageTracker(body)
        warnings: list[str] = []
        items = list(_body_items(body, word, pages, warnings))
    except (etree.XMLSyntaxError, KeyError) as error:
        # Parts such as styles.xml are parsed only when first used, after opening.
        raise ReadError(f"{path.name}: damaged DOCX part ({error})") from error
    tables, blocks = stream_to_parts(items)
    return Document(page_count=pages.page, tables=tables, text_blocks=blocks, warnings=warnings)


def _open(path: Path) -> WordDocument:
    """Given a path, return the opened Word document; raise `ReadError` if it is not one."""
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, *DAMAGED_PACKAGE) as error:
        raise ReadError(
            f"{path.name}: not a DOCX file (not a readable zip package; "
            f"an encrypted or legacy .doc file looks like this too): {error}"
        ) from error
    except KeyError as error:
        raise ReadError(f"{path.name}: DOCX package is missing a part: {error}") from error
    except etree.XMLSyntaxError as error:
        raise ReadError(f"{path.name}: DOCX holds damaged XML: {error}") from error
    except ValueError as error:
        # python-docx's word for a package of another kind (e.g. an .xlsx renamed).
        raise ReadError(f"{path.name}: not a Word document: {error}") from error


def _body_items(
    container: etree._Element, word: WordDocument, pages: PageTracker, warnings: list[str]
) -> Iterator[TextBlock | TableDraft]:
    """Given the body (or a content control's or text box's content), yield its text and tables."""
    for child in container.iterchildren():
        if child.tag == _PARAGRAPH:
            page = pages.enter(child)
            text = paragraph_text(child)
            if text:
                yield TextBlock(page=page, text=text)
            for box in text_boxes(child):
                yield from _body_items(box, word, pages, warnings)
        elif child.tag == _TABLE:
            yield from _table_items(child, word, pages, warnings)
        elif child.tag == _CONTENT_CONTROL:
            for content in child.iterchildren(qn("w:sdtContent")):
                yield from _body_items(content, word, pages, warnings)


def _table_items(
    tbl: etree._Element, word: WordDocument, pages: PageTracker, warnings: list[str]
) -> Iterator[TableDraft]:
    """Given a `w:tbl`, yield it as a draft, then each table nested in its cells."""
    start_page = pages.page
    nested: list[etree._Element] = []
    rows = table_to_rows(tbl, word, pages, nested)
    page = rows[0][0].page if rows and rows[0] else start_page
    yield TableDraft(rows=rows, page=page, method="docx")
    for inner in nested:
        warnings.append(
            f"a table nested in a table cell on page {page} was read as a separate table "
            "after its outer table"
        )
        yield from _table_items(inner, word, pages, warnings)
