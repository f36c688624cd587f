"""The header forms of issue 23, each a small rendered PDF read by the real PDF reader.

Two header lines above the first rule with negatives in parentheses, a shaded header
band whose lower line names years and dates, a ruled grid whose first header row spans
columns, and a table continued under its repeated header with the next table below.
"""

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from extract.readers.pdf import read
from tests.extract import header_forms as forms


def texts(table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


@pytest.mark.parametrize("grid", [False, True], ids=["rules_under_rows", "full_grid"])
def test_two_header_lines_above_the_first_rule_head_rows_with_negatives_in_parentheses(
    tmp_path: Path, grid: bool
):
    """Set outside the grid, the header was no row of it: the caption read `(tkr) 2025
    jan–aug …` and the table had no header."""
    document = read(forms.two_line_header_above_rule(tmp_path / "two_lines.pdf", grid))
    (table,) = document.tables
    assert table.method == ("ruled" if grid else "borderless")
    assert table.caption == "Driftredovisning per verksamhet"
    assert texts(table) == [
        [f"{upper} {lower}" for upper, lower in forms.TWO_LINE_HEADER],
        *forms.TWO_LINE_ROWS,
    ]
    assert table.note == "Negativa belopp anges inom parentes."


def test_a_shaded_header_band_naming_years_and_dates_heads_its_columns(tmp_path: Path):
    """The band's lower line (`2025 | 2025-06-30 | helår 2025 | budget/prognos | 2024`)
    holds a year in words and a bare year: a header line, not the first row."""
    document = read(forms.shaded_header_band(tmp_path / "band.pdf"))
    (table,) = document.tables
    assert table.caption == "Ekonomisk uppföljning (tkr)"
    assert texts(table) == [
        ["Verksamhet", *(f"{upper} {lower}" for upper, lower in forms.BAND_HEADER)],
        *forms.BAND_ROWS,
    ]


def test_a_spanning_first_header_row_of_a_ruled_grid_groups_the_column_names(tmp_path: Path):
    document = read(forms.spanning_ruled_header(tmp_path / "grid.pdf"))
    (table,) = document.tables
    assert table.method == "ruled"
    groups = [(cell.text, cell.span) for cell in table.rows[0] if cell.text]
    assert groups == [("Period jan–aug", 3), ("Helår", 3)]
    assert texts(table)[1:] == [forms.GRID_HEADER, *forms.GRID_ROWS]


def test_a_table_continued_under_its_repeated_header_ends_before_the_next_table(
    tmp_path: Path,
):
    """On the second page the investment table's caption and plain header follow the
    unit table's last row closely: its header heads new columns, so a new table starts.
    The rest of the row the page broke (`(Solgården)`), right under the repeated header,
    finishes that row's label instead of turning the header into a row."""
    document = read(forms.continued_under_repeated_header(tmp_path / "continued.pdf"))
    units, investments = document.tables
    assert texts(units) == [forms.UNIT_HEADER, *forms.unit_rows(54)]
    assert {row[0].page for row in units.rows[-7:]} == {2}
    assert investments.caption == "Investeringsredovisning (tkr)"
    assert texts(investments) == [forms.INVESTMENT_HEADER, *forms.INVESTMENT_ROWS]


@pytest.mark.parametrize("turn", [90, 270])
def test_an_operating_grid_set_sideways_on_a_turned_page_is_read_turned(tmp_path, turn):
    """The glyphs run up (or down) a portrait page stored with `/Rotate`: read as they
    stand, each glyph was a line and the grid gave digits in nonsense rows."""
    document = read(forms.sideways_operating_page(tmp_path / "sideways.pdf", turn))
    operating, investments = document.tables
    assert (operating.page, operating.method, operating.caption) == (
        2,
        "ruled",
        "Driftredovisning, tkr",
    )
    assert texts(operating)[1:] == [forms.GRID_HEADER, *forms.GRID_ROWS]
    assert texts(investments) == [forms.INVESTMENT_HEADER, *forms.INVESTMENT_ROWS]
    assert [block.text for block in document.text_blocks if block.page == 2] == [
        "Driftredovisning, tkr"
    ]


def _table_with_line_under(path: Path, last_label: str, under: str) -> Path:
    """Given a path, a last row's label and a line set right under that row, draw a table."""
    pdf = canvas.Canvas(str(path), pagesize=forms.PORTRAIT)
    pdf.setFont(forms.FONT, forms.SIZE)
    rows = [
        ["Projekt", "Budget 2026", "Plan 2027"],
        ["Larm och trygghet etapp 2 norra", "-3 101", "-3 273"],
        ["Gruppbostad etapp 2", "-19 727", "-20 058"],
        [last_label, "-22 828", "-23 331"],
    ]
    for index, cells in enumerate(rows):
        forms.row(pdf, 700 - 12 * index, cells, (300, 370))
    pdf.drawString(forms.LABEL_X, 700 - 12 * len(rows) + 2, under)
    pdf.save()
    return path


def test_a_note_right_under_the_last_row_is_the_note_not_the_rest_of_its_label(tmp_path):
    """`Avvikelse` would have fitted beside `Nettoinvesteringar`: the line is no wrap."""
    path = _table_with_line_under(
        tmp_path / "note.pdf", "Nettoinvesteringar", "Avvikelse = budget − prognos."
    )
    (table,) = read(path).tables
    assert [cell.text for cell in table.rows[-1]] == ["Nettoinvesteringar", "-22 828", "-23 331"]
    assert table.note == "Avvikelse = budget − prognos."


def test_a_label_wrapped_under_the_last_row_still_finishes_it(tmp_path):
    path = _table_with_line_under(
        tmp_path / "wrap.pdf", "Summa investeringar i boenden", "och lokaler"
    )
    (table,) = read(path).tables
    assert table.rows[-1][0].text == "Summa investeringar i boenden och lokaler"
