"""LibreOffice Writer tables (issue 23): small HTML reports Writer lays out and exports to
PDF (`soffice --headless`, as the generated corpus is rendered), read by the PDF reader.

Writer sets every cell flush left, whatever the style sheet asks, and in a monospaced
font its heads run wider than the numbers under them; it shades each header cell
on its own and sets header rows closer together than a wrapped line.
"""

from pathlib import Path

import pytest

from extract.readers.pdf import read
from tests.extract.writer_rendering import head_row, render_with_writer, report_html, texts

STYLE = """
@page {{ size: A4; margin: 18mm; }}
body {{ font-family: '{font}'; font-size: {body}pt; }}
table {{ border-collapse: collapse; }}
th, td {{ padding: 1.5pt 4pt; font-size: {size}pt; vertical-align: bottom; }}
td.n, th.n {{ text-align: right; }} th {{ text-align: left; }}
td.l, th.l {{ width: {label}; }}
{extra}
"""

# Plan years in mnkr with one decimal, every number one width: each head wraps to three
# lines (`Budget` / `2021 (miljoner` / `kronor)`), flush left over its numbers.
PLAN_HEADS = ["Budget<br>2021 (miljoner kronor)", "Budget<br>2022 (miljoner kronor)"]
PLAN_HEADS += ["Plan<br>2023 (miljoner kronor)", "Plan<br>2024 (miljoner kronor)"]
PLAN_ROWS = [
    ["Avgifter och ersättningar", "0,3", "0,3", "0,3", "0,3"],
    ["Löner och sociala avgifter", "2,0", "2,1", "2,2", "2,2"],
    ["Övr. kostn.", "0,4", "0,5", "0,5", "0,5"],
    ["Verksamhetens nettokostnader", "2,1", "2,3", "2,4", "2,4"],
]

# Group heads over shaded header cells, the group row set as close as a wrap above the heads.
GROUPS = [("", 1), ("Perioden", 3), ("Helår 2022", 3)]
GROUPED_HEADS = ["Utfall (U)", "Budget (B)", "Avvikelse (B-U)"]
GROUPED_HEADS += ["Årsbudget (Å)", "Årsprognos (P)", "Avvikelse (Å-P)"]
GROUPED_ROWS = [
    ["Övriga intäkter", "10,9", "10,5", "–0,4", "41,9", "41,9", "0,0"],
    ["Kapitalkostnader", "64,0", "66,1", "2,2", "264,5", "259,9", "4,5"],
    ["Lokalkostnader", "105,6", "93,9", "–11,7", "375,4", "375,4", "0,0"],
]


# Columns as narrow as their text: a label and its numbers stand as close as words of one
# cell, and only the shaded header cells, side by side, show where each column ends.
CRAMPED_HEADS = ["2021", "2020"]
CRAMPED_ROWS = [
    ["Samtliga", "3,6 %", "4,7 %"],
    ["Kvinnor", "4,1 %", "5,3 %"],
    ["Män", "2,9 %", "2,9 %"],
]


# The same without shading, numbers of one width: the stub head runs into the heads
# (`Sjukfrånvaro % 2024 2023 Mål`, one cell by gaps), each starting where its numbers do.
UNSHADED_HEADS = ["2024", "2023", "Mål"]
UNSHADED_ROWS = [
    ["Samtliga", "8,5", "5,1", "7,0"],
    ["Kvinnor", "9,2", "7,0", "7,0"],
    ["Män", "5,7", "2,3", "7,0"],
]


# Percentages whose sign stands a word space after them and a little more before the next
# column's number (`6,9 % 4,7 %`): each sign ends its number's cell.
PERCENT_HEADS = ["2024", "2023"]
PERCENT_ROWS = [
    ["Sjukfrånvaro bland samtliga anställda", "6,6 %", "4,2 %"],
    ["Kvinnor", "6,9 %", "4,7 %"],
    ["Män", "5,2 %", "2,7 %"],
]


def _html(style: str, caption: str, head_rows: list[str], rows: list[list[str]]) -> str:
    return report_html(style, caption, head_rows, rows, unit="mnkr")


def plan_years_html() -> str:
    style = STYLE.format(font="DejaVu Sans Mono", body=9, size=8, label="auto", extra="")
    return _html(style, "Resultatbudget", [head_row("Kostnadsslag", PLAN_HEADS)], PLAN_ROWS)


def grouped_shaded_html() -> str:
    style = STYLE.format(
        font="DejaVu Sans Mono", body=11, size=10, label="22%", extra="th { background: #d0d0d0; }"
    )
    groups = "".join(f'<th colspan="{span}">{text}</th>' for text, span in GROUPS)
    heads = [f"<tr>{groups}</tr>", head_row("Verksamhet", GROUPED_HEADS)]
    return _html(style, "Driftredovisning", heads, GROUPED_ROWS)


def cramped_shaded_html() -> str:
    style = STYLE.format(
        font="DejaVu Serif", body=10, size=9, label="auto", extra="th { background: #d0d0d0; }"
    )
    caption = "Sjukfrånvaro i procent av ordinarie arbetstid"
    return _html(style, caption, [head_row("Procent", CRAMPED_HEADS)], CRAMPED_ROWS)


def cramped_unshaded_html() -> str:
    style = STYLE.format(font="DejaVu Sans", body=11, size=10, label="auto", extra="")
    heads = [head_row("Sjukfrånvaro %", UNSHADED_HEADS)]
    return _html(style, "Sjukfrånvaron totalt", heads, UNSHADED_ROWS)


def percentages_html() -> str:
    style = STYLE.format(
        font="DejaVu Sans Mono",
        body=10,
        size=9,
        label="28%",
        extra="table { width: 100%; } th, td { vertical-align: top; }",
    )
    heads = [head_row("Procent", PERCENT_HEADS)]
    return _html(style, "Sjukfrånvaro per kön", heads, PERCENT_ROWS)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """The reports laid out by Writer and exported as PDF, in one LibreOffice run."""
    pages = {
        "plan_years": plan_years_html(),
        "grouped_shaded": grouped_shaded_html(),
        "cramped_shaded": cramped_shaded_html(),
        "cramped_unshaded": cramped_unshaded_html(),
        "percentages": percentages_html(),
    }
    return render_with_writer(pages, tmp_path_factory.mktemp("writer"))


def test_reads_monospaced_heads_wider_than_their_numbers_whole(rendered):
    # Numbers of one width line up on both edges; only the flush-left reading keeps all
    # three lines of each head over its column (flush right kept `kronor)` alone).
    (table,) = read(rendered["plan_years"]).tables
    assert table.caption == "Resultatbudget"
    assert texts(table) == [
        ["Kostnadsslag", *(head.replace("<br>", " ") for head in PLAN_HEADS)],
        *PLAN_ROWS,
    ]


def test_reads_a_group_row_over_shaded_header_cells_as_its_own_row(rendered):
    # The group row stands closer above the heads than a wrap: the shaded cell that holds
    # `Perioden` ends above them, so it heads its three columns instead of joining `Utfall`.
    (table,) = read(rendered["grouped_shaded"]).tables
    groups, heads, *rows = table.rows
    assert [(cell.text, cell.span) for cell in groups if cell.text] == GROUPS[1:]
    assert [cell.text for cell in heads] == ["Verksamhet", *GROUPED_HEADS]
    assert [[cell.text for cell in row] for row in rows] == GROUPED_ROWS


def test_cuts_a_cramped_line_where_the_shaded_header_cells_meet(rendered):
    # `Samtliga 3,6 % 4,7 %` stands closer than a cell gap: one cell of text by gaps alone.
    (table,) = read(rendered["cramped_shaded"]).tables
    assert table.caption == "Sjukfrånvaro i procent av ordinarie arbetstid"
    assert texts(table) == [["Procent", *CRAMPED_HEADS], *CRAMPED_ROWS]


def test_cuts_a_cramped_stub_head_where_flush_left_columns_start(rendered):
    (table,) = read(rendered["cramped_unshaded"]).tables
    assert table.caption == "Sjukfrånvaron totalt"
    assert texts(table) == [["Sjukfrånvaro %", *UNSHADED_HEADS], *UNSHADED_ROWS]


def test_a_percent_sign_ends_its_numbers_cell(rendered):
    (table,) = read(rendered["percentages"]).tables
    assert texts(table) == [["Procent", *PERCENT_HEADS], *PERCENT_ROWS]
