"""LibreOffice Writer tables that lost facts on seeds 47000 (issue 23), rendered by Writer
from small HTML reports (`soffice --headless`, as the generated corpus is) and read by the
PDF reader: heads stacked bottom-aligned over more lines than a header was read for, a
negative number wrapped after its minus sign or between its digit groups, a label filling
its column, and wide numbers in columns set flush left standing closer than a space.
"""

from pathlib import Path

import pytest

from extract.readers.pdf import read
from extract.structure import structure_table
from tests.extract.writer_rendering import head_row, render_with_writer, report_html, texts

STYLE = """
@page {{ size: A4; margin: 18mm; }}
body {{ font-family: '{font}'; font-size: {body}pt; }}
table {{ border-collapse: collapse; {width} }}
th, td {{ padding: 1.5pt 4pt; font-size: {size}pt; vertical-align: bottom; }}
td.n, th.n {{ text-align: right; white-space: nowrap; }} th {{ text-align: left; }}
{extra}
"""

# Heads of five and of four lines, set on the row's bottom line: their lines interleave
# half a line apart (ten lines of text), under a row of groups a cell's padding above.
STACKED_GROUPS = [("Jan–mars", 3), ("Helår 2025", 3)]
STACKED_HEADS = ["Utfall (U)", "Budget (B)", "Avvikelse (B-U)"]
STACKED_HEADS += ["Årsbudget (Å)", "Årsprognos (P)", "Avvikelse (Å-P)"]
STACKED_ROWS = [
    ["Korttidsboende", "(224)", "(261)", "(37)", "(1 044)", "(1 044)", "0"],
    ["Hemtjänst", "(359)", "(358)", "1", "(1 434)", "(1 434)", "0"],
    ["Summa verksamheter", "(583)", "(619)", "(36)", "(2 478)", "(2 478)", "0"],
]


# `-122443` does not fit its column: Writer breaks the line after the minus sign.
SIGNS_HEADS = ["Utfall", "Budget", "Avvikelse", "Budget", "Prognos", "Avvikelse"]
SIGNS_ROWS = [
    ["Missbruksvård", "-24085", "-22197", "1888", "-33296", "-31335", "-1961"],
    ["Barn och unga", "-9565", "-9655", "-90", "-14482", "-15695", "1213"],
    ["Summa", "-78677", "-81628", "-2951", "-122443", "-121695", "-748"],
]


# Millions of kronor in thousands do not fit narrow columns that may wrap: Writer breaks
# `1 556 735` at a space, `1 556` over `735`.
GROUPS_HEADS = ["Utfall", "Budget", "Avvikelse", "Budget", "Prognos", "Avvikelse"]
GROUPS_ROWS = [
    ["Lokalkostnader", "180 772", "178 597", "-2 175", "267 896", "267 896", "0"],
    ["Kostnader", "1 556 735", "1 567 615", "10 880", "2 351 423", "2 348 214", "3 209"],
    ["Kommunbidrag", "-1 337 630", "-1 337 630", "0", "-2 006 446", "-2 006 446", "0"],
]


# A narrow table: `Årsarbeten` fills the label column, its numbers less than a cell gap on.
FILLED_ROWS = [
    ["Tillsvidare", "346", "387"],
    ["Kvinnor", "296", "295"],
    ["Män", "50", "92"],
    ["Årsarbeten", "301,5", "354,1"],
]


# Numbers set flush left; the total's fill their columns and stand less than a digit apart.
FLUSH_HEADS = ["Utfall<br>helår", "Helår<br>Budget", "Avvikelse"]
FLUSH_ROWS = [
    ["Ombyggnad kök skolan 33", "559", "563", "4"],
    ["Digitala verktyg 34", "189", "206", "17"],
    ["Nettoinvesteringar", "300 359", "298 584", "-1 775"],
]


def _html(style: str, caption: str, head_rows: list[str], rows: list[list[str]]) -> str:
    return report_html(style, caption, head_rows, rows, unit="tusental kronor")


def stacked_html() -> str:
    style = STYLE.format(
        font="DejaVu Sans Mono",
        body=10.5,
        size=9.5,
        width="width: 100%;",
        extra="td.l, th.l { width: 22%; }",
    )
    groups = "".join(f'<th colspan="{span}">{text}</th>' for text, span in STACKED_GROUPS)
    heads = [f"{head} (tusental kronor)" for head in STACKED_HEADS]
    head_rows = [f"<tr><th></th>{groups}</tr>", head_row("Kostnadsslag", heads)]
    return _html(style, "Budgetutfall januari–mars", head_rows, STACKED_ROWS)


def signs_html() -> str:
    style = STYLE.format(
        font="DejaVu Serif", body=11, size=10, width="width: 100%;", extra="td.l { width: 40%; }"
    )
    return _html(style, "Ekonomisk sammanställning", [head_row("", SIGNS_HEADS)], SIGNS_ROWS)


def groups_html() -> str:
    style = STYLE.format(
        font="DejaVu Sans",
        body=11,
        size=10,
        width="width: 100%;",
        extra="td.l { width: 62%; }",
    )
    return _html(style, "Driftredovisning", [head_row("", GROUPS_HEADS)], GROUPS_ROWS)


def filled_html() -> str:
    style = STYLE.format(font="DejaVu Serif", body=10, size=9, width="", extra="")
    return _html(style, "Bemanningsstruktur", [head_row("", ["2024", "2023"])], FILLED_ROWS)


def flush_html() -> str:
    style = STYLE.format(font="DejaVu Sans Mono", body=11, size=10, width="width: 100%;", extra="")
    caption = "Uppföljning investeringar, tkr"
    return _html(style, caption, [head_row("Projekt", FLUSH_HEADS)], FLUSH_ROWS)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """The reports laid out by Writer and exported as PDF, in one LibreOffice run."""
    pages = {
        "stacked": stacked_html(),
        "signs": signs_html(),
        "groups": groups_html(),
        "filled": filled_html(),
        "flush": flush_html(),
    }
    return render_with_writer(pages, tmp_path_factory.mktemp("writer_wraps"))


def test_reads_heads_stacked_bottom_aligned_whole_under_their_groups(rendered):
    # Ten interleaved lines stack five deep: the header was cut at six lines, leaving
    # `Utfall`, `Budget`, `Avvikelse` out of the heads (no measure for any column).
    (table,) = read(rendered["stacked"]).tables
    assert table.caption == "Budgetutfall januari–mars"
    groups, heads, *rows = table.rows
    assert [(cell.text, cell.span) for cell in groups if cell.text] == STACKED_GROUPS
    assert [cell.text.split(" (tusent")[0] for cell in heads] == ["Kostnadsslag", *STACKED_HEADS]
    assert all("kronor)" in cell.text for cell in heads[1:])
    assert texts(table)[2:] == STACKED_ROWS


def test_joins_a_negative_number_wrapped_after_its_minus_sign(rendered):
    # Read as printed, `-` was a line of its own heading a second table of `Summa`,
    # and `122443` was lost.
    (table,) = read(rendered["signs"]).tables
    assert texts(table)[1:] == SIGNS_ROWS


def test_joins_a_number_wrapped_between_its_digit_groups(rendered):
    # Read as printed, `735` was the row's figure (stored as 735 000 kronor where the
    # report printed 1 556 735 000) and `1 556` a row of its own.
    (table,) = read(rendered["groups"]).tables
    assert texts(table)[1:] == GROUPS_ROWS


def test_reads_the_row_of_a_label_filling_its_column(rendered):
    # `Årsarbeten 301,5 354,1` stood as one text, closer than a cell gap, and was dropped.
    (table,) = read(rendered["filled"]).tables
    assert texts(table) == [["", "2024", "2023"], *FILLED_ROWS]


def test_keeps_wide_numbers_starting_where_their_flush_left_columns_start(rendered):
    # `300 359 | 298 584` stand less than a digit apart, as the parts of one split
    # number would, but each starts where its column's numbers start: withheld before.
    (table,) = read(rendered["flush"]).tables
    cells = structure_table(table).cells
    values = [(c.cell.text, c.parsed.value) for c in cells if c.row_index == len(FLUSH_ROWS)]
    assert values == [
        ("Nettoinvesteringar", None),
        ("300 359", 300359.0),
        ("298 584", 298584.0),
        ("-1 775", -1775.0),
    ]
