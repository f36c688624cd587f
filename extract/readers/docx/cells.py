"""DOCX table cells: a `w:tbl` element -> rows of `RawCell`s on a rectangular grid.

Merged cells keep the grid rectangular: a horizontally merged cell (`w:gridSpan`) gives its
text to its first grid position with `span=n` and an empty cell to each covered position;
a vertically merged cell (`w:vMerge`) keeps its text in the first row only.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from lxml import etree

from extract.model import RawCell
from extract.readers.docx.pages import PageTracker
from extract.readers.docx.text import paragraph_italic, paragraph_text

# Cells can sit directly in a row or inside a row-level content control.
_ROW_CELLS = "./w:tc | ./w:sdt/w:sdtContent/w:tc | ./w:customXml/w:tc"
# Paragraphs and nested tables of a cell, in order, also inside cell-level content controls.
_CELL_BLOCKS = "./w:p | ./w:tbl | ./w:sdt/w:sdtContent/w:p | ./w:sdt/w:sdtContent/w:tbl"


def table_to_rows(
    tbl: etree._Element, word: WordDocument, pages: PageTracker, nested: list[etree._Element]
) -> list[list[RawCell]]:
    """Given a `w:tbl`, return its rows of cells; tables nested in cells are added to `nested`."""
    rows = []
    for tr in tbl.xpath("./w:tr"):
        row = [RawCell(text="", page=0)] * tr.grid_before
        for tc in tr.xpath(_ROW_CELLS):
            row.extend(_tc_to_cells(tc, word, pages, nested))
        row.extend([RawCell(text="", page=0)] * tr.grid_after)
        rows.append(_fill_pages(row, pages.page))
    return rows


def _tc_to_cells(
    tc: etree._Element, word: WordDocument, pages: PageTracker, nested: list[etree._Element]
) -> list[RawCell]:
    """Given a `w:tc`, return the cell and one empty cell per extra grid column it covers."""
    texts: list[str] = []
    italics: list[bool] = []
    page = 0
    for block in tc.xpath(_CELL_BLOCKS):
        if block.tag == qn("w:tbl"):
            nested.append(block)
            continue
        paragraph_page = pages.enter(block)
        text = paragraph_text(block)
        if not text:
            continue
        page = page or paragraph_page
        texts.append(text)
        italics.append(bool(paragraph_italic(block, word)))
    span = tc.grid_span
    if tc.vMerge == "continue":
        texts, italics = [], []
    cell = RawCell(
        text=" ".join(texts),
        page=page,
        italic=bool(italics) and all(italics),
        span=span,
    )
    return [cell] + [RawCell(text="", page=0)] * (span - 1)


def _fill_pages(row: list[RawCell], current_page: int) -> list[RawCell]:
    """Given a row whose empty cells have page 0, return it with them on the row's page."""
    pages = [cell.page for cell in row if cell.page]
    row_page = pages[0] if pages else current_page
    return [
        cell if cell.page else RawCell(cell.text, row_page, cell.bbox, cell.italic, cell.span)
        for cell in row
    ]
