"""Text and italic of one DOCX paragraph, read from its XML.

python-docx's `Paragraph.text` only sees plain runs and hyperlinks, so text in tracked
insertions, fields, smart tags and inline content controls would be lost; this reads every
run that prints, and leaves out deleted or moved-away text and text boxes anchored in the
paragraph (those are paragraphs of their own).
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from extract.readers.layout import collapse_whitespace

_PARAGRAPH = qn("w:p")
# Content that is in the file but not printed: tracked deletions and moves, and the
# fallback copy of a drawing that Word keeps beside the drawing itself.
_MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NOT_PRINTED = frozenset({qn("w:del"), qn("w:moveFrom"), f"{{{_MARKUP_COMPATIBILITY}}}Fallback"})
_TEXT = {qn("w:t"): None, qn("w:tab"): " ", qn("w:cr"): " ", qn("w:noBreakHyphen"): "-"}
_BREAK = qn("w:br")


def own_elements(paragraph: etree._Element, *tags: str) -> Iterator[etree._Element]:
    """Given a paragraph, yield its printed descendants with these tags, not those of text boxes."""
    for element in paragraph.iter(*tags):
        if _belongs_to(element, paragraph):
            yield element


def paragraph_text(paragraph: etree._Element) -> str:
    """Given a `w:p`, return its printed text with whitespace collapsed."""
    pieces = []
    for element in own_elements(paragraph, _BREAK, *_TEXT):
        if element.tag == _BREAK:
            pieces.append(" ")
        else:
            pieces.append(_TEXT[element.tag] or element.text or "")
    return collapse_whitespace("".join(pieces))


def paragraph_italic(paragraph: etree._Element, word: WordDocument) -> bool | None:
    """Given a `w:p`, return whether all its runs with text are italic (None: no text)."""
    styled = Paragraph(paragraph, word)
    runs = [Run(r, styled) for r in own_elements(paragraph, qn("w:r"))]
    printed = [run for run in runs if paragraph_run_text(run._r).strip()]
    if not printed:
        return None
    return all(_run_italic(run, styled) for run in printed)


def text_boxes(paragraph: etree._Element) -> list[etree._Element]:
    """Given a `w:p`, return the contents of the text boxes anchored in it, once each."""
    return list(own_elements(paragraph, qn("w:txbxContent")))


def paragraph_run_text(run: etree._Element) -> str:
    """Given a `w:r`, return the text of its `w:t` children."""
    return "".join(t.text or "" for t in run.iterchildren(qn("w:t")))


def _belongs_to(element: etree._Element, paragraph: etree._Element) -> bool:
    """Given a descendant of a paragraph, return whether it prints as part of that paragraph."""
    for ancestor in element.iterancestors():
        if ancestor is paragraph:
            return True
        if ancestor.tag == _PARAGRAPH or ancestor.tag in _NOT_PRINTED:
            return False
    return False


def _run_italic(run: Run, paragraph: Paragraph) -> bool:
    """Given a run, return its italic setting: direct, else from its or its paragraph's style."""
    if run.font.italic is not None:
        return run.font.italic
    for style in (run.style, paragraph.style):
        while style is not None:
            if style.font.italic is not None:
                return style.font.italic
            style = style.base_style
    return False
