"""Borderless tables set as Writer sets an HTML table: cells as narrow as their text.

Labels that end in numbers a word space apart (`Stadshuset fasad etapp 2 8 (9)`) in a
monospaced font, and numbers in parentheses set flush left a few points apart. Each
PDF is drawn here with reportlab and read by the real PDF reader.
"""

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extract.readers.pdf import read
from tests.extract.header_forms import row

PROJECT_HEADER = ["Projekt", "Budget", "Utfall", "Prognos", "Avvikelse"]
PROJECT_ROWS = [
    ["Kontorsmöbler norra (1)", "18,47", "15,67", "18,47", "0,00"],
    ["IT-infrastruktur fas 1 (2)", "0,29", "0,26", "0,29", "0,00"],
    ["Bredband etapp 2 (3)", "1,74", "1,52", "1,92", "0,18"],
    ["Stadshuset fasad etapp 2 8 (9)", "0,26", "0,21", "0,26", "0,00"],
    ["Kontorsmöbler hamnen 9 (10)", "8,48", "7,09", "7,93", "-0,54"],
    ["Hyresgästanpassningar hamnen 13 (14)", "5,16", "4,94", "5,16", "0,00"],
    ["Bredband norra 18 (19)", "5,34", "3,92", "5,34", "0,00"],
    ["Förvärv och rivningar centrum 19 (20)", "7,77", "6,52", "6,93", "-0,84"],
    ["Totalt", "47,51", "40,13", "48,30", "-1,20"],
]
PROJECT_RIGHTS = (280, 330, 390, 450)

OPERATING_HEADER = ["", "Budget", "Utfall", "Prognos", "Avvikelse"]
OPERATING_ROWS = [
    ["Statsbidrag", "122052", "33398", "107601", "(14451)"],
    ["Lokaler", "(361513)", "(78456)", "(358498)", "3015"],
    ["Lämnade bidrag", "(330512)", "(77171)", "(314253)", "16259"],
    ["Nettokostnad", "(569973)", "(122229)", "(565150)", "4823"],
]
OPERATING_LEFTS = (177, 220, 263, 306)
SANS_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # prints U+2212 minus


def _texts(path: Path) -> list[list[str]]:
    document = read(path)
    assert len(document.tables) == 1
    return [[cell.text for cell in row] for row in document.tables[0].rows]


def _monospaced_projects(path: Path) -> Path:
    """Given a path, draw the project table in Courier, labels one space from their ends,
    numbers set flush right."""
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Courier", 8.5)
    y = 780.0
    for cells in [PROJECT_HEADER, *PROJECT_ROWS]:
        row(pdf, y, cells, PROJECT_RIGHTS, label_x=52)
        y -= 12.7
    pdf.save()
    return path


def _flush_left_parentheses(path: Path) -> Path:
    """Given a path, draw the operating table with numbers set flush left, the widest a
    few points short of the next column."""
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Helvetica", 10)
    y = 780.0
    for cells in [OPERATING_HEADER, *OPERATING_ROWS]:
        pdf.drawString(52, y, cells[0])
        for left, text in zip(OPERATING_LEFTS, cells[1:], strict=True):
            pdf.drawString(left, y, text)
        y -= 14.5
    pdf.save()
    return path


def test_numbers_that_end_a_label_a_word_space_apart_stay_in_the_label(tmp_path):
    """Read alone, `1 (2)` and `8 (9)` were number cells: their ragged edges made
    columns that cut every label of the table into pieces."""
    assert _texts(_monospaced_projects(tmp_path / "projects.pdf")) == [
        PROJECT_HEADER,
        *PROJECT_ROWS,
    ]


def test_numbers_in_parentheses_a_few_points_apart_are_cells_of_their_own(tmp_path):
    """`(361513) (78456)` and `(358498) 3015` read as one cell each: the rows had two
    numbers where the header had four columns, and the table ended above them."""
    assert _texts(_flush_left_parentheses(tmp_path / "operating.pdf")) == [
        OPERATING_HEADER,
        *OPERATING_ROWS,
    ]


def test_a_long_labels_last_word_stays_in_the_label_before_numbers_set_flush_left(tmp_path):
    """`Parkeringshus etapp 2` ends 3 points before the numbers: its `2` stood nearer
    the first number column than the column tolerance and was read as its number."""
    rows = [
        ["Vattentorn hamnen", "13 482", "3 395", "13 482"],
        ["Parkeringshus etapp 2", "5 493", "1 175", "5 493"],
        ["Summa", "18 975", "4 570", "18 975"],
    ]
    path = tmp_path / "flush_left.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Helvetica", 12)
    first = 50 + pdf.stringWidth(rows[1][0], "Helvetica", 12) + 3
    lefts = (first, first + 70, first + 140)
    y = 780.0
    for cells in [["", "Budget", "Utfall", "Prognos"], *rows]:
        pdf.drawString(50, y, cells[0])
        for left, text in zip(lefts, cells[1:], strict=True):
            pdf.drawString(left, y, text)
        y -= 16
    pdf.save()
    assert _texts(path) == [["", "Budget", "Utfall", "Prognos"], *rows]


def test_a_number_a_few_points_after_the_widest_label_is_its_columns_value(tmp_path):
    """`Dricksvattenproduktion` ran to 6 points before its `−47,9` set flush right: one
    cell (the total's wider `−414,4` starts the column, too far left for a cut at its
    left edge), and the label column it widened took every row's first number:
    gen_47070's 19 projects on one page stored their deviation as budget, under labels
    such as `Broar södra 30 −0,7`."""
    header = ["mnkr", "Utfall", "Budget", "Avvikelse"]
    rows = [
        ["Broar södra 30", "−0,7", "−0,7", "0,1"],
        ["Dricksvattenproduktion", "−47,9", "−49,3", "−1,4"],
        ["Dagvatten norra 35", "−2,0", "−2,1", "−0,1"],
        ["Fordon fas 1 37", "−0,2", "−0,2", "0,0"],
        ["Totalt", "−414,4", "−409,4", "5,0"],
    ]
    if not SANS_FONT.is_file():
        pytest.skip("DejaVu Sans is not installed")
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(SANS_FONT)))
    path = tmp_path / "tight_label.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("DejaVuSans", 9.5)
    label_end = 54 + pdf.stringWidth(rows[1][0], "DejaVuSans", 9.5)
    first = label_end + 6 + pdf.stringWidth(rows[1][1], "DejaVuSans", 9.5)
    y = 780.0
    for cells in [header, *rows]:
        row(pdf, y, cells, (first, first + 60, first + 120), label_x=54)
        y -= 16
    pdf.save()
    assert _texts(path) == [header, *rows]
