"""The header forms of issue 23 through extraction and the dbt build: each column's measure.

The PDFs are drawn by `tests/extract/header_forms.py`; a manifest names each report's
committee and period, as a municipality's archive would. One report prints its table
as running text that no reader makes a table of: it is a numeric region, and partial.
"""

import duckdb
import pytest

from tests.dbt_runs import drawn_warehouse
from tests.extract import header_forms as forms

DRAWN = {
    "two_lines.pdf": forms.two_line_header_above_rule,
    "band.pdf": forms.shaded_header_band,
    "grid.pdf": forms.spanning_ruled_header,
    "continued.pdf": forms.continued_under_repeated_header,
    "sideways.pdf": lambda path: forms.sideways_operating_page(path, 90),
    "running.pdf": forms.numbers_in_running_text,
}
MANIFEST = """file,municipality,committee,period_end,report_kind
two_lines.pdf,Ystad,Socialnämnden,2025-08-31,delårsrapport
band.pdf,Ystad,Kultur- och fritidsnämnden,2025-06-30,månadsuppföljning
grid.pdf,Ystad,Kommunstyrelsen,2025-08-31,delårsrapport
continued.pdf,Ystad,Vård- och omsorgsnämnden,2025-08-31,delårsrapport
sideways.pdf,Ystad,Barn- och utbildningsnämnden,2025-08-31,delårsrapport
running.pdf,Ystad,Tekniska nämnden,2025-08-31,delårsrapport
"""
GRID_MEASURES = [
    ("Period jan–aug Avvikelse", "deviation_ytd"),
    ("Period jan–aug Budget", "budget_ytd"),
    ("Period jan–aug Utfall", "outcome_ytd"),
    ("Helår Avvikelse", "deviation_forecast"),
    ("Helår Budget", "budget"),
    ("Helår Prognos", "forecast"),
]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """Draw the reports, extract them, build dbt on them; return the warehouse."""
    path = drawn_warehouse(tmp_path_factory.mktemp("header_forms"), MANIFEST, DRAWN)
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def measures(warehouse, file_name: str, relation: str = "fct_operating_budget") -> list:
    """Given a report file, return (column header, measure) of its facts, per table."""
    return warehouse.execute(
        f"""
        select distinct fact.table_id, fact.column_header, fact.measure
        from {relation} as fact
        inner join dim_report as report using (report_key)
        where report.file_name = ?
        order by fact.table_id, fact.measure
        """,
        [file_name],
    ).fetchall()


def amounts(warehouse, file_name: str, line_item: str) -> dict[str, float]:
    """Given a report file and a line, return its SEK amounts by measure."""
    rows = warehouse.execute(
        """
        select fact.measure, fact.amount_sek
        from fct_operating_budget as fact
        inner join dim_report as report using (report_key)
        where report.file_name = ? and fact.line_item = ?
        """,
        [file_name, line_item],
    ).fetchall()
    return dict(rows)


def test_two_header_lines_above_the_rule_name_each_column_and_parentheses_are_minus(warehouse):
    assert measures(warehouse, "two_lines.pdf") == [
        (1, "Budget 2025", "budget"),
        (1, "Budget jan–aug", "budget_ytd"),
        (1, "Avvikelse (+ = överskott)", "deviation_ytd"),
        (1, "Utfall jan–aug", "outcome_ytd"),
    ]
    assert amounts(warehouse, "two_lines.pdf", "Förskola") == {
        "budget": -182_400_000,
        "budget_ytd": -121_600_000,
        "outcome_ytd": -123_330_000,
        "deviation_ytd": -1_730_000,
    }


def test_a_shaded_band_gives_a_measure_for_every_column(warehouse):
    assert measures(warehouse, "band.pdf") == [
        (1, "Budget 2025", "budget"),
        (1, "Avvikelse budget/prognos", "deviation_forecast"),
        (1, "Prognos helår 2025", "forecast"),
        (1, "Bokslut 2024", "outcome_prior_year"),
        (1, "Utfall 2025-06-30", "outcome_ytd"),
    ]


def test_a_spanning_ruled_header_names_period_and_full_year_columns(warehouse):
    expected = sorted((1, header, measure) for header, measure in GRID_MEASURES)
    assert sorted(measures(warehouse, "grid.pdf")) == expected


def test_a_sideways_operating_page_and_the_investment_table_after_it_give_facts(warehouse):
    expected = sorted((1, header, measure) for header, measure in GRID_MEASURES)
    assert sorted(measures(warehouse, "sideways.pdf")) == expected
    assert amounts(warehouse, "sideways.pdf", "Kommunikation")["deviation_forecast"] == 671_000
    assert measures(warehouse, "sideways.pdf", "fct_investment_budget") == [
        (2, "Budget 2025", "budget"),
        (2, "Avvikelse", "deviation"),
        (2, "Utfall jan–aug", "outcome_ytd"),
    ]


def test_a_continued_table_is_one_table_and_the_next_table_keeps_its_own_rows(warehouse):
    lines = warehouse.execute(
        """
        select fact.table_id, count(distinct fact.line_item)
        from fct_operating_budget as fact
        inner join dim_report as report using (report_key)
        where report.file_name = 'continued.pdf'
        group by fact.table_id
        """
    ).fetchall()
    assert lines == [(1, 55)]  # 54 units and their sum, over two pages
    projects = warehouse.execute(
        """
        select distinct fact.project
        from fct_investment_budget as fact
        inner join dim_report as report using (report_key)
        where report.file_name = 'continued.pdf'
        order by fact.project
        """
    ).fetchall()
    assert projects == [("Förskola Norr",), ("Gruppbostad Väster",), ("Summa investeringar",)]


def test_numbers_no_reader_made_a_table_make_the_report_partial_and_say_where(warehouse):
    status, error, warnings = warehouse.execute(
        "select status, error, warnings from dim_report where file_name = 'running.pdf'"
    ).fetchone()
    assert (status, error) == ("partial", "numeric regions not read into facts: 1")
    assert warnings == [
        'page 1: lines from "Nämnd och förvaltning 4 120 2 655 (92)" not read into facts'
        " (no table found)"
    ]
    others = warehouse.execute(
        "select distinct status from dim_report where file_name != 'running.pdf'"
    ).fetchall()
    assert others == [("ok",)]
