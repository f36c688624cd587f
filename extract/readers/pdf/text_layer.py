"""Words read with pdfium, which parses a page far faster than pdfminer.

The words carry the same geometry as pdfplumber's (left edge to advance
width, top = baseline - font size), so the ruled and borderless finders work
on them unchanged.
"""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.readers.pdf.orientation import Orientation, upright
from extract.readers.pdf.words import BOLD_FONT, ITALIC_FONT, Word

X_TOLERANCE = 3.0  # points a glyph may step back, or its baseline move, within one word
WORD_GAP = 0.12  # a gap between glyph boxes wider than this (x font size) ends a word
# kerning pulls a glyph back into the one before (`Te` in a title set large) by up to
# this share of the font size, which can be more than X_TOLERANCE's points
KERN = 0.2
FONT_NAME_BYTES = 128
SAME_BOX = 0.01  # points between the edges of two characters drawn as one glyph
SOFT_HYPHEN = 0x02  # pdfium's code for a hyphen that ends a line (`Söderåkra-`)
# pdfium boxes a line-end hyphen by its ink, not its advance, so a gap opens before it;
# it is read as U+00AD, which always ends the word before it, and printed as `-`
LINE_END_HYPHEN = "\u00ad"
# a letter run straight into a number's sign or opening parenthesis, the number ending the
# word: a label wider than its cell printed up to the value beside it (`Förbrukningsmaterial
# -198,72`), or a hyphenated name (`Covid-19`); `glued` decides which from the page's columns
GLUED_NUMBER = re.compile(r"[^\W\d_](?P<number>[-−–(]\d[\d,.]*\)?)$")


def pdfium_words(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, orientation: Orientation | None = None
) -> list[Word]:
    """Given a pdfium page and its text page, return its words left to right, line by line
    (on the page turned as `orientation` says, upright by default)."""
    words: list[Word] = []
    current: list[tuple[str, float, float, float, float, str]] = []
    for char in _chars(textpage, orientation or upright(page)):
        if current and not _same_word(current[-1], char):
            words += _words(current)
            current = []
        if not char[0].isspace():
            current.append(char)
    if current:
        words += _words(current)
    return words


def _words(chars) -> list[Word]:
    """Given one word's glyphs, return it as Words: a number that a label runs into without
    a gap starts a Word of its own, marked as touching the label."""
    glued = GLUED_NUMBER.search("".join(c[0] for c in chars))
    if glued is None:
        return [_word(chars)]
    cut = glued.start("number")
    return [_word(chars[:cut]), replace(_word(chars[cut:]), touches_label=True)]


def _chars(textpage: pdfium.PdfTextPage, orientation: Orientation):
    """Given a text page, yield (text, x0, x1, top, bottom, font) per character.

    The hottest loop of reading (one pass per glyph of every page): its pdfium calls
    write into buffers made once, and an upright page (nearly every one) skips turning.
    """
    raw = textpage.raw
    name = ctypes.create_string_buffer(FONT_NAME_BYTES)
    flags = ctypes.c_int()
    x, y = ctypes.c_double(), ctypes.c_double()
    matrix = pdfium_c.FS_MATRIX()
    rect = pdfium_c.FS_RECTF()
    x_ref, y_ref, flags_ref = ctypes.byref(x), ctypes.byref(y), ctypes.byref(flags)
    matrix_ref, rect_ref = ctypes.byref(matrix), ctypes.byref(rect)
    height, turned = orientation.height, orientation.turn != 0
    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        if pdfium_c.FPDFText_IsGenerated(raw, index):
            continue  # pdfium's guessed spaces: the glyph boxes decide instead
        text = LINE_END_HYPHEN if code == SOFT_HYPHEN else chr(code)
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect_ref):
            raise pdfium.PdfiumError("Failed to get charbox.")
        pdfium_c.FPDFText_GetCharOrigin(raw, index, x_ref, y_ref)
        if turned:
            left, _, right, _ = orientation.box(rect.left, rect.bottom, rect.right, rect.top)
            _, baseline = orientation.upright(x.value, y.value)
        else:
            left, right, baseline = min(rect.left, rect.right), max(rect.left, rect.right), y.value
        # the font size is in text space; the glyph's matrix scales it onto the page
        # (Chromium prints at twice the size under a 0.5 transform)
        pdfium_c.FPDFText_GetMatrix(raw, index, matrix_ref)
        size = pdfium_c.FPDFText_GetFontSize(raw, index) * math.hypot(matrix.c, matrix.d)
        pdfium_c.FPDFText_GetFontInfo(raw, index, name, FONT_NAME_BYTES, flags_ref)
        bottom = height - baseline
        yield (text, left, right, bottom - size, bottom, name.value.decode("latin-1"))


def _same_word(previous, char) -> bool:
    """Given two glyphs in text order, return whether the second continues the first's word.

    Producers print one word as one run, one run per glyph, or digit groups as
    separate runs with a positioning gap for the thousands space; the gap
    between the glyph boxes, against the font size, tells them apart alike.
    """
    if char[0].isspace():
        return False
    same_line = abs(previous[4] - char[4]) <= X_TOLERANCE
    if char[0] == LINE_END_HYPHEN:
        return same_line
    size = max(previous[4] - previous[3], char[4] - char[3])
    return (
        same_line
        and char[5] == previous[5]
        and (
            -max(X_TOLERANCE, KERN * size) <= char[1] - previous[2] <= WORD_GAP * size
            or _same_glyph(previous, char)
        )
    )


def _same_glyph(previous, char) -> bool:
    """Given two characters, return whether they share one glyph's box.

    A ligature (`ﬁ` in `Trafiksäkerhet`) is one glyph that the text layer reads
    as its letters, each with the whole glyph's box: the second letter starts
    where the first does, not after it.
    """
    return abs(char[1] - previous[1]) <= SAME_BOX and abs(char[2] - previous[2]) <= SAME_BOX


def _word(chars) -> Word:
    texts, lefts, rights, tops, bottoms, fonts = zip(*chars, strict=True)
    font = fonts[0]
    return Word(
        text="".join(texts).replace(LINE_END_HYPHEN, "-"),
        x0=min(lefts),
        x1=max(rights),
        top=min(tops),
        bottom=max(bottoms),
        italic=bool(ITALIC_FONT.search(font)),
        bold=bool(BOLD_FONT.search(font)),
    )
