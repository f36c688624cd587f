"""Where a borderless table starts and ends, and where its cells part: a label never
absorbs the number after it, a header naming years opens the next table, and values
that read as years stay rows.

Each PDF is drawn here with reportlab, one run per cell.
"""

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from extract.readers.pdf import read

FONT, SIZE, LEADING = "Helvetica", 10, 14


def _pdf(path: Path, lines: list[list[tuple[float, str]]], right: bool = False) -> Path:
    """Given lines of (x, text) cells, top to bottom, draw them (x the right edge if `right`)."""
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    y = 780.0
    for line in lines:
        for index, (x, text) in enumerate(line):
            if right and index:
                pdf.drawRightString(x, y, text)
            else:
                pdf.drawString(x, y, text)
        y -= LEADING
    pdf.save()
    return path


def _texts(table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def test_a_label_does_not_absorb_the_number_set_flush_left_right_after_it(tmp_path: Path):
    label = "Sjukfrånvaro totalt"
    first = 50 + stringWidth(label, FONT, SIZE) + 3  # a gap narrower than a cell gap
    columns = (first, first + 67, first + 134)
    rows = [
        ["", "2021-03-31", "2020-03-31", "Mål"],
        [label, "6,28%", "5,98%", "5,00%"],
        ["Kvinnor", "6,40%", "6,18%", "5,00%"],
        ["Män", "5,97%", "5,70%", "5,00%"],
    ]
    lines = [[(50, row[0]), *zip(columns, row[1:], strict=True)] for row in rows]
    table = read(_pdf(tmp_path / "flush_left.pdf", lines)).tables[0]
    assert _texts(table) == rows


def test_a_header_naming_years_opens_the_next_table(tmp_path: Path):
    rights = (300, 400)
    lines = [
        [(50, ""), (rights[0], "Utfall apr 2021"), (rights[1], "Utfall apr 2020")],
        [(50, "Tillsvidareanställda"), (rights[0], "407"), (rights[1], "394")],
        [(50, "Antal årsarbetare"), (rights[0], "386,6"), (rights[1], "327,3")],
        [],
        [(50, "Sjuktal")],
        [(50, "Sjukfrånvaro %"), (rights[0], "jan–apr 2021"), (rights[1], "jan–apr 2020")],
        [(50, "Sjukfrånvaro totalt"), (rights[0], "8,11"), (rights[1], "7,98")],
        [(50, "Kvinnor"), (rights[0], "8,66"), (rights[1], "9,28")],
    ]
    staffing, sick_leave = read(_pdf(tmp_path / "two_tables.pdf", lines, right=True)).tables
    assert _texts(staffing)[-1] == ["Antal årsarbetare", "386,6", "327,3"]
    assert _texts(sick_leave) == [
        ["Sjukfrånvaro %", "jan–apr 2021", "jan–apr 2020"],
        ["Sjukfrånvaro totalt", "8,11", "7,98"],
        ["Kvinnor", "8,66", "9,28"],
    ]


def test_values_that_read_as_years_stay_rows_of_their_table(tmp_path: Path):
    rights = (300, 380, 460)
    rows = [
        ["Belopp i tkr", "Budget 2023", "Plan 2024", "Plan 2025"],
        ["Gruppbostad etapp 2", "155", "163", "167"],
        ["Larm och trygghet fas 1", "8149", "8482", "8604"],
        ["Larm och trygghet hamnen", "1964", "2058", "2085"],
        ["Inventarier boenden", "1244", "1313", "1374"],
        ["Nettoinvesteringar", "11512", "12016", "12230"],
    ]
    lines = [[(50, row[0]), *zip(rights, row[1:], strict=True)] for row in rows]
    (table,) = read(_pdf(tmp_path / "year_like.pdf", lines, right=True)).tables
    assert _texts(table) == rows


def test_a_signed_number_close_after_another_starts_its_own_cell(tmp_path: Path):
    rows = [
        ["Verksamhet", "Utfall", "Budget", "Avv."],
        ["Övriga kostnader", "-43 857", "-46 246", "2 389"],
        ["Verksamhetens kostnader", "-113 168", "-111 047", "-2 121"],
        ["Budgetram", "84 829", "84 829", "0"],
    ]
    # columns so narrow that `-111 047` and `-2 121` stand closer than a thousands space
    widths = [stringWidth(row[2], FONT, SIZE) for row in rows]
    rights = (230, 232 + max(widths), 234 + max(widths) + stringWidth("-2 121", FONT, SIZE))
    lines = [[(50, row[0]), *zip(rights, row[1:], strict=True)] for row in rows]
    (table,) = read(_pdf(tmp_path / "signed.pdf", lines, right=True)).tables
    assert _texts(table) == rows


def test_flush_left_headers_over_numbers_of_one_width_stay_over_their_columns(tmp_path: Path):
    """A header ending nearer the next column's right edge than its own still heads the
    column whose numbers it stands over (LibreOffice, a monospaced font, labels of two
    lines centred on their numbers)."""
    lefts = (177.5, 256.1, 343.5, 428.1)
    heads = ["Budget helår", "Utfall jan-aug", "Prognos helår", "Budgetavvikelse"]
    rows = [(["IT-infrastruktur", "centrum"], ["1,45", "0,95", "1,45", "0,00"])]
    rows += [(["Bredband", "södra"], ["1,55", "1,03", "1,55", "0,00"])]
    path = tmp_path / "one_width.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Courier", 9.5)
    for x, head in zip(lefts, heads, strict=True):
        pdf.drawString(x, 780, head)
        pdf.drawString(x, 769, "(mnkr)")
    pdf.drawString(50, 774.5, "Projekt")
    for index, (label, numbers) in enumerate(rows):
        y = 749.5 - index * 25
        pdf.drawString(50, y + 5.5, label[0])
        pdf.drawString(50, y - 5.5, label[1])
        for x, text in zip(lefts, numbers, strict=True):
            pdf.drawString(x, y, text)
    pdf.save()
    (table,) = read(path).tables
    assert _texts(table)[0] == ["Projekt", *(f"{head} (mnkr)" for head in heads)]
    assert [_texts(table)[row][1:] for row in (1, 2)] == [numbers for _, numbers in rows]


def test_a_row_of_nils_is_a_row_of_its_own(tmp_path: Path):
    rights = (300, 380, 460)
    rows = [
        ["", "Budget 2022", "Plan 2023", "Plan 2024"],
        ["Summa", "6 758", "6 994", "7 098"],
        ["Kommunersättning", "6 758", "6 994", "7 098"],
        ["Resultat efter kommunbidrag", "–", "–", "–"],
    ]
    lines = [[(50, row[0]), *zip(rights, row[1:], strict=True)] for row in rows]
    (table,) = read(_pdf(tmp_path / "nils.pdf", lines, right=True)).tables
    assert _texts(table) == rows
