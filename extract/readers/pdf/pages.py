"""One page at a time: a cheap pass over pdfium's text runs, tables where they may stand.

The text runs decide which pages can hold a numeric table; only those get
word-level analysis (pdfium words, see `text_layer`). The other pages only
need their text, and their runs serve as lines for the text blocks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.readers.pdf.borderless import BorderlessSettings, lines_to_borderless_tables
from extract.readers.pdf.columns import Column
from extract.readers.pdf.digit_runs import join_digit_runs
from extract.readers.pdf.glued import join_glued
from extract.readers.pdf.layout import PageContent, outside, overlaps
from extract.readers.pdf.orientation import Orientation, upright
from extract.readers.pdf.page_objects import object_bounds, page_objects
from extract.readers.pdf.tables import PageTable
from extract.readers.pdf.text_layer import pdfium_words
from extract.readers.pdf.words import Line, Word, merge_numbers, words_to_lines
from extract.readers.pdf.wrapped_signs import join_wrapped_signs

# A line that ends in two or more printed numbers (or dashes), maybe followed by a mark
# (`1,86 ↑`), reads like a table row; a number in brackets (`(36,5)`) is a negative one.
_NUMBER_TOKEN = r"\(?[-−–+]?\s?(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[,.]\d+)?\)?\s?[%*]?|[-−–]"
_MARKS = r"(?:\s+[^\w\s]{1,3})*"
GLYPH_RUN_SHARE = 0.5  # share of one-glyph text runs above which a page is read glyph by glyph
DECIMAL_GAP = re.compile(r"(?<=\d)\s*,\s*(?=\d)")  # `4, 9` / `2 ,2`: one decimal comma
SIGN_GAP = re.compile(r"(?:^|(?<=\s))([-−–])\s+(?=\d)")  # `- 0,3`: a sign split from its digits
ROW_LIKE = re.compile(rf"(?:^|\s)(?:{_NUMBER_TOKEN})\s+(?:{_NUMBER_TOKEN}){_MARKS}\s*$")


def pdfium_lines(
    page: pdfium.PdfPage,
    textpage: pdfium.PdfTextPage,
    line_tolerance: float,
    orientation: Orientation | None = None,
) -> list[Line]:
    """Given a pdfium page, return its text lines (one Word per text run), top to bottom.

    A producer that prints one run per glyph (Chromium, some report writers) gives runs
    that are letters, and kerned neighbours overlap each other's boxes: its lines are
    rebuilt from the glyphs instead, at the cost of reading every glyph.
    """
    orientation = orientation or upright(page)
    words = []
    for index in range(textpage.count_rects()):
        rect = textpage.get_rect(index)
        text = textpage.get_text_bounded(*rect).strip()
        left, bottom, right, top = orientation.box(*rect)
        if text:
            height = orientation.height
            words.append(Word(text, left, right, height - top, height - bottom))
    glyph_runs = sum(1 for word in words if len(word.text) == 1)
    if glyph_runs > GLYPH_RUN_SHARE * len(words):
        words = join_glued(pdfium_words(page, textpage, orientation))
    return words_to_lines(words, line_tolerance)


def image_share(page: pdfium.PdfPage) -> float:
    """Given a pdfium page, return the share of its area that images cover (scans, pictures)."""
    area = 0.0
    for image in page_objects(page, pdfium_c.FPDF_PAGEOBJ_IMAGE, max_depth=3):
        left, bottom, right, top = object_bounds(image)
        area += (right - left) * (top - bottom)
    width, height = page.get_size()
    return min(area / (width * height), 1.0)


def may_hold_table(lines: list[Line], min_rows: int) -> bool:
    """Given a page's lines, return whether enough of them read like table rows.

    Runs that split a number anywhere (`4,` `9`, `1` `2` `,2`, `-` `0` `,3`) are
    closed up first: this only decides whether the page is read for tables.
    """
    return sum(1 for line in lines if ROW_LIKE.search(_closed_up(line.text))) >= min_rows


def _closed_up(text: str) -> str:
    """Given a line's text, return it with the gaps inside split numbers closed."""
    return SIGN_GAP.sub(r"\1", DECIMAL_GAP.sub(",", text))


def words_to_content(
    words: list[Word],
    ruled: list[PageTable],
    page_number: int,
    line_tolerance: float,
    number_gap: float,
    settings: BorderlessSettings,
    continued: Sequence[Column] = (),
    fallback: Sequence[PageTable] = (),
    shades: Sequence[tuple[float, float, float, float]] = (),
) -> PageContent:
    """Given a page's words and its ruled tables, add its borderless tables and other lines.

    `continued` are the columns of the previous page's last table (see
    `lines_to_borderless_tables`); `fallback` tables count where no borderless
    table overlaps them; `shades` are the page's shaded rectangles (header cells among them).
    """
    lines = [merge_numbers(line, number_gap) for line in words_to_lines(words, line_tolerance)]
    lines = join_digit_runs(join_wrapped_signs(lines, line_tolerance))
    rest = outside(lines, ruled)
    borderless = lines_to_borderless_tables(rest, page_number, settings, continued, shades)
    borderless += [t for t in fallback if not any(overlaps(t, b) for b in borderless)]
    return PageContent(page_number, ruled + borderless, outside(rest, borderless))
