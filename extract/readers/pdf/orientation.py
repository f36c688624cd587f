"""Which way a page's text runs, and the page's coordinates turned so that it runs left to right.

A landscape table is often printed on a portrait page turned on its side: a
PostScript driver's auto-rotation stores the page upright with `/Rotate 90`,
or a layout program sets the table sideways for the reader to turn the paper.
Either way its glyphs run up or down the page, and read as they stand every
glyph is a line of its own: the table is lost and its digits make nonsense
rows. Such a page is read turned, glyphs and rules alike; the direction its
glyphs run decides, not the page's `/Rotate`, which only says how it is shown.
"""

from __future__ import annotations

import ctypes
import math
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

SAMPLE_GLYPHS = 400  # glyphs, spread over the page, whose direction decides the page's
MAJORITY = 0.5  # share of them that must run one way for the page to be read turned


@dataclass(frozen=True)
class Orientation:
    """How far a page is turned to read it (degrees counter-clockwise its text runs), and
    its size as printed (PDF space, y up)."""

    turn: int
    page_width: float
    page_height: float

    @property
    def width(self) -> float:
        return self.page_height if self.turn in (90, 270) else self.page_width

    @property
    def height(self) -> float:
        return self.page_width if self.turn in (90, 270) else self.page_height

    def upright(self, x: float, y: float) -> tuple[float, float]:
        """Given a point in PDF space, return it on the page turned upright (y still up)."""
        if self.turn == 90:  # text runs up the page: turn it clockwise
            return y, self.page_width - x
        if self.turn == 180:
            return self.page_width - x, self.page_height - y
        if self.turn == 270:  # text runs down the page: turn it counter-clockwise
            return self.page_height - y, x
        return x, y

    def box(self, left: float, bottom: float, right: float, top: float):
        """Given a box in PDF space, return (left, bottom, right, top) on the upright page."""
        (x0, y0), (x1, y1) = self.upright(left, bottom), self.upright(right, top)
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def upright(page: pdfium.PdfPage) -> Orientation:
    """Given a page, return it read as it stands."""
    width, height = page.get_size()
    return Orientation(0, width, height)


def page_orientation(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> Orientation:
    """Given a page and its text, return the turn that makes most of its glyphs run left to
    right (0 when no direction holds a majority)."""
    votes = Counter(_directions(textpage))
    width, height = page.get_size()
    turn, count = votes.most_common(1)[0] if votes else (0, 0)
    return Orientation(turn if count > MAJORITY * votes.total() else 0, width, height)


def _directions(textpage: pdfium.PdfTextPage):
    """Given a text page, yield the direction (0, 90, 180, 270) of a sample of its glyphs."""
    raw = textpage.raw
    count = textpage.count_chars()
    matrix = pdfium_c.FS_MATRIX()
    for index in range(0, count, max(1, count // SAMPLE_GLYPHS)):
        if chr(pdfium_c.FPDFText_GetUnicode(raw, index)).isspace():
            continue
        pdfium_c.FPDFText_GetMatrix(raw, index, ctypes.byref(matrix))
        yield round(math.degrees(math.atan2(matrix.b, matrix.a)) / 90) % 4 * 90
