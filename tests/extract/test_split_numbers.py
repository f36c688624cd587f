"""Numbers of three digit groups one monospaced space apart (issue 22, a fresh seed's
WeasyPrint report: `−2 425 978` was stored as −425 978): joined where the table's
columns show where they end, otherwise withheld, never read in part."""

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from extract.readers.pdf import read
from extract.structure import structure_table

MONO, SIZE = "Courier", 9
ADVANCE = stringWidth("0", MONO, SIZE)
RIGHT = 250  # the first value column's right edge


def _pdf(path: Path, rows: list[list[str]], rights: list[float]) -> Path:
    """Given rows (label, then values) and the value columns' right edges, draw them."""
    pdf = canvas.Canvas(str(path))
    pdf.setFont(MONO, SIZE)
    for index, row in enumerate(rows):
        y = 700 - index * 14
        pdf.drawString(50, y, row[0])
        for right, text in zip(rights, row[1:], strict=True):
            pdf.drawRightString(right, y, text)
    pdf.save()
    return path


def _values(path: Path) -> list[tuple[str, float | None]]:
    """Given a PDF of one table, return its value cells' text and parsed value."""
    (table,) = read(path).tables
    cells = structure_table(table).cells
    return [(c.cell.text, c.parsed.value) for c in cells if not (c.is_header or c.is_label)]


def test_a_run_of_groups_is_joined_where_the_columns_other_numbers_end(tmp_path):
    rows = [
        ["Belopp i tkr", "Budget", "Prognos", "Avvikelse"],
        ["Hyror", "-645 647", "-645 647", "0"],
        ["Bidrag", "947 515", "947 515", "0"],
        ["Kommunbidrag", "-2 425 978", "-2 425 978", "0"],
        ["Verksamhetens netto", "2 425 978", "2 351 233", "-74 745"],
    ]
    rights = [RIGHT, RIGHT + 13 * ADVANCE, RIGHT + 23 * ADVANCE]
    (table,) = read(_pdf(tmp_path / "three_groups.pdf", rows, rights)).tables
    assert [[cell.text for cell in row] for row in table.rows] == rows


def test_groups_whose_columns_no_other_number_shows_are_withheld_not_read_in_part(tmp_path):
    """Two columns one space apart: `200 328 203 875` is one, two or four numbers."""
    rows = [
        ["Belopp i tkr", "Budget", "Prognos"],
        ["Hyror", "200 328", "203 875"],
        ["Bidrag", "947 515", "947 515"],
    ]
    path = _pdf(tmp_path / "one_space_apart.pdf", rows, [RIGHT, RIGHT + 8 * ADVANCE])
    values = _values(path)
    assert [text for text, _ in values] == ["200", "328", "203", "875", "947", "515", "947", "515"]
    assert {value for _, value in values} == {None}
