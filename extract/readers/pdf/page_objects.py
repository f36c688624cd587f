"""A page's objects of one kind, as pdfium's own handles.

pypdfium2's `PdfPage.get_objects` wraps every object of the page in a Python
object before filtering by kind, and a page of a dense report holds hundreds
(every glyph run, rule and shading): wrapping them was a sixth of reading such
a page. This walks the same objects in the same order, Form XObjects entered to
the same depth, and hands out pdfium's handle of each object of the kind asked.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


def page_objects(page: pdfium.PdfPage, kind: int, max_depth: int) -> Iterator:
    """Given a page, an object kind (`FPDF_PAGEOBJ_*`) and how many levels of forms to
    read (1: the page's own objects), yield the handle of each object of that kind."""
    yield from _objects(
        page.raw, pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject, kind, max_depth, 0
    )


def _objects(parent, count_objects, get_object, kind: int, max_depth: int, level: int):
    """Given a page or form and its way to list objects, yield its objects of `kind` in
    order, each form's own after it, down to `max_depth` levels."""
    count = count_objects(parent)
    if count < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    for index in range(count):
        handle = get_object(parent, index)
        if not handle:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        found = pdfium_c.FPDFPageObj_GetType(handle)
        if found == kind:
            yield handle
        if found == pdfium_c.FPDF_PAGEOBJ_FORM and level < max_depth - 1:
            yield from _objects(
                handle,
                pdfium_c.FPDFFormObj_CountObjects,
                pdfium_c.FPDFFormObj_GetObject,
                kind,
                max_depth,
                level + 1,
            )


def object_bounds(handle) -> tuple[float, float, float, float]:
    """Given an object's handle, return its left, bottom, right and top in PDF space."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(handle, left, bottom, right, top):
        raise pdfium.PdfiumError("Failed to locate pageobject.")
    return left.value, bottom.value, right.value, top.value
