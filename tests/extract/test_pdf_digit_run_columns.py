"""A total row whose columns stand one monospaced space apart (`188 239 282 521 285 316`),
on a page where another table's column ends where one of its digit groups does: the
page alone cannot say which groups make one number, the table's columns can (the real
PDF reader on a small report drawn in Courier, as typst sets DejaVu Sans Mono)."""

from pathlib import Path

from reportlab.pdfgen import canvas

from extract.readers.pdf import read
from extract.structure import structure_table
from tests.extract.header_forms import PORTRAIT, row

FONT, SIZE, LEADING, LABEL_X = "Courier", 10, 14, 54  # a digit's advance is 6 points
# Right edges 48 points apart: a seven-character number and one space between columns.
RIGHTS = (300, 348, 396)
CAPTION = "Uppföljning investeringar (tusen kronor)"
HEADER = ["Projekt", "Utfall", "Budget", "Prognos"]
ROWS = [
    ["Mätinstrument etapp 2 3", "28 755", "40 227", "40 227"],
    ["Verksamhetssystem södra 33", "13 637", "20 410", "21 994"],
    ["Digital arkivering norra 32", "789", "1 291", "1 291"],
    ["Summa investeringar", "188 239", "282 521", "285 316"],
]
# A staffing table below whose second column ends where `282` does (300 + 6 + 3 * 6).
STAFF_RIGHTS = (260, 324)
STAFF_HEADER = ["", "2026-08-31", "2025-08-31"]
STAFF = [["Tillsvidareanställda", "117", "108"], ["varav kvinnor", "74", "74"]]


def run_of_groups(path: Path) -> Path:
    """Given a path, draw there the investment table and the staffing table under it."""
    pdf = canvas.Canvas(str(path), pagesize=PORTRAIT)
    pdf.setFont(FONT, SIZE)
    pdf.drawString(LABEL_X, 790, CAPTION)
    for index, cells in enumerate([HEADER, *ROWS]):
        row(pdf, 770 - index * LEADING, cells, RIGHTS, label_x=LABEL_X)
    pdf.drawString(LABEL_X, 680, "Medarbetare")
    for index, cells in enumerate([STAFF_HEADER, *STAFF]):
        row(pdf, 660 - index * LEADING, cells, STAFF_RIGHTS, label_x=LABEL_X)
    pdf.save()
    return path


def test_a_run_of_digit_groups_is_read_in_the_columns_its_table_prints(tmp_path):
    """`282` ends where the staffing table's column does, so the run fitted two ways and
    stayed in pieces; the lone `282` then made a column of its own across `Budget`, and
    every row's budget landed in one of two columns (gen_36053_typst lost 136 facts). Its
    numbers, each ending where its column's others do, are read whole, not withheld."""
    document = read(run_of_groups(tmp_path / "runs.pdf"))
    investments, staffing = document.tables
    assert investments.caption == CAPTION
    assert [[cell.text for cell in row] for row in investments.rows] == [HEADER, *ROWS]
    assert [[cell.text for cell in row] for row in staffing.rows] == [STAFF_HEADER, *STAFF]
    total = [cell for cell in structure_table(investments).cells if cell.row_index == 4]
    assert [(c.cell.text, c.parsed.value) for c in total if not c.is_label] == [
        ("188 239", 188239.0),
        ("282 521", 282521.0),
        ("285 316", 285316.0),
    ]
