"""Labels wider than their cell, printed up to the value beside them with no gap.

fpdf2 and reportlab do not clip a cell's text: `Övriga verksamhetskostnader`
runs into `(2 972)` and `Förbrukningsmaterial` into `-198,72`, one word to the
text layer. Each PDF is drawn here with reportlab and read by the real PDF reader.
"""

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from extract.readers.pdf import read
from tests.extract.header_forms import FONT, LABEL_X, SIZE, row

GLUED_LABEL, GLUED_VALUE = "Övriga verksamhetskostnader", "(2 972)"
# the first value column ends where the glued row's number ends, its groups a gap apart
FIRST_RIGHT = LABEL_X + stringWidth(GLUED_LABEL + "(2972)", FONT, SIZE) + 0.2 * SIZE
RIGHTS = (FIRST_RIGHT, FIRST_RIGHT + 70, FIRST_RIGHT + 140)
HEADER = ["Verksamhet (kkr)", "Utfall", "Budget", "Prognos"]
ROWS = [
    ["Taxor och avgifter", "273", "1 017", "986"],
    ["Covid-19", "406", "1 109", "1 109"],
    [GLUED_LABEL, GLUED_VALUE, "(10 602)", "(11 626)"],
    ["Löner och sociala avgifter", "(2 884)", "(9 671)", "(9 671)"],
    ["Summa", "(5 187)", "(17 147)", "(17 202)"],
]


def _texts(path: Path) -> list[list[str]]:
    document = read(path)
    assert len(document.tables) == 1
    return [[cell.text for cell in row] for row in document.tables[0].rows]


def _borderless(path: Path) -> Path:
    """Given a path, draw the table without rules, digit groups as separate runs (fpdf2)."""
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    y = 760.0
    for cells in [HEADER, *ROWS]:
        row(pdf, y, cells, RIGHTS, groups=True)
        y -= 15.7
    pdf.save()
    return path


RULED_ROWS = [
    ["Taxor och avgifter", "273", "1 017", "986"],
    ["Covid-19", "406", "1 109", "1 109"],
    ["Förbrukningsmaterial", "-198,72", "-304,62", "-309,35"],
    ["Personal", "-204,54", "-296,88", "-296,88"],
]


def _ruled(path: Path) -> Path:
    """Given a path, draw the table in a grid, the glued label across the rule after it."""
    first_right = LABEL_X + stringWidth("Förbrukningsmaterial-198,72", FONT, SIZE)
    rights = (first_right, first_right + 70, first_right + 140)
    rule = first_right - stringWidth("-198,72", FONT, SIZE) - 2
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    top, height = 772.0, 15.7
    for index, cells in enumerate([HEADER, *RULED_ROWS]):
        row(pdf, top - (index + 1) * height + 4, cells, rights)
    bottom = top - (len(RULED_ROWS) + 1) * height
    for index in range(len(RULED_ROWS) + 2):
        pdf.line(LABEL_X - 3, top - index * height, rights[-1] + 3, top - index * height)
    for x in (LABEL_X - 3, rule, *(r + 3 for r in rights)):
        pdf.line(x, top, x, bottom)
    pdf.save()
    return path


def test_a_number_a_label_runs_into_is_a_value_of_its_column(tmp_path):
    """`verksamhetskostnader(2` was one word: the label column took in the first value
    column of every row, and the header above it was lost with all 40 of its figures."""
    assert _texts(_borderless(tmp_path / "borderless.pdf")) == [HEADER, *ROWS]


def test_a_number_a_label_runs_into_across_a_rule_is_a_cell_of_its_own(tmp_path):
    """`Förbrukningsmaterial-198,72` stood in the label cell, its figures stored under a
    label no report prints; `Covid-19`, in no number column, stays one word."""
    assert _texts(_ruled(tmp_path / "ruled.pdf")) == [HEADER, *RULED_ROWS]
