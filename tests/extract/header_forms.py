"""The table layouts of issue 23, drawn with reportlab as a report writer prints them.

Each function draws one small report page (or two) with Swedish wording as
municipal reports print it, the numbers right-aligned in their columns and
adding up. `tests/extract/test_pdf_header_forms.py` reads them with the PDF
reader; `tests/dbt/test_header_forms_measures.py` builds the warehouse on them.
"""

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

FONT, BOLD, SIZE, LEADING = "Helvetica", "Helvetica-Bold", 9, 14
PORTRAIT, LANDSCAPE = (595, 842), (842, 595)
LABEL_X = 50


def _text_right(pdf: canvas.Canvas, right: float, y: float, text: str, groups: bool) -> None:
    """Given a right edge, draw text ending there: whole, or (`groups`) one run per digit
    group with the thousands space as a positioning gap only, as InDesign and fpdf2 do."""
    if not groups:
        pdf.drawRightString(right, y, text)
        return
    parts = text.split(" ")
    gap = 0.2 * SIZE
    x = right - sum(stringWidth(p, FONT, SIZE) for p in parts) - gap * (len(parts) - 1)
    for part in parts:
        pdf.drawString(x, y, part)
        x += stringWidth(part, FONT, SIZE) + gap


def row(
    pdf, y: float, cells: list[str], rights, groups: bool = False, label_x: float = LABEL_X
) -> None:
    pdf.drawString(label_x, y, cells[0])
    for right, text in zip(rights, cells[1:], strict=True):
        _text_right(pdf, right, y, text, groups)


def _heading(pdf: canvas.Canvas, y: float, text: str) -> None:
    pdf.setFont(BOLD, 11)
    pdf.drawString(LABEL_X, y, text)
    pdf.setFont(FONT, SIZE)


# Two header lines above the table's first rule, costs printed as negatives in
# parentheses, the deviation favourable-positive (a deficit in parentheses too).
TWO_LINE_RIGHTS = (270, 350, 430, 520)
TWO_LINE_HEADER = [
    ("Verksamhet", "(tkr)"),
    ("Budget", "2025"),
    ("Budget", "jan–aug"),
    ("Utfall", "jan–aug"),
    ("Avvikelse", "(+ = överskott)"),
]
TWO_LINE_ROWS = [
    ["Nämnd och förvaltning", "(4 120)", "(2 747)", "(2 655)", "92"],
    ["Förskola", "(182 400)", "(121 600)", "(123 330)", "(1 730)"],
    ["Grundskola", "(305 900)", "(203 933)", "(201 310)", "2 623"],
    ["Gymnasieskola", "(98 300)", "(65 533)", "(66 120)", "(587)"],
    ["Summa", "(590 720)", "(393 813)", "(393 415)", "398"],
]


def two_line_header_above_rule(path: Path, grid: bool = False) -> Path:
    """Given a path, draw there a table whose two-line header stands above its first rule:
    rules under every row, or (`grid`) a full grid of the body with column rules too."""
    pdf = canvas.Canvas(str(path), pagesize=PORTRAIT)
    _heading(pdf, 770, "Driftredovisning per verksamhet")
    for right, (upper, lower) in zip((0, *TWO_LINE_RIGHTS), TWO_LINE_HEADER, strict=True):
        draw = pdf.drawString if right == 0 else pdf.drawRightString
        for y, text in ((740, upper), (729, lower)):
            draw(right or LABEL_X, y, text)
    y = 710
    pdf.line(45, y + 12, 525, y + 12)
    pdf.setLineWidth(0.3)
    for cells in TWO_LINE_ROWS:
        row(pdf, y, cells, TWO_LINE_RIGHTS, groups=True)
        pdf.line(45, y - 4, 525, y - 4)
        y -= LEADING
    if grid:
        for x in (45, 190, *(right + 5 for right in TWO_LINE_RIGHTS)):
            pdf.line(x, 722, x, y + LEADING - 4)
    pdf.drawString(LABEL_X, y - 10, "Negativa belopp anges inom parentes.")
    pdf.save()
    return path


# A shaded band behind a two-line header: `Budget 2025 | Utfall 2025-06-30 | Prognos
# helår 2025 | Avvikelse budget/prognos | Bokslut 2024`, each wrapped after its first word.
BAND_RIGHTS = (330, 420, 520, 630, 720)
BAND_HEADER = [
    ("Budget", "2025"),
    ("Utfall", "2025-06-30"),
    ("Prognos", "helår 2025"),
    ("Avvikelse", "budget/prognos"),
    ("Bokslut", "2024"),
]
BAND_ROWS = [
    ["Intäkter", "45 200", "23 900", "46 100", "900", "44 020"],
    ["Personalkostnader", "-210 400", "-104 300", "-212 000", "-1 600", "-203 110"],
    ["Övriga kostnader", "-88 300", "-43 100", "-87 900", "400", "-85 420"],
    ["Nettokostnad", "-253 500", "-123 500", "-253 800", "-300", "-244 510"],
]


def shaded_header_band(path: Path) -> Path:
    """Given a path, draw there a landscape table under a shaded two-line header band."""
    pdf = canvas.Canvas(str(path), pagesize=LANDSCAPE)
    _heading(pdf, 540, "Ekonomisk uppföljning (tkr)")
    pdf.setFillGray(0.8)
    pdf.rect(45, 494, 685, 30, stroke=0, fill=1)
    pdf.setFillGray(0)
    pdf.drawString(LABEL_X, 512, "Verksamhet")
    for right, (upper, lower) in zip(BAND_RIGHTS, BAND_HEADER, strict=True):
        pdf.drawRightString(right, 512, upper)
        pdf.drawRightString(right, 501, lower)
    for index, cells in enumerate(BAND_ROWS):
        row(pdf, 480 - index * LEADING, cells, BAND_RIGHTS)
    pdf.save()
    return path


# A ruled grid whose first header row spans columns (`Period jan–aug`, `Helår`) over a
# second row of column names: no rule divides the spanning cells.
GRID_XS = (45, 190, 245, 300, 355, 410, 465, 520)
GRID_GROUPS = [("Period jan–aug", 1, 4), ("Helår", 4, 7)]
GRID_HEADER = ["Verksamhet", "Utfall", "Budget", "Avvikelse", "Budget", "Prognos", "Avvikelse"]
GRID_ROWS = [
    ["Kansli och nämndservice", "-32 894", "-31 225", "-1 669", "-46 837", "-46 837", "0"],
    ["Kommunikation", "-36 028", "-36 514", "486", "-54 771", "-54 100", "671"],
    ["Summa", "-68 922", "-67 739", "-1 183", "-101 608", "-100 937", "671"],
]


def spanning_ruled_header(path: Path) -> Path:
    """Given a path, draw there a ruled grid with a spanning first header row."""
    pdf = canvas.Canvas(str(path), pagesize=PORTRAIT)
    _spanning_grid(pdf, 770)
    pdf.save()
    return path


def _spanning_grid(pdf: canvas.Canvas, y: float) -> None:
    """Given a canvas and a height, draw the caption and the grid below it."""
    _heading(pdf, y, "Driftredovisning, tkr")
    height, top = 16, y - 20
    ys = [top - index * height for index in range(len(GRID_ROWS) + 3)]
    for y in ys:
        pdf.line(GRID_XS[0], y, GRID_XS[-1], y)
    inner = {GRID_XS[i] for _, first, last in GRID_GROUPS for i in range(first + 1, last)}
    for x in GRID_XS:
        pdf.line(x, ys[1] if x in inner else ys[0], x, ys[-1])
    for text, first, last in GRID_GROUPS:
        pdf.drawCentredString((GRID_XS[first] + GRID_XS[last]) / 2, ys[0] - 11, text)
    for index, cells in enumerate([GRID_HEADER, *GRID_ROWS]):
        row(pdf, ys[1 + index] - 11, cells, [x - 3 for x in GRID_XS[2:]])


# The operating grid set sideways on a portrait page stored with `/Rotate` (a PostScript
# driver's auto-rotation), followed by an ordinary page with the investment table.
def sideways_operating_page(path: Path, turn: int) -> Path:
    """Given a path and a turn (90: the text runs up the page, 270: down), draw there a
    title page, the operating grid sideways, and the investment table upright."""
    pdf = canvas.Canvas(str(path), pagesize=PORTRAIT)
    _heading(pdf, 770, "Delårsrapport januari–augusti 2025")
    pdf.drawString(LABEL_X, 740, "Driftredovisningen redovisas på nästa sida.")
    pdf.showPage()
    pdf.setPageRotation(turn)
    pdf.translate(*((PORTRAIT[0], 0) if turn == 90 else (0, PORTRAIT[1])))
    pdf.rotate(turn if turn == 90 else -90)
    _spanning_grid(pdf, 540)
    pdf.showPage()
    _heading(pdf, 790, "Investeringsredovisning (tkr)")
    for index, cells in enumerate([INVESTMENT_HEADER, *INVESTMENT_ROWS]):
        row(pdf, 765 - index * LEADING, cells, UNIT_RIGHTS)
    pdf.save()
    return path


# A table of units continued on the next page under its repeated header, followed on
# that page by the investment table, whose plain header names no year. The page breaks
# the last unit's row: the rest of its label prints right under the repeated header.
UNIT_RIGHTS = (300, 390, 480)
UNIT_HEADER = ["Verksamhet", "Budget jan–aug", "Utfall jan–aug", "Avvikelse"]
UNITS_FIRST_PAGE = 48
BROKEN_LABEL_REST = "(Solgården)"
INVESTMENT_HEADER = ["Projekt", "Budget 2025", "Utfall jan–aug", "Avvikelse"]
INVESTMENT_ROWS = [
    ["Förskola Norr", "-12 000", "-8 100", "3 900"],
    ["Gruppbostad Väster", "-9 500", "-4 250", "5 250"],
    ["Summa investeringar", "-21 500", "-12 350", "9 150"],
]


def _amount(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def unit_rows(count: int) -> list[list[str]]:
    """Given a count, return that many unit rows and their sum, net costs negative."""
    rows, budgets, outcomes = [], 0, 0
    for index in range(count):
        budget = -(8_000 + (index * 1_733) % 21_000)
        outcome = budget - 400 + (index * 331) % 900
        budgets, outcomes = budgets + budget, outcomes + outcome
        name = f"Hemtjänst område {index + 1}"
        if index == UNITS_FIRST_PAGE - 1:
            name = f"{name} {BROKEN_LABEL_REST}"
        rows.append([name, _amount(budget), _amount(outcome), _amount(outcome - budget)])
    total = ["Summa", _amount(budgets), _amount(outcomes), _amount(outcomes - budgets)]
    return [*rows, total]


def continued_under_repeated_header(path: Path, units: int = 54) -> Path:
    """Given a path, draw there a unit table over two pages, its header repeated, and the
    investment table right below its end."""
    pdf = canvas.Canvas(str(path), pagesize=PORTRAIT)
    pdf.setFont(FONT, SIZE)
    rows = unit_rows(units)
    first = rows[:UNITS_FIRST_PAGE]
    first[-1] = [first[-1][0].removesuffix(f" {BROKEN_LABEL_REST}"), *first[-1][1:]]
    _heading(pdf, 790, "Driftredovisning per enhet (tkr)")
    for index, cells in enumerate([UNIT_HEADER, *first]):
        row(pdf, 765 - index * LEADING, cells, UNIT_RIGHTS)
    pdf.drawString(290, 30, "3")
    pdf.showPage()
    pdf.setFont(FONT, SIZE)
    row(pdf, 790, UNIT_HEADER, UNIT_RIGHTS)
    pdf.drawString(LABEL_X, 790 - SIZE - 2, BROKEN_LABEL_REST)  # the broken row's top
    rest = rows[UNITS_FIRST_PAGE:]
    for index, cells in enumerate(rest):
        row(pdf, 790 - SIZE - 2 - (index + 1) * LEADING, cells, UNIT_RIGHTS)
    y = 790 - (len(rest) + 2) * LEADING - 14
    _heading(pdf, y, "Investeringsredovisning (tkr)")
    for index, cells in enumerate([INVESTMENT_HEADER, *INVESTMENT_ROWS]):
        row(pdf, y - 20 - index * LEADING, cells, UNIT_RIGHTS)
    pdf.drawString(290, 30, "4")
    pdf.save()
    return path


# Rows of a table printed as running text, one text run per row with single spaces: no
# column can be told from the next, and no reader makes a table of them.
RUNNING_ROWS = [
    "Verksamhet Budget 2025 Utfall jan–aug Avvikelse",
    "Nämnd och förvaltning 4 120 2 655 (92)",
    "Förskola 182 400 123 330 (1 730)",
    "Grundskola 305 900 201 310 2 623",
    "Summa 492 420 327 295 801",
]


def numbers_in_running_text(path: Path) -> Path:
    """Given a path, draw there a heading and table rows set as plain text lines."""
    pdf = canvas.Canvas(str(path), pagesize=PORTRAIT)
    _heading(pdf, 780, "Driftredovisning (tkr)")
    for index, line in enumerate(RUNNING_ROWS):
        pdf.drawString(LABEL_X, 760 - 13 * index, line)
    pdf.save()
    return path
