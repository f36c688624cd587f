"""A header left at the foot of a page, its table's rows on the next, over labels that
run up to the numbers (reportlab moves a table's rows on as a whole and sets headers
flush right over their numbers). The real PDF reader on a small rendered report."""

from pathlib import Path

from reportlab.pdfgen import canvas

from extract.readers.pdf import read
from tests.extract.header_forms import PORTRAIT, row

FONT, BOLD, SIZE = "Courier", "Courier-Bold", 10
LABEL_X = 54
RIGHTS = (198.5, 246.6, 306.8)
HEADER_LINES = [
    ["Projekt", "Utfall", "Budget", "Avvikelse"],
    ["", "helår", "2021", "(mnkr)"],
    ["", "(mnkr)", "(mnkr)", ""],
]
ROWS = [
    ["Spontanidrottsplats", "34,3", "33,3", "-1,0"],
    ["Omklädningsbyggnader", "1,8", "1,9", "0,1"],
    ["Elljusspår norra", "0,2", "0,2", "–"],
    ["Isanläggningar södra", "1,8", "2,0", "0,2"],
    ["Summa", "38,1", "37,4", "-0,7"],
]


def _header_at_page_foot(path: Path) -> Path:
    """Given a path, draw a caption and a three-line header at the foot of page 1 and the
    rows atop page 2; `Omklädningsbyggnader` ends where the first numbers start."""
    pdf = canvas.Canvas(str(path), pagesize=PORTRAIT)
    pdf.setFont(BOLD, SIZE)
    pdf.drawString(LABEL_X, 120, "Uppföljning investeringar")
    for index, cells in enumerate(HEADER_LINES):
        y = 100 - index * 13
        pdf.drawString(LABEL_X, y, cells[0])
        for right, text in zip(RIGHTS, cells[1:], strict=True):
            pdf.drawRightString(right + 2.4, y, text)
    pdf.showPage()
    pdf.setFont(FONT, SIZE)
    for index, cells in enumerate(ROWS):
        row(pdf, 780 - index * 17, cells, RIGHTS, label_x=LABEL_X)
    pdf.save()
    return path


def test_a_header_flush_right_over_its_numbers_may_reach_back_past_the_labels(tmp_path):
    """A fresh seed's reportlab report (issue 23): `(mnkr)` over `34,3` started left of
    where `Omklädningsbyggnader` ends, so it was read as running into the label column: the
    header's upper lines stayed on page 1 and 160 figures of the table were withheld."""
    document = read(_header_at_page_foot(tmp_path / "orphaned.pdf"))
    assert len(document.tables) == 1
    assert [[cell.text for cell in r] for r in document.tables[0].rows] == [*HEADER_LINES, *ROWS]
