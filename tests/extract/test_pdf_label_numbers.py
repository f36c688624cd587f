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


def test_a_label_run_on_into_the_number_beside_it_is_cut_before_the_number(tmp_path):
    """A fresh seed's reportlab report (issue 22) set `Förbrukningsmaterial` wider than its
    column, touching the first number: `Förbrukningsmaterial-198,72` was one word, the
    row's label, and its other figures were stored under it. A label's own number without
    decimals (`Covid-19`) stays in the label."""
    rows = [
        ["Verksamhet", "Utfall", "Budget", "Prognos"],
        ["Personal", "-204,54", "-296,88", "-216,72"],
        ["Förbrukningsmaterial", "-198,72", "-304,62", "-216,54"],
        ["Insatser Covid-19", "-12,50", "-14,00", "-13,10"],
        ["Summa", "-415,76", "-615,50", "-446,36"],
    ]
    path = tmp_path / "glued.pdf"
    pdf = canvas.Canvas(str(path), pagesize=PORTRAIT)
    pdf.setFont(FONT, SIZE)
    first = LABEL_X + pdf.stringWidth("".join(rows[2][:2]), FONT, SIZE)
    rights = (first, first + 70, first + 140)
    for index, cells in enumerate(rows):
        row(pdf, 770 - index * LEADING, cells, rights, label_x=LABEL_X)
    pdf.save()
    (table,) = read(path).tables
    assert [[cell.text for cell in row] for row in table.rows] == rows


def test_a_labels_last_number_before_a_flush_left_column_stays_in_the_label(tmp_path):
    """A LibreOffice report (issue 22, gen_31090 of seed 31000) set its numbers flush left
    and `9227 Mätinstrument fas 1` a word space before them: `1` and `909` read as one
    number, `1 909`, stored under `9227 Mätinstrument fas`. The column's left edge, where
    every other number starts, says the `1` is the label's."""
    font, size = "Helvetica", 9
    rows = [
        ["Projekt", "Budget", "Utfall", "Prognos"],
        ["6079 Arkiv centrum", "159", "114", "159"],
        ["5477 Arkiv södra", "27 562", "16 423", "28 494"],
        ["9227 Mätinstrument fas 1", "909", "610", "909"],
        ["6481 Mätinstrument", "14 273", "9 038", "14 273"],
        ["Summa", "42 903", "26 185", "43 835"],
    ]
    path = tmp_path / "flush_left.pdf"
    pdf = canvas.Canvas(str(path), pagesize=PORTRAIT)
    pdf.setFont(font, size)
    first = LABEL_X + pdf.stringWidth("9227 Mätinstrument fas 1 ", font, size)
    lefts = (first, first + 80, first + 160)
    for index, cells in enumerate(rows):
        y = 770 - index * LEADING
        pdf.drawString(LABEL_X, y, cells[0])
        for left, text in zip(lefts, cells[1:], strict=True):
            pdf.drawString(left, y, text)
    pdf.save()
    (table,) = read(path).tables
    data = [[cell.text for cell in row] for row in table.rows][-len(rows) + 1 :]
    assert data == rows[1:]  # the rows; a header set flush left may read as the caption


WRAPPED_RIGHTS = (417, 479, 541)
WRAPPED_HEADER = ["Projekt", "Redovisat", "Årsbudget", "Avvikelse"]
WRAPPED_ROWS = [
    (["Parkeringshus 2025–2026 21"], ["11 772", "10 969", "-803"]),
    (["Planerat underhåll och mindre investeringar", "centrum 23"], ["416", "383", "-33"]),
    (["Planerat underhåll och mindre investeringar etapp", "2 24"], ["2 415", "2 337", "-78"]),
    (["Parkeringshus 2025–2026 25"], ["7 774", "8 325", "551"]),
    (["Planerat underhåll och mindre investeringar södra", "36"], ["27 153", "26 239", "-914"]),
    (["Vattentorn norra 37"], ["62 440", "58 222", "-4 218"]),
    (["Summa investeringar"], ["111 970", "109 484", "-2 486"]),
]


def wrapped_numbered_projects(path: Path) -> Path:
    """Given a path, draw there an investment table whose long labels wrap, the numbers
    beside each label's last line, in a monospaced font (a space as wide as a digit), as
    reportlab sets a cell aligned to the bottom."""
    pdf = canvas.Canvas(str(path), pagesize=PORTRAIT)
    pdf.setFont(FONT, 10)
    row(pdf, 790, WRAPPED_HEADER, WRAPPED_RIGHTS, label_x=LABEL_X)
    y = 773.0
    for lines, numbers in WRAPPED_ROWS:
        for line in lines[:-1]:
            pdf.drawString(LABEL_X, y, line)
            y -= 13
        row(pdf, y, [lines[-1], *numbers], WRAPPED_RIGHTS, label_x=LABEL_X)
        y -= 17
    pdf.save()
    return path


def test_numbers_alone_on_a_labels_last_line_stay_in_the_label(tmp_path):
    """`etapp` / `2 24` beside `2 415  2 337  −78`: the project number `24` after the
    label's `2` was read as a value, a column of its own under the other labels' text, and
    gen_52056_reportlab's 35 projects on that page gave no fact (no measure for any column)."""
    document = read(wrapped_numbered_projects(tmp_path / "wrapped.pdf"))
    (table,) = document.tables
    rows = [[cell.text for cell in row] for row in table.rows]
    labels = [" ".join(lines) for lines, _ in WRAPPED_ROWS]
    expected = [[label, *numbers] for label, (_, numbers) in zip(labels, WRAPPED_ROWS, strict=True)]
    assert rows == [WRAPPED_HEADER, *expected]
