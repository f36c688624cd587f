"""Group headers centred over their columns (`Perioden` over Utfall | Budget | Avvikelse,
`Helår 2023` over Budget | Prognos | Avvikelse), in a borderless table and above the
top rule of a ruled grid.

Each PDF is drawn here with reportlab, numbers and headers right-aligned in their columns.
"""

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from extract.readers.pdf import read

FONT, SIZE, LEADING = "Helvetica", 9, 14
LABEL_X = 50
RIGHTS = (250, 300, 350, 410, 460, 510)  # right edges of the six number columns
GROUPS = [("Perioden", RIGHTS[:3]), ("Helår 2023", RIGHTS[3:])]
HEADER = ["Verksamhet", "Utfall", "Budget", "Avvikelse", "Budget", "Prognos", "Avvikelse"]
ROWS = [
    ["Kansli och nämndservice", "32 894", "31 225", "1 669", "46 837", "46 837", "0"],
    ["Kommunikation", "36 028", "36 514", "-486", "54 771", "54 771", "0"],
    ["Summa", "68 922", "67 739", "1 183", "101 608", "101 608", "0"],
]
GRID_LEFT, GRID_RIGHT = 45, 515


def _centred_groups(pdf: canvas.Canvas, y: float, ruled: bool) -> None:
    """Given a canvas and a height, draw each group header centred over its columns: over
    their printed headers, or over their grid cells when `ruled`."""
    for text, rights in GROUPS:
        first = RIGHTS.index(rights[0])
        if ruled:
            left, right = (RIGHTS[first - 1] if first else 190) + 4, rights[-1] + 4
        else:
            left, right = rights[0] - stringWidth(HEADER[1 + first], FONT, SIZE), rights[-1]
        pdf.drawCentredString((left + right) / 2, y, text)


def _rows(pdf: canvas.Canvas, y: float, rows: list[list[str]], rules: bool) -> None:
    """Given a canvas and a height, draw the rows (and a rule under each when `rules`)."""
    for row in rows:
        pdf.drawString(LABEL_X, y, row[0])
        for right, text in zip(RIGHTS, row[1:], strict=True):
            pdf.drawRightString(right, y, text)
        if rules:
            pdf.line(GRID_LEFT, y - 4, GRID_RIGHT, y - 4)
        y -= LEADING


def _columns_of(path: Path) -> list[list[tuple[str, int]]]:
    table = read(path).tables[0]
    return [[(cell.text, cell.span) for cell in row] for row in table.rows[:2]]


EXPECTED = [
    [("", 1), ("Perioden", 3), ("", 1), ("", 1), ("Helår 2023", 3), ("", 1), ("", 1)],
    [(text, 1) for text in HEADER],
]


def test_centred_group_headers_of_a_borderless_table_head_the_columns_below(tmp_path: Path):
    path = tmp_path / "borderless_groups.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    _centred_groups(pdf, 760, ruled=False)
    _rows(pdf, 760 - LEADING, [HEADER, *ROWS], rules=False)
    pdf.save()
    assert _columns_of(path) == EXPECTED


def test_group_headers_above_the_top_rule_of_a_ruled_grid_head_its_columns(tmp_path: Path):
    path = tmp_path / "ruled_groups.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    _centred_groups(pdf, 760, ruled=True)
    top = 760 - LEADING + 10
    pdf.line(GRID_LEFT, top, GRID_RIGHT, top)
    _rows(pdf, 760 - LEADING, [HEADER, *ROWS], rules=True)
    bottom = 760 - LEADING * (len(ROWS) + 1) + 10
    for x in (GRID_LEFT, 190, *(right + 4 for right in RIGHTS)):
        pdf.line(x, top, x, bottom)
    pdf.save()
    table = read(path).tables[0]
    assert table.method == "ruled"
    assert _columns_of(path) == EXPECTED


WIDE_RIGHTS = (250, 330, 420, 520, 600, 690)  # right edges, wide gaps between the groups
WIDE_ROWS = [["Näringsliv", "−0,46", "−0,44", "0,02", "−0,89", "−0,83", "−0,06"]]


def test_a_group_centred_over_cells_that_reach_into_the_gap_before_it_heads_them(tmp_path):
    """A browser centres `Helår` over its cells, which begin where the previous column ends:
    left of its right-aligned numbers' midpoint by half the gap between the groups."""
    path = tmp_path / "cell_centred_groups.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(842, 595))
    pdf.setFont(FONT, SIZE)
    for text, first, last in (("Januari–juni", 0, 2), ("Helår", 3, 5)):
        left = WIDE_RIGHTS[first - 1] if first else 190
        pdf.drawCentredString((left + WIDE_RIGHTS[last]) / 2, 500, text)
    for y, row in ((500 - LEADING, HEADER), (500 - 2 * LEADING, WIDE_ROWS[0])):
        pdf.drawString(LABEL_X, y, row[0])
        for right, text in zip(WIDE_RIGHTS, row[1:], strict=True):
            pdf.drawRightString(right, y, text)
    pdf.save()
    groups = [(text, span) for text, span in _columns_of(path)[0] if text]
    assert groups == [("Januari–juni", 3), ("Helår", 3)]


GAP_RIGHTS = (230, 290, 350, 410, 500, 570)  # the full-year group set well apart


def test_a_group_whose_first_word_ends_on_a_column_edge_stays_one_group(tmp_path: Path):
    """`Period jan–aug` centred over four columns, its `Period` ending by chance where the
    second column's numbers end, with a wrapped header below (`Utfall fg` / `år`): one
    group over the four, not `Period` over one column and `jan–aug` over the rest."""
    path = tmp_path / "aligned_word_group.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    pdf.drawString(GAP_RIGHTS[1] - stringWidth("Period", FONT, SIZE), 760, "Period jan–aug")
    pdf.drawCentredString((GAP_RIGHTS[3] + GAP_RIGHTS[5]) / 2 + 10, 760, "Helår")
    pdf.drawRightString(GAP_RIGHTS[3], 760 - LEADING, "Utfall fg")
    header = ["Verksamhet", "Utfall", "Budget", "Avvikelse", "år", "Budget", "Prognos"]
    y = 760 - 2 * LEADING + 4
    for row in [header, *ROWS]:
        pdf.drawString(LABEL_X, y, row[0])
        for right, text in zip(GAP_RIGHTS, row[1:], strict=True):
            pdf.drawRightString(right, y, text)
        y -= LEADING
    pdf.save()
    groups = [(text, span) for text, span in _columns_of(path)[0] if text]
    assert groups == [("Period jan–aug", 4), ("Helår", 2)]
    assert _columns_of(path)[1][4] == ("Utfall fg år", 1)
