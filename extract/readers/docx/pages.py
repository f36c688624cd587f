"""Page numbers for DOCX content, which has no fixed pages (rule: `extract.readers.docx`)."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

from extract.readers.docx.text import own_elements

# Section types that start the next section on a new page; an absent type means nextPage.
NEW_PAGE_SECTION_TYPES = frozenset({"nextPage", "oddPage", "evenPage"})

_TEXT = qn("w:t")
_BREAK = qn("w:br")
_RENDERED_BREAK = qn("w:lastRenderedPageBreak")


class PageTracker:
    """Counts page breaks in reading order; every paragraph must pass through `enter` once."""

    def __init__(self, body: etree._Element) -> None:
        # Word records where it rendered each page start; when it did, those marks already
        # include the hard and section breaks, so counting both would count them twice.
        self.rendered = bool(body.xpath(".//w:lastRenderedPageBreak"))
        self.page = 1
        self._section_page_breaks = _section_ends_with_new_page(body)

    def enter(self, paragraph: etree._Element) -> int:
        """Given the next paragraph in reading order, return the page its text starts on."""
        text_page = 0
        for element in own_elements(paragraph, _TEXT, _BREAK, _RENDERED_BREAK):
            if element.tag == _TEXT:
                if not text_page and (element.text or "").strip():
                    text_page = self.page
            elif self._is_page_break(element):
                self.page += 1
        page = text_page or self.page
        if not self.rendered and any(
            sect in self._section_page_breaks for sect in paragraph.xpath("./w:pPr/w:sectPr")
        ):
            self.page += 1
        return page

    def _is_page_break(self, element: etree._Element) -> bool:
        """Given a break element, return whether it starts a page under the counting mode."""
        if self.rendered:
            return element.tag == _RENDERED_BREAK
        return element.tag == _BREAK and element.get(qn("w:type")) == "page"


def _section_ends_with_new_page(body: etree._Element) -> set[etree._Element]:
    """Given the body, return the paragraph-level `w:sectPr`s whose next section starts a page.

    A section's `w:type` says how that section starts, so the break after section k is
    decided by the type of section k + 1.
    """
    sections = body.xpath(".//w:pPr/w:sectPr") + body.xpath("./w:sectPr")
    breaking = set()
    for current, following in zip(sections, sections[1:], strict=False):
        kind = following.find(qn("w:type"))
        value = kind.get(qn("w:val")) if kind is not None else "nextPage"
        if value in NEW_PAGE_SECTION_TYPES:
            breaking.add(current)
    return breaking
