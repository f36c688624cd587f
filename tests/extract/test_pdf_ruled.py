"""Ruled-table details the corpus does not show: a merged header cell and italic rows.

The PDF is drawn here with pdfium (stroked rules, standard fonts), so the
test states exactly what is printed.
"""

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from extract.readers.pdf import read

HEIGHT = 300
COLUMNS = [50, 200, 300, 400]
ROWS = [100, 120, 140, 160, 180]  # distances from the page top
CELLS = [
    # (row, column, text, font)
    (0, 0, "Tkr", "Helvetica"),
    (0, 1, "Helår 2024", "Helvetica"),  # covers columns 1 and 2: no rule between them
    (1, 1, "Budget", "Helvetica"),
    (1, 2, "Utfall", "Helvetica"),
    (2, 0, "varav personal", "Helvetica-Oblique"),
    (2, 1, "1 000", "Helvetica-Oblique"),
    (2, 2, "900", "Helvetica-Oblique"),
    (3, 0, "Summa", "Helvetica"),
    (3, 1, "2 000", "Helvetica"),
    (3, 2, "1 800", "Helvetica"),
]


def draw_text(document, page, text: str, font_name: str, x: float, top: float) -> None:
    font = pdfium_c.FPDFText_LoadStandardFont(document.raw, font_name.encode())
    obj = pdfium_c.FPDFPageObj_CreateTextObj(document.raw, font, 10.0)
    encoded = ctypes.create_string_buffer(text.encode("utf-16-le") + b"\0\0")
    pdfium_c.FPDFText_SetText(obj, ctypes.cast(encoded, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, HEIGHT - top - 14)
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)


def draw_rule(page, x0: float, top0: float, x1: float, top1: float) -> None:
    path = pdfium_c.FPDFPageObj_CreateNewPath(x0, HEIGHT - top0)
    pdfium_c.FPDFPath_LineTo(path, x1, HEIGHT - top1)
    pdfium_c.FPDFPath_SetDrawMode(path, 0, 1)
    pdfium_c.FPDFPageObj_SetStrokeColor(path, 0, 0, 0, 255)
    pdfium_c.FPDFPageObj_SetStrokeWidth(path, 0.5)
    pdfium_c.FPDFPage_InsertObject(page.raw, path)


@pytest.fixture(scope="module")
def ruled_pdf(tmp_path_factory):
    document = pdfium.PdfDocument.new()
    page = document.new_page(450, HEIGHT)
    for top in ROWS:
        draw_rule(page, COLUMNS[0], top, COLUMNS[-1], top)
    for x in COLUMNS:
        start = ROWS[1] if x == COLUMNS[2] else ROWS[0]  # the merged header cell
        draw_rule(page, x, start, x, ROWS[-1])
    for row, column, text, font in CELLS:
        draw_text(document, page, text, font, COLUMNS[column] + 4, ROWS[row])
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    path = tmp_path_factory.mktemp("pdf") / "ruled.pdf"
    document.save(path)
    return path


def test_gives_a_merged_cell_its_span_and_keeps_the_grid_rectangular(ruled_pdf):
    table = read(ruled_pdf).tables[0]
    assert table.method == "ruled"
    assert [[(c.text, c.span) for c in row] for row in table.rows] == [
        [("Tkr", 1), ("Helår 2024", 2), ("", 1)],
        [("", 1), ("Budget", 1), ("Utfall", 1)],
        [("varav personal", 1), ("1 000", 1), ("900", 1)],
        [("Summa", 1), ("2 000", 1), ("1 800", 1)],
    ]


def test_marks_cells_printed_in_an_italic_font(ruled_pdf):
    table = read(ruled_pdf).tables[0]
    assert [[c.italic for c in row] for row in table.rows[2:]] == [
        [True, True, True],
        [False, False, False],
    ]
