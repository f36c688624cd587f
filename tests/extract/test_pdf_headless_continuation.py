"""A table continued on the next page with no header, and no caption or only its own with
`(forts.)`: its rows join the table on the page before when its columns line up with it,
a lone row too (the real PDF reader on small rendered reports)."""

from pathlib import Path

from reportlab.pdfgen import canvas

from extract.readers.pdf import read
from tests.extract.header_forms import LANDSCAPE

FONT, SIZE, LEADING, LABEL_X = "Courier", 10.5, 14, 54  # monospaced, as typst sets it
RIGHTS = (337, 412.6, 538.7)
HEADER = ["Projekt", "Bokslut 2024", "Budget 2024", "Resultat mot budget"]
FIRST_PAGE = [
    ["Verksamhetssystem etapp 2", "621", "625", "4"],
    ["Mätinstrument etapp 2", "21 702", "20 336", "-1 366"],
]
# Project names ending in a running number: in a monospaced font many of those numbers
# end at one place and cluster into a column, which the labels then take back, leaving
# it blank on every row.
SECOND_PAGE = [
    ["Verksamhetssystem norra", "271", "254", "-17"],
    ["Verksamhetssystem skolan 3", "339", "346", "7"],
    ["Verksamhetssystem skolan 4", "781", "732", "-49"],
    ["Digital arkivering 2025–2026 5", "2 708", "2 819", "111"],
    ["Verksamhetssystem fas 1 6", "1 372", "1 266", "-106"],
    ["Digital arkivering hamnen 7", "1 396", "1 442", "46"],
    ["Mätinstrument centrum 8", "870", "887", "17"],
    ["Verksamhetssystem södra 9", "1 135", "1 239", "104"],
    ["Mätinstrument 2025–2026 10", "5 068", "5 226", "158"],
    ["Digital arkivering norra 11", "724", "689", "-35"],
    ["Verksamhetssystem hamnen 12", "203", "191", "-12"],
    ["Mätinstrument fas 1 13", "269", "245", "-24"],
    ["Summa", "36 452", "35 252", "-1 200"],
]


def _row(pdf: canvas.Canvas, y: float, cells: list[str]) -> None:
    pdf.drawString(LABEL_X, y, cells[0])
    for right, text in zip(RIGHTS, cells[1:], strict=True):
        pdf.drawRightString(right, y, text)


def continued_without_header(path: Path) -> Path:
    """Given a path, draw there an investment table whose rows run on to a second page
    that repeats neither its caption nor its header."""
    pdf = canvas.Canvas(str(path), pagesize=LANDSCAPE)
    pdf.setFont(FONT, SIZE)
    pdf.drawString(LABEL_X, 560, "Investeringsverksamhet, tusen kronor")
    for index, cells in enumerate([HEADER, *FIRST_PAGE]):
        _row(pdf, 536 - index * LEADING, cells)
    pdf.showPage()
    pdf.setFont(FONT, SIZE)
    for index, cells in enumerate(SECOND_PAGE):
        _row(pdf, 560 - index * LEADING, cells)
    pdf.save()
    return path


def test_a_headless_continuation_whose_labels_end_in_numbers_joins_the_table_before(
    tmp_path: Path,
):
    """The running numbers made a blank column on the second page: with five columns
    against four, its rows were a table of their own, of no kind, and gave no fact."""
    document = read(continued_without_header(tmp_path / "continued.pdf"))
    (table,) = document.tables
    assert table.caption == "Investeringsverksamhet, tusen kronor"
    assert [[cell.text for cell in r] for r in table.rows] == [HEADER, *FIRST_PAGE, *SECOND_PAGE]
    assert {r[0].page for r in table.rows[-len(SECOND_PAGE) :]} == {2}


OPERATING_RIGHTS = (330, 380, 430, 500)
OPERATING_HEADER = ["Kostnadsslag", "Budget", "Utfall", "Prognos", "Avvikelse"]
OPERATING_ROWS = [
    ["Verksamhetens intäkter", "-0,59", "-0,42", "-0,60", "0,01"],
    ["Lokalkostnader", "1,00", "0,60", "1,00", "0,00"],
    ["Kostnader", "8,25", "5,58", "8,00", "0,25"],
    ["Kommunbidrag", "-7,66", "0,00", "-7,66", "0,00"],
]
LAST_ROW = ["Resultat efter kommunbidrag", "0,00", "5,16", "-0,26", "0,26"]


def _operating_row(pdf: canvas.Canvas, y: float, cells: list[str]) -> None:
    pdf.drawString(LABEL_X, y, cells[0])
    for right, text in zip(OPERATING_RIGHTS, cells[1:], strict=True):
        pdf.drawRightString(right, y, text)


def one_row_under_a_continued_caption(path: Path) -> Path:
    """Given a path, draw there an operating table that ends a page, and its last row alone
    atop the next page under the caption repeated with `(forts.)`, prose after it."""
    pdf = canvas.Canvas(str(path), pagesize=LANDSCAPE)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(LABEL_X, 110, "Ekonomisk sammanställning, mnkr")
    for index, cells in enumerate([OPERATING_HEADER, *OPERATING_ROWS]):
        _operating_row(pdf, 90 - index * LEADING, cells)
    pdf.showPage()
    pdf.setFont("Helvetica", 10)
    pdf.drawString(LABEL_X, 560, "Ekonomisk sammanställning, mnkr (forts.)")
    _operating_row(pdf, 542, LAST_ROW)
    pdf.drawString(LABEL_X, 500, "Samverkan med civilsamhället har utvecklats under året.")
    pdf.save()
    return path


def test_a_lone_row_under_a_continued_caption_ends_the_table_before(tmp_path: Path):
    """Only a row that opened its page stood in for the table before it: under
    `Ekonomisk sammanställning, mnkr (forts.)`, gen_47106's `Resultat efter
    kommunbidrag` was no table and its four figures were lost."""
    document = read(one_row_under_a_continued_caption(tmp_path / "forts.pdf"))
    (table,) = document.tables
    assert table.caption == "Ekonomisk sammanställning, mnkr"
    rows = [OPERATING_HEADER, *OPERATING_ROWS, LAST_ROW]
    assert [[cell.text for cell in r] for r in table.rows] == rows
    assert table.rows[-1][0].page == 2
