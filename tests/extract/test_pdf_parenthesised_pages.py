"""A page whose every amount is a negative in parentheses, its text runs split inside the
numbers as WeasyPrint splits them in a monospaced font, is read for tables (the real PDF
reader on a small rendered page)."""

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from extract.readers.pdf import read
from tests.extract.header_forms import LANDSCAPE

FONT, SIZE, LEADING, LABEL_X = "Courier", 9, 13, 60
RIGHTS = (410, 540)
PIECE = 3  # characters per text run: `(11`, ` 21`, `5)`
HEADER = ["Kommunstyrelsen, tkr", "Budget 2025", "Budget 2026"]
ROWS = [
    ["Kommunikation", "(11 215)", "(12 355)"],
    ["IT", "(15 520)", "(15 975)"],
    ["HR", "(13 293)", "(14 696)"],
    ["Summa driftredovisning", "(40 028)", "(43 026)"],
]


def _split_runs(pdf: canvas.Canvas, right: float, y: float, text: str) -> None:
    """Given a right edge, draw text ending there as runs of a few characters each."""
    x = right - stringWidth(text, FONT, SIZE)
    for start in range(0, len(text), PIECE):
        pdf.drawString(x + stringWidth(text[:start], FONT, SIZE), y, text[start : start + PIECE])


def parenthesised_page(path: Path) -> Path:
    """Given a path, draw there a budget table of negatives in parentheses only."""
    pdf = canvas.Canvas(str(path), pagesize=LANDSCAPE)
    pdf.setFont(FONT, SIZE)
    pdf.drawString(LABEL_X, 520, "Nämndens resultat i korthet")
    pdf.drawString(LABEL_X, 500, HEADER[0])
    for right, text in zip(RIGHTS, HEADER[1:], strict=True):
        pdf.drawRightString(right, 500, text)
    for index, cells in enumerate(ROWS, start=1):
        y = 500 - index * LEADING
        pdf.drawString(LABEL_X, y, cells[0])
        for right, text in zip(RIGHTS, cells[1:], strict=True):
            _split_runs(pdf, right, y, text)
    pdf.save()
    return path


def test_a_page_of_parenthesised_negatives_in_split_runs_is_read_for_tables(tmp_path: Path):
    """No line read like a table row (`Kommunikation (11 21 5) (12 35 5)`), so the page
    was never read for tables: the report had no table and no warning."""
    document = read(parenthesised_page(tmp_path / "parenthesised.pdf"))
    (table,) = document.tables
    assert table.caption == "Nämndens resultat i korthet"
    assert [[cell.text for cell in row] for row in table.rows] == [HEADER, *ROWS]
