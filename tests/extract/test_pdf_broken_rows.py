"""Rows whose label lines stand apart from their figures: a label centred on three lines
under the header, and rows broken by a page break (issue 22).

Each PDF is drawn here with reportlab: right-aligned numbers, one run per cell line,
headers bold on shaded cells; the ruled one with stroked rules.
"""

from pathlib import Path

from reportlab.pdfgen import canvas

from extract.readers.pdf import read

FONT, BOLD, SIZE, LEADING = "Helvetica", "Helvetica-Bold", 9, 11
PAGE = (595, 842)
LABEL_X, NUMBER_RIGHTS = 50, (260, 340, 420)
HEADER = ["Projekt", "Budget", "Utfall", "Prognos"]
TOP = 780.0


def _texts(path: Path) -> list[list[str]]:
    document = read(path)
    assert len(document.tables) == 1
    return [[cell.text for cell in row] for row in document.tables[0].rows]


def _header(pdf: canvas.Canvas, y: float, rights: tuple[float, ...] = NUMBER_RIGHTS) -> None:
    pdf.setFont(BOLD, SIZE)
    pdf.setFillGray(0.85)  # Writer shades the header's cells
    for left, right in zip((LABEL_X - 2, *rights[:-1]), rights, strict=True):
        pdf.rect(left, y - 3, right + 2 - left, SIZE + 4, stroke=0, fill=1)
    pdf.setFillGray(0)
    pdf.drawString(LABEL_X, y, HEADER[0])
    for right, text in zip(rights, HEADER[1:], strict=True):
        pdf.drawRightString(right, y, text)
    pdf.setFont(FONT, SIZE)


def _row(pdf, y: float, label: list[str], numbers: list[str], at: int, rights=NUMBER_RIGHTS):
    """Given a page, where a row's first line stands, its label lines, its numbers and the
    label line they stand beside, draw the row; return where its last line stands."""
    for index, line in enumerate(label):
        pdf.drawString(LABEL_X, y - index * LEADING, line)
    for right, number in zip(rights, numbers, strict=False):  # none: a label cut from its row
        pdf.drawRightString(right, y - at * LEADING, number)
    return y - max(len(label) - 1, at) * LEADING


def test_the_first_line_of_a_label_centred_on_three_lines_is_not_the_headers(tmp_path):
    """A fresh seed's Writer report centred its first row on a label of three lines
    (`Nämndens` / `gemensamma  39,60 ...` / `kostnader`): the header took the first line
    for its stub's wrap (`Mkr Nämndens`), and the figures went to `gemensamma kostnader`."""
    path = tmp_path / "centred.pdf"
    pdf = canvas.Canvas(str(path), pagesize=PAGE)
    _header(pdf, TOP)
    label = ["Nämndens", "gemensamma", "kostnader"]
    y = _row(pdf, TOP - 1.6 * LEADING, label, ["39,60", "40,43", "0,82"], 1)
    y = _row(pdf, y - 1.4 * LEADING, ["Scen & kulturproduktion"], ["44,78", "50,46", "5,68"], 0)
    _row(pdf, y - 1.4 * LEADING, ["Netto"], ["84,38", "90,89", "6,50"], 0)
    pdf.save()
    assert _texts(path) == [
        HEADER,
        ["Nämndens gemensamma kostnader", "39,60", "40,43", "0,82"],
        ["Scen & kulturproduktion", "44,78", "50,46", "5,68"],
        ["Netto", "84,38", "90,89", "6,50"],
    ]


def test_the_end_of_a_label_broken_by_the_page_finishes_the_row_above_the_break(tmp_path):
    """A fresh seed's Writer report broke a row at the page: `Digital arkivering skolan`
    and its figures end one page, its label's last word `5` stands alone under the header
    repeated on the next. It read as a row of its own, the figures under a shorter label."""
    path = tmp_path / "broken.pdf"
    pdf = canvas.Canvas(str(path), pagesize=PAGE)
    _header(pdf, TOP)
    y = _row(pdf, TOP - 1.4 * LEADING, ["Digital arkivering norra 4"], ["0,1", "0,4", "0,4"], 0)
    _row(pdf, y - 1.4 * LEADING, ["Digital arkivering skolan"], ["0,5", "1,3", "1,4"], 0)
    pdf.showPage()
    _header(pdf, TOP)
    pdf.drawString(LABEL_X, TOP - 1.2 * LEADING, "5")  # as close as a header line
    y = _row(pdf, TOP - 2.8 * LEADING, ["Digital arkivering hamnen 6"], ["19,9", "53,9", "53,9"], 0)
    _row(pdf, y - 1.4 * LEADING, ["Totalt"], ["20,5", "55,6", "55,7"], 0)
    pdf.save()
    assert _texts(path)[1:] == [
        ["Digital arkivering norra 4", "0,1", "0,4", "0,4"],
        ["Digital arkivering skolan 5", "0,5", "1,3", "1,4"],
        ["Digital arkivering hamnen 6", "19,9", "53,9", "53,9"],
        ["Totalt", "20,5", "55,6", "55,7"],
    ]


def test_a_label_atop_the_next_page_is_not_joined_to_the_next_rows_label(tmp_path):
    """A fresh seed's WeasyPrint report left a bottom-aligned row's figures at the foot of
    a page and set its label (`6033` / `Dricksvattenproduktion` / `skolan`) atop the next,
    right over the next row's label lines: both labels were joined into one row holding
    the next row's figures, the first row's figures left without a label. A row's padding
    parts the two labels more than a line break parts a label's own lines."""
    path = tmp_path / "label_atop.pdf"
    pdf = canvas.Canvas(str(path), pagesize=PAGE)
    _header(pdf, TOP)
    y = _row(pdf, TOP - 1.4 * LEADING, ["9571 Fordon skolan"], ["277", "284", "297"], 0)
    _row(pdf, y - 1.4 * LEADING, [], ["47 964", "48 757", "49 531"], 0)
    pdf.showPage()
    _header(pdf, TOP)
    y = _row(pdf, TOP - 1.2 * LEADING, ["6033", "Dricksvattenproduktion", "skolan"], [], 0)
    second = ["5037 Gång- och cykelväg", "skolan"]
    y = _row(pdf, y - 1.4 * LEADING, second, ["961", "999", "1 029"], 1)
    wide = ["1095 Gata, vatten- och avloppsnät etapp 2"]
    _row(pdf, y - 1.4 * LEADING, wide, ["3 985", "4 016", "4 057"], 0)
    pdf.save()
    assert _texts(path)[1:] == [
        ["9571 Fordon skolan", "277", "284", "297"],
        ["6033 Dricksvattenproduktion skolan", "47 964", "48 757", "49 531"],
        ["5037 Gång- och cykelväg skolan", "961", "999", "1 029"],
        ["1095 Gata, vatten- och avloppsnät etapp 2", "3 985", "4 016", "4 057"],
    ]


def _grid(pdf: canvas.Canvas, rows: list[tuple[float, float]], closed: bool) -> None:
    """Given a page, the (top, bottom) of each row of a grid and whether its last row is
    closed, draw the grid's rules: a row cut by the page has no rule under it."""
    columns = [LABEL_X - 4, NUMBER_RIGHTS[0] - 70, *(right + 4 for right in NUMBER_RIGHTS)]
    tops = [top for top, _ in rows] + ([rows[-1][1]] if closed else [])
    for y in tops:
        pdf.line(columns[0], y, columns[-1], y)
    for top, bottom in rows:  # WeasyPrint draws each cell's sides
        for x in columns:
            pdf.line(x, top, x, bottom)


def test_a_ruled_row_cut_by_the_page_keeps_its_figures_and_takes_its_label_atop_the_next(
    tmp_path,
):
    """A fresh seed's WeasyPrint report cut a ruled row at the foot of a page: its figures
    stand in a box left open at the bottom, its label (`Hyresgästanpassningar` / `hamnen 17
    (18)`) atop the next page under the repeated header. The open row was not a row of the
    grid, and the label read as a row without figures."""
    path = tmp_path / "ruled.pdf"
    pdf = canvas.Canvas(str(path), pagesize=PAGE)
    boxes = [(TOP + 12, TOP - 4), (TOP - 4, TOP - 20), (TOP - 20, TOP - 36)]
    _grid(pdf, boxes, closed=False)
    _header(pdf, TOP)
    _row(pdf, TOP - 16, ["E-arkiv centrum 16 (17)"], ["0,42", "0,15", "0,42"], 0)
    _row(pdf, TOP - 32, [], ["15,61", "5,24", "16,23"], 0)
    pdf.showPage()
    boxes = [(TOP + 12, TOP - 4), (TOP - 4, TOP - 31), (TOP - 31, TOP - 47)]
    _grid(pdf, boxes, closed=True)
    _header(pdf, TOP)
    _row(pdf, TOP - 16, ["Hyresgästanpassningar", "hamnen 17 (18)"], [], 0)
    _row(pdf, TOP - 43, ["Stadshuset fasad 18 (19)"], ["1,50", "0,46", "1,50"], 0)
    pdf.save()
    assert _texts(path) == [
        HEADER,
        ["E-arkiv centrum 16 (17)", "0,42", "0,15", "0,42"],
        ["Hyresgästanpassningar hamnen 17 (18)", "15,61", "5,24", "16,23"],
        ["Stadshuset fasad 18 (19)", "1,50", "0,46", "1,50"],
    ]
