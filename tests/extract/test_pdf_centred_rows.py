"""Tables set the way a word processor sets them by default: no borders, every cell
flush left and centred vertically in its row.

A two-line cell then prints its lines half a line above and below the row's
other cells: a wrapped label's first line stands above the numbers, and a
header's label stands between the header's two lines. Each PDF is drawn here
with reportlab, one run per cell line.
"""

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from extract.readers.pdf import read

FONT, SIZE = "Helvetica", 9
LEADING = 11  # points from one line of a cell to the next
PADDING = 3  # points above and below a row's tallest cell


def _draw_table(pdf, columns: list[float], rows: list[list[list[str]]], top: float) -> float:
    """Given column left edges and rows of cells (each a list of lines), draw them centred
    vertically in their rows; return the y below the table."""
    for row in rows:
        height = max(len(cell) for cell in row) * LEADING + 2 * PADDING
        middle = top - height / 2
        for x, cell in zip(columns, row, strict=True):
            first = middle + (len(cell) - 1) * LEADING / 2 - SIZE / 3
            for number, line in enumerate(cell):
                pdf.drawString(x, first - number * LEADING, line)
        top -= height
    return top


def _pdf(
    path: Path, tables: list[tuple[list[float], list[list[list[str]]]]], note: str = ""
) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    top = 780.0
    for columns, rows in tables:
        top = _draw_table(pdf, columns, rows, top)
        if note:
            pdf.drawString(columns[0], top - SIZE, note)  # right under the last row
        top -= 60
    pdf.save()
    return path


def _texts(table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


OPERATING = (
    [50, 190, 262, 323, 406],
    [
        [["Kostnadsslag"], ["Ack. utfall", "fg år (tkr)"], ["Budget", "2022 (tkr)"]]
        + [["Utfall per 31", "augusti (tkr)"], ["Prognos", "2022 (tkr)"]],
        [["Erhållna bidrag"], ["–270"], ["–417"], ["–260"], ["–417"]],
        [["Övriga", "verksamhetsintäkter"], ["–242"], ["–345"], ["–231"], ["–345"]],
        [["Summa intäkter"], ["–1096"], ["–718"], ["–707"], ["–1096"]],
        [["Verksamhetens", "nettokostnader"], ["4817"], ["8181"], ["5773"], ["8181"]],
        [["Resultat efter", "kommunbidrag"], ["–"], ["–"], ["5773"], ["–"]],
    ],
)


def test_reads_a_centred_table_with_flush_left_numbers(tmp_path):
    note = "Avvikelse: positivt värde = överskott, negativt värde = underskott."
    document = read(_pdf(tmp_path / "centred.pdf", [OPERATING], note))
    assert len(document.tables) == 1
    assert _texts(document.tables[0]) == [
        ["Kostnadsslag", "Ack. utfall fg år (tkr)", "Budget 2022 (tkr)"]
        + ["Utfall per 31 augusti (tkr)", "Prognos 2022 (tkr)"],
        ["Erhållna bidrag", "–270", "–417", "–260", "–417"],
        ["Övriga verksamhetsintäkter", "–242", "–345", "–231", "–345"],
        ["Summa intäkter", "–1096", "–718", "–707", "–1096"],
        ["Verksamhetens nettokostnader", "4817", "8181", "5773", "8181"],
        ["Resultat efter kommunbidrag", "–", "–", "5773", "–"],
    ]
    assert note in " ".join(block.text for block in document.text_blocks)


def test_reads_the_header_over_flush_left_numbers_of_one_width(tmp_path):
    """Numbers of one width line up on both edges: the flush-left header decides."""
    rows = [
        [["Procent"], ["Utfall period 2024"], ["Utfall period 2023"], ["Mål 2024"]],
        [["Samtliga"], ["8,4%"], ["7,1%"], ["5,0%"]],
        [["Kvinnor"], ["8,8%"], ["9,8%"], ["5,0%"]],
        [["Män"], ["6,5%"], ["3,5%"], ["5,0%"]],
    ]
    document = read(_pdf(tmp_path / "percent.pdf", [([50, 97, 190, 283], rows)]))
    assert _texts(document.tables[0]) == [[" ".join(cell) for cell in row] for row in rows]


def test_a_flush_left_last_header_wider_than_its_numbers_stays_in_the_header(tmp_path):
    rows = [
        [["Kostnadsslag"], ["Utfall", "(tusen", "kronor)"], ["Avvikelse", "(tusen kronor)"]],
        [["Försäljningsintäkter"], ["4737"], ["0"]],
        [["Hyresintäkter"], ["165"], ["1021"]],
    ]
    document = read(_pdf(tmp_path / "wide.pdf", [([50, 170, 280], rows)]))
    assert _texts(document.tables[0]) == [
        ["Kostnadsslag", "Utfall (tusen kronor)", "Avvikelse (tusen kronor)"],
        ["Försäljningsintäkter", "4737", "0"],
        ["Hyresintäkter", "165", "1021"],
    ]


def test_cuts_headers_closer_than_a_cell_gap_where_flush_left_columns_start(tmp_path):
    rows = [
        [["Projekt"], ["Ack. utfall 2022"], ["Årsbudget 2022"], ["Prognos"]],
        [["Gruppbostad centrum"], ["5,5"], ["7,3"], ["17,3"]],
        [["Larm och trygghet"], ["21,9"], ["30,2"], ["27,1"]],
    ]
    document = read(_pdf(tmp_path / "tight.pdf", [([50, 150, 220, 290], rows)]))
    assert _texts(document.tables[0]) == [[" ".join(cell) for cell in row] for row in rows]


def test_a_flush_left_group_header_spans_up_to_the_next_group(tmp_path):
    """`Januari–augusti` set flush left runs into its second column, and heads three."""
    rows = [
        [[""], ["Januari–augusti"], [""], [""], ["Helårsprognos 2024"], [""]],
        [["Kostnadsslag"], ["Utfall"], ["Budget"], ["Avvikelse"], ["Prognos"], ["Avvikelse"]],
        [["Statsbidrag"], ["26 439"], ["28 587"], ["-2 148"], ["42 880"], ["–"]],
        [["Hyresintäkter"], ["27 987"], ["27 230"], ["757"], ["40 845"], ["155"]],
    ]
    document = read(_pdf(tmp_path / "groups.pdf", [([50, 170, 215, 260, 305, 380], rows)]))
    group = document.tables[0].rows[0]
    assert [(cell.text, cell.span) for cell in group if cell.text] == [
        ("Januari–augusti", 3),
        ("Helårsprognos 2024", 2),
    ]


@pytest.mark.parametrize(
    "label", [["Verksamhetssystem norra 38", "(39)"], ["7305 Mätinstrument", "hamnen"]]
)
def test_a_line_under_the_last_row_that_only_ends_a_label_ends_its_label(tmp_path, label):
    """Fresh seeds' LibreOffice reports (issue 22) set the last row before a page break
    centred: `Verksamhetssystem norra 38` above its numbers, `(39)` below them. `(39)`
    would have fitted beside a shorter label than the table's widest, so it read as a
    note under the table and was lost; a line without a letter, or one word in lower
    case (`hamnen`), is no note."""
    rows = [
        [["Projekt"], ["Budget 2023"], ["Plan 2024"], ["Plan 2025"]],
        [["Gång- och cykelvägar centrum etapp 2"], ["3 120"], ["3 310"], ["3 402"]],
        [["Digital arkivering centrum 37", "(38)"], ["335"], ["347"], ["359"]],
        [label, ["7326"], ["7625"], ["7828"]],
    ]
    document = read(_pdf(tmp_path / "last.pdf", [([50, 230, 320, 410], rows)]))
    assert [row[0] for row in _texts(document.tables[0])] == [
        "Projekt",
        "Gång- och cykelvägar centrum etapp 2",
        "Digital arkivering centrum 37 (38)",
        " ".join(label),
    ]
