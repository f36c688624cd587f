"""Wrapped labels in borderless tables whose cells are aligned to the bottom (or the
top): the numbers stand beside a label's last line (or its first).

Each PDF is drawn here with reportlab, right-aligned numbers, one run per cell line.
"""

from pathlib import Path

import pytest
from fpdf import FPDF
from reportlab.pdfgen import canvas

from extract.readers.pdf import read

FONT, SIZE, LEADING = "Helvetica", 9, 11
LABEL_X, NUMBER_RIGHTS = 50, (260, 340, 420)
HEADER = ["Projekt", "Budget 2025", "Plan 2026", "Plan 2027"]
MONO_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")


def _pdf(path: Path, rows: list[tuple[list[str], list[str]]], bottom: bool) -> Path:
    """Given rows of (label lines, numbers), draw them with the numbers beside the
    label's last line when `bottom`, else beside its first."""
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    _draw(pdf, rows, bottom, header=True)
    pdf.save()
    return path


def _draw(pdf: canvas.Canvas, rows: list[tuple[list[str], list[str]]], bottom: bool, header: bool):
    """Given a page and rows of (label lines, numbers), draw them from the top, under the
    header when `header` (a page that goes on with a table has none)."""
    y = 780.0
    if header:
        pdf.drawString(LABEL_X, y, HEADER[0])
        for right, text in zip(NUMBER_RIGHTS, HEADER[1:], strict=True):
            pdf.drawRightString(right, y, text)
    for label, numbers in rows:
        y -= LEADING * 1.4
        number_line = len(label) - 1 if bottom else 0
        for index, line in enumerate(label):
            pdf.drawString(LABEL_X, y - index * LEADING, line)
        for right, number in zip(NUMBER_RIGHTS, numbers, strict=True):
            pdf.drawRightString(right, y - number_line * LEADING, number)
        y -= (len(label) - 1) * LEADING


ROWS = [
    (["Inventarier skolor", "hamnen"], ["41 750", "10 440", "41 750"]),
    (["2714 Välfärdsteknik etapp 2"], ["13 068", "13 351", "13 486"]),
    (["2398 Nytt äldreboende", "hamnen (1)"], ["246", "248", "254"]),
    (["1689 Välfärdsteknik fas 1"], ["715", "735", "769"]),
    (["3249 Välfärdsteknik 2025–", "2026"], ["887", "931", "951"]),
    (["Summa"], ["14 916", "15 265", "15 460"]),
]
EXPECTED = [
    HEADER,
    ["Inventarier skolor hamnen", "41 750", "10 440", "41 750"],
    ["2714 Välfärdsteknik etapp 2", "13 068", "13 351", "13 486"],
    ["2398 Nytt äldreboende hamnen (1)", "246", "248", "254"],
    ["1689 Välfärdsteknik fas 1", "715", "735", "769"],
    ["3249 Välfärdsteknik 2025–2026", "887", "931", "951"],
    ["Summa", "14 916", "15 265", "15 460"],
]


def _continued_pdf(path: Path, first: list, rest: list, bottom: bool = True, **second) -> Path:
    """Given a path, the rows of a table's first page and of its continuation, write the
    table over two pages (the second with its header repeated when `repeat_header`, and
    whatever `atop(pdf)` draws above its rows); return the path."""
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    _draw(pdf, first, bottom, header=True)
    pdf.showPage()
    if "atop" in second:
        second["atop"](pdf)
    pdf.setFont(FONT, SIZE)
    _draw(pdf, rest, bottom, header=second.get("repeat_header", False))
    pdf.save()
    return path


def _texts(path: Path) -> list[list[str]]:
    document = read(path)
    assert len(document.tables) == 1
    return [[cell.text for cell in row] for row in document.tables[0].rows]


def test_joins_label_lines_to_the_row_below_when_numbers_stand_beside_the_last(tmp_path):
    assert _texts(_pdf(tmp_path / "bottom.pdf", ROWS, bottom=True)) == EXPECTED


def test_joins_label_lines_to_the_row_above_when_numbers_stand_beside_the_first(tmp_path):
    assert _texts(_pdf(tmp_path / "top.pdf", ROWS, bottom=False)) == EXPECTED


def test_keeps_a_top_aligned_sub_line_in_lower_case_a_row_of_its_own(tmp_path):
    rows = [
        (["Kostnader för", "lokaler"], ["1 200", "1 250", "1 300"]),
        (["varav el och värme"], ["300", "310", "320"]),
        (["Övriga kostnader"], ["95", "97", "99"]),
    ]
    assert _texts(_pdf(tmp_path / "sub.pdf", rows, bottom=False))[1:] == [
        ["Kostnader för lokaler", "1 200", "1 250", "1 300"],
        ["varav el och värme", "300", "310", "320"],
        ["Övriga kostnader", "95", "97", "99"],
    ]


def test_a_bare_number_ending_a_wrapped_label_stays_in_the_label(tmp_path):
    """`Verksamhetssystem norra` / `4` with the numbers beside the `4`: it starts where the
    labels start, so it is the label's rest, not a value, however many rows end so."""
    rests = ["4", "2 5", "6", "7"]  # `etapp 2` broken before its counter prints `2 5`
    rows = [(["Verksamhetssystem södra"], ["12 006", "11 977", "-29"])]
    rows += [(["Inventarier boenden etapp", rest], ["1 366", "1 455", "89"]) for rest in rests]
    expected = [["Verksamhetssystem södra", "12 006", "11 977", "-29"]]
    expected += [[f"Inventarier boenden etapp {rest}", "1 366", "1 455", "89"] for rest in rests]
    assert _texts(_pdf(tmp_path / "counter.pdf", rows, bottom=True))[1:] == expected


def test_a_sentence_right_below_the_last_row_is_not_the_rest_of_its_label(tmp_path):
    """A fresh seed's LibreOffice report (issue 22) stored `Nettoinvesteringar Avvikelse =
    budget − utfall.`: the note set one line below the total read as its label's rest."""
    rows = [
        (["1689 Välfärdsteknik fas 1"], ["715", "735", "769"]),
        (["Nettoinvesteringar", "Avvikelse = budget − utfall."], ["715", "735", "769"]),
    ]
    texts = _texts(_pdf(tmp_path / "note.pdf", rows, bottom=False))
    assert [row[0] for row in texts[1:3]] == ["1689 Välfärdsteknik fas 1", "Nettoinvesteringar"]


def test_a_project_number_wrapped_onto_a_line_of_its_own_opens_the_label_below(tmp_path):
    """A fresh seed's fpdf2 report (issue 22) printed `3820` / `Cirkulationsplats` /
    `2025–2026` beside its numbers' last line: the bare number under the row above read
    as that row's rest, so the table read top-aligned, each row's first line a row of
    its own, and the first row's (`2708 Reningsverk`) was lost."""
    rows = [
        (["2708 Reningsverk", "skolan"], ["2 629", "2 635", "2 667"]),
        (["3820", "Cirkulationsplats", "2025–2026"], ["178", "187", "192"]),
        (["6138 Vattentorn", "södra"], ["875", "881", "912"]),
        (["Summa investeringar"], ["3 682", "3 703", "3 771"]),
    ]
    assert _texts(_pdf(tmp_path / "code.pdf", rows, bottom=True))[1:] == [
        ["2708 Reningsverk skolan", "2 629", "2 635", "2 667"],
        ["3820 Cirkulationsplats 2025–2026", "178", "187", "192"],
        ["6138 Vattentorn södra", "875", "881", "912"],
        ["Summa investeringar", "3 682", "3 703", "3 771"],
    ]


def _monospaced_pdf(path: Path, rows: list[tuple[str, list[str]]]) -> Path:
    """Given rows of (label, numbers), draw them with fpdf2 in DejaVu Sans Mono, as a
    generated report sets a monospaced table: a word space is a whole character wide."""
    if not MONO_FONT.is_file():
        pytest.skip("DejaVu Sans Mono is not installed")
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.add_font("mono", "", str(MONO_FONT))
    pdf.set_font("mono", "", 8)
    y = 60.0
    for label, numbers in [("Projekt", ["Budget", "Utfall", "Prognos"]), *rows]:
        pdf.text(LABEL_X, y, label)
        for right, number in zip(NUMBER_RIGHTS, numbers, strict=True):
            pdf.text(right - pdf.get_string_width(number), y, number)
        y += LEADING
    pdf.output(str(path))
    return path


def test_a_marker_after_a_label_ending_in_a_number_stays_in_the_label(tmp_path):
    """A fresh seed's fpdf2 report (issue 22) printed `Digitala verktyg etapp 2 (2)`
    in a monospaced font: the marker a word space after the `2` read as a value, its
    column split every label, and figures were stored under `Lekplatser förskolor`
    for four projects."""
    rows = [
        ("Ombyggnad kök hamnen (1)", ["(36,5)", "(23,8)", "(36,5)"]),
        ("Digitala verktyg etapp 2 (2)", ["(2,1)", "(1,5)", "(2,1)"]),
        ("Lekplatser förskolor fas 1 (3)", ["(13,7)", "(8,4)", "(13,3)"]),
        ("Ny förskola fas 1 8 (4)", ["(1,9)", "(1,1)", "(1,9)"]),
    ]
    texts = _texts(_monospaced_pdf(tmp_path / "mono.pdf", rows))
    assert texts[1:] == [[label, *numbers] for label, numbers in rows]


def test_a_label_opened_atop_a_continued_page_belongs_to_the_row_below_it(tmp_path):
    """A fresh seed's fpdf2 report (issue 22) broke a bottom-aligned table between two rows:
    `6891 Digitala` atop the next page read as the rest of the last row above the break
    (`8217 Skolgård etapp 2 6891 Digitala`), leaving `verktyg fas 1` a row of its own.
    A first row's label ending in words in lower case (`skolor skolan`) is as much a rest
    as one such word: its first line is its own, not a section label."""
    first = [
        (["4553 Inventarier", "skolor skolan"], ["859", "714", "859"]),
        (["8217 Skolgård etapp", "2"], ["1 331", "1 082", "1 262"]),
    ]
    rest = [
        (["6891 Digitala", "verktyg fas 1"], ["159", "150", "159"]),
        (["6669 Idrottshall", "centrum"], ["5 408", "4 556", "5 339"]),
        (["Summa investeringsprojekt"], ["7 757", "6 502", "7 619"]),
    ]
    path = _continued_pdf(tmp_path / "continued.pdf", first, rest)
    assert [row[0] for row in _texts(path)[1:]] == [
        "4553 Inventarier skolor skolan",
        "8217 Skolgård etapp 2",
        "6891 Digitala verktyg fas 1",
        "6669 Idrottshall centrum",
        "Summa investeringsprojekt",
    ]


def test_the_first_rows_label_lines_under_the_header_are_not_the_header(tmp_path):
    """Fresh seeds' WeasyPrint reports (issue 22) set a first row's label on three lines
    (`1945` / `Verksamhetssystem` / `hamnen`) under the header: the header took the middle
    line for its stub's wrap, `1945` was lost, and `Verksamhetssystem` became a row."""
    rows = [
        (["1945", "Verksamhetssystem", "hamnen"], ["2,54", "7,46", "7,39"]),
        (["6335", "Verksamhetssystem", "skolan"], ["0,46", "1,22", "1,24"]),
        (["Summa investeringar totalt"], ["3,00", "8,68", "8,63"]),
    ]
    assert [row[0] for row in _texts(_pdf(tmp_path / "first.pdf", rows, bottom=True))] == [
        "Projekt",
        "1945 Verksamhetssystem hamnen",
        "6335 Verksamhetssystem skolan",
        "Summa investeringar totalt",
    ]


def test_label_lines_set_closer_to_the_row_below_than_to_the_row_above_open_its_label(tmp_path):
    """Fresh seeds' reportlab reports (issue 23) wrap a label on three lines above its
    numbers (`Planerat underhåll` / `och mindre` / `investeringar centrum`): no word shows
    the wrap, and the first two lines became a row of their own, 8 figures under a label
    cut short. A cell's lines stand closer together than its rows: the spacing shows it."""
    rows = [
        (["Torget etapp 2"], ["172", "271", "271"]),
        (["Planerat underhåll", "och mindre", "investeringar centrum"], ["11 272", "16 475", "0"]),
        (["Planerat underhåll", "och mindre", "investeringar skolan"], ["13 104", "20 360", "0"]),
        (["Ny huvudgata hamnen"], ["262", "372", "37"]),
    ]
    assert [row[0] for row in _texts(_pdf(tmp_path / "three.pdf", rows, bottom=True))] == [
        "Projekt",
        "Torget etapp 2",
        "Planerat underhåll och mindre investeringar centrum",
        "Planerat underhåll och mindre investeringar skolan",
        "Ny huvudgata hamnen",
    ]


def test_a_bold_caption_atop_a_continued_page_opens_no_label(tmp_path):
    """A fresh seed's reportlab report (issue 23) printed `Investeringsuppföljning (forts.)`
    in bold right above a continued table's first label lines (`4678 Välfärdsteknik` /
    `2025–2026`): the caption opened the label, `(forts.)` went into the first number's
    cell, and the row's 4 figures were withheld."""
    first = [(["4553 Inventarier", "skolor skolan"], ["859", "714", "859"])] * 2
    rest = [
        (["4678 Välfärdsteknik", "2025–2026"], ["50 363", "13 525", "47 850"]),
        (["Summa investeringsprojekt"], ["52 081", "14 953", "49 568"]),
    ]

    def atop(pdf):
        pdf.setFont("Helvetica-Bold", SIZE + 2)
        pdf.drawString(LABEL_X, 780.0 + LEADING, "Investeringsuppföljning (forts.)")

    path = _continued_pdf(tmp_path / "continued.pdf", first, rest, atop=atop)
    assert _texts(path)[3:] == [
        ["4678 Välfärdsteknik 2025–2026", "50 363", "13 525", "47 850"],
        ["Summa investeringsprojekt", "52 081", "14 953", "49 568"],
    ]


def test_a_wrapped_labels_last_word_short_of_the_numbers_stays_in_the_label(tmp_path):
    """A fresh seed's reportlab report (issue 23) wrapped `Inventarier 2025–2026 4` above
    `(5)  37355` atop a continued page: the `4`, further right than the labels the columns
    were drawn from, was placed in the first number column (`4 37355`), and the row's 4
    figures were withheld under a cut label."""
    first = [
        (["Nytt äldreboende", "centrum (2)"], ["23 132", "10 820", "23 132"]),
        (["Ombyggnad entré", "hamnen (4)"], ["252", "144", "252"]),
    ]
    rest = [
        (["Inventarier 2025–2026 4", "(5)"], ["37 355", "19 787", "37 355"]),
        (["Summa"], ["60 739", "30 751", "60 739"]),
    ]
    path = _continued_pdf(tmp_path / "continued.pdf", first, rest)
    assert _texts(path)[3:] == [
        ["Inventarier 2025–2026 4 (5)", "37 355", "19 787", "37 355"],
        ["Summa", "60 739", "30 751", "60 739"],
    ]


def test_a_row_whose_label_opens_in_lower_case_ends_the_label_lines_above_it(tmp_path):
    """A fresh seed's reportlab report (issue 22) set `Planerat underhåll` / `och mindre` /
    `investeringar centrum` beside its numbers' last line, and no one-word rest showed the
    table bottom-aligned: the first two lines became a row of their own and the figures
    were stored under `investeringar centrum`. A `varav` line stays a row of its own."""
    rows = [
        (["Torget etapp 2"], ["172", "271", "271"]),
        (["Planerat underhåll", "och mindre", "investeringar centrum"], ["11 272", "16 475", "0"]),
        (["Planerat underhåll", "och mindre", "investeringar skolan"], ["13 104", "20 360", "0"]),
        (["Ny huvudgata hamnen"], ["262", "372", "37"]),
    ]
    assert [row[0] for row in _texts(_pdf(tmp_path / "rest.pdf", rows, bottom=True))[1:]] == [
        "Torget etapp 2",
        "Planerat underhåll och mindre investeringar centrum",
        "Planerat underhåll och mindre investeringar skolan",
        "Ny huvudgata hamnen",
    ]


def test_a_bold_caption_set_as_close_as_a_label_line_is_not_the_first_rows_label(tmp_path):
    """A fresh seed's reportlab report (issue 22) went on on the next page under its caption
    in bold (`Investeringsuppföljning (forts.)`) with no header: the caption, set as close
    as a label line above the first row, read as that row's first label line, and
    `Investeringsuppföljning 4678 Välfärdsteknik 2025–2026` held the row's figures."""
    first = [
        (["4553 Inventarier", "skolor skolan"], ["859", "714", "859"]),
        (["8217 Skolgård etapp", "2"], ["1 331", "1 082", "1 262"]),
    ]
    rest = [
        (["4678 Välfärdsteknik", "2025–2026"], ["50 363", "13 525", "47 850"]),
        (["6669 Idrottshall", "centrum"], ["5 408", "4 556", "5 339"]),
        (["Summa investeringsprojekt"], ["7 757", "6 502", "7 619"]),
    ]

    def atop(pdf):
        pdf.setFont("Helvetica-Bold", SIZE + 1)
        pdf.drawString(
            LABEL_X - 4, 780 - LEADING * 1.4 + LEADING, "Investeringsuppföljning (forts.)"
        )

    path = _continued_pdf(tmp_path / "caption.pdf", first, rest, atop=atop)
    assert [row[0] for row in _texts(path)[1:]] == [
        "4553 Inventarier skolor skolan",
        "8217 Skolgård etapp 2",
        "4678 Välfärdsteknik 2025–2026",
        "6669 Idrottshall centrum",
        "Summa investeringsprojekt",
    ]


def test_a_label_set_under_the_repeated_header_names_the_figures_that_ended_the_page(tmp_path):
    """A fresh seed's WeasyPrint report (issue 22) left a row's figures at the foot of a
    page and set its whole label (`Mätinstrument norra 7`) under the header repeated on
    the next, above the next row: the label was dropped with its figures."""
    first = [
        (["Verksamhetssystem skolan 5"], ["0,6", "0,7", "0,1"]),
        (["Verksamhetssystem norra 6"], ["1,2", "1,3", "0,1"]),
        ([""], ["2,0", "2,2", "0,1"]),
    ]
    rest = [
        (["Digital arkivering hamnen 8"], ["4,4", "4,5", "0,2"]),
        (["Summa investeringar"], ["8,2", "8,7", "0,5"]),
    ]
    path = tmp_path / "label_atop.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    _draw(pdf, first, bottom=False, header=True)
    pdf.showPage()
    pdf.setFont(FONT, SIZE)
    top = 780 - 1.4 * LEADING + 3 * LEADING  # the header, the label's two lines, the rows
    pdf.drawString(LABEL_X, top, HEADER[0])
    for right, text in zip(NUMBER_RIGHTS, HEADER[1:], strict=True):
        pdf.drawRightString(right, top, text)
    pdf.drawString(LABEL_X, top - LEADING, "Mätinstrument norra")
    pdf.drawString(LABEL_X, top - 2 * LEADING, "7")
    _draw(pdf, rest, bottom=False, header=False)
    pdf.save()
    assert _texts(path)[1:] == [
        ["Verksamhetssystem skolan 5", "0,6", "0,7", "0,1"],
        ["Verksamhetssystem norra 6", "1,2", "1,3", "0,1"],
        ["Mätinstrument norra 7", "2,0", "2,2", "0,1"],
        ["Digital arkivering hamnen 8", "4,4", "4,5", "0,2"],
        ["Summa investeringar", "8,2", "8,7", "0,5"],
    ]


def test_a_label_line_in_lower_case_under_a_row_shows_the_table_top_aligned(tmp_path):
    """A fresh seed's WeasyPrint report (issue 22) set labels beside their numbers' first
    line: a project number alone there (`2288` / `Inventarier` / `centrum`) read as the
    end of a label above it, the table bottom-aligned, and each row's figures went to
    the label lines above them (`entré centrum 2288`). `entré centrum` under a row line,
    in lower case, goes on with that row's label."""
    rows = [
        (["9546 Ombyggnad", "entré centrum"], ["32 882", "26 610", "34 671"]),
        (["2288", "Inventarier", "centrum"], ["19 940", "17 165", "18 233"]),
        (["8279 Ombyggnad", "entré skolan"], ["3 290", "3 066", "3 290"]),
    ]
    assert [row[0] for row in _texts(_pdf(tmp_path / "codes.pdf", rows, bottom=False))[1:]] == [
        "9546 Ombyggnad entré centrum",
        "2288 Inventarier centrum",
        "8279 Ombyggnad entré skolan",
    ]
