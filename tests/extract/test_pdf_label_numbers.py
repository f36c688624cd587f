"""Project labels ending in numbers, in a monospaced font, as fpdf2 prints a real-wording
investment table: `Ny förskola fas 1 8 (9)` is one label whose numbers are no values, and
the table's rows on the next page, under a line repeating its caption (`(forts.)`) but no
header, continue it (the real PDF reader on a small rendered report)."""

from pathlib import Path

from reportlab.pdfgen import canvas

from extract.readers.pdf import read
from tests.extract.header_forms import PORTRAIT, row

FONT, SIZE, LEADING, LABEL_X = "Courier", 8, 12, 54
RIGHTS = (330, 400, 470, 541)
CAPTION = "Investeringsuppföljning"
HEADER = ["Projekt", "Budget 2022", "Utfall 2022", "Prognos 2022", "Avvikelse"]
FIRST_PAGE = [
    ["Ombyggnad kök hamnen (1)", "(36,5)", "(23,8)", "(36,5)", "0,0"],
    ["Digitala verktyg etapp 2 (2)", "(2,1)", "(1,5)", "(2,1)", "0,0"],
    ["Lekplatser förskolor fas 1 (3)", "(13,7)", "(8,4)", "(13,3)", "(0,4)"],
    ["Ny förskola norra (4)", "(8,7)", "(6,1)", "(9,6)", "0,9"],
    ["Ny förskola fas 1 4 (5)", "(1,9)", "(1,1)", "(1,9)", "0,0"],
    ["Inventarier skolor 2025–2026 5 (6)", "(3,1)", "(1,8)", "(3,1)", "0,0"],
]
SECOND_PAGE = [
    ["Idrottshall etapp 2 6 (7)", "(1,8)", "(1,0)", "(1,8)", "0,0"],
    ["Ventilation skolan 7 (8)", "(0,1)", "(0,1)", "(0,1)", "0,0"],
    ["Summa investeringar", "(67,8)", "(43,8)", "(68,4)", "0,5"],
]


def numbered_projects(path: Path) -> Path:
    """Given a path, draw there the investment table over two pages."""
    pdf = canvas.Canvas(str(path), pagesize=PORTRAIT)
    pdf.setFont(FONT, SIZE)
    pdf.drawString(LABEL_X, 790, CAPTION)
    for index, cells in enumerate([HEADER, *FIRST_PAGE]):
        row(pdf, 770 - index * LEADING, cells, RIGHTS, label_x=LABEL_X)
    pdf.showPage()
    pdf.setFont(FONT, SIZE)
    pdf.drawString(LABEL_X, 790, f"{CAPTION} (forts.)")
    for index, cells in enumerate(SECOND_PAGE):
        row(pdf, 770 - index * LEADING, cells, RIGHTS, label_x=LABEL_X)
    pdf.save()
    return path


def test_numbers_ending_a_label_stay_in_it_and_a_repeated_caption_heads_no_row(tmp_path):
    """A label's number after another (`1 (3)`, `4 (5)`) stood a number space away and
    became a value: the rows had five or six numbers for four columns and the table's
    columns broke into a dozen. On the next page, the line repeating the caption was
    read as the rest of the last row's label."""
    document = read(numbered_projects(tmp_path / "projects.pdf"))
    (table,) = document.tables
    assert table.caption == CAPTION
    rows = [[cell.text for cell in row] for row in table.rows]
    assert rows == [HEADER, *FIRST_PAGE, *SECOND_PAGE]
