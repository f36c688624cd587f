"""A report whose numeric tables are not all read ends `partial`, and says which and why.

Real extraction, dbt build, Great Expectations and the summary the CLI prints.

The fixture is a text export cut from a real interim report: an investment table whose
`Summa` row is printed one column to the right (as on Askersund's page 19), a table of
visits whose kind no vocabulary names, and rows of numbers in the running text.
"""

from pathlib import Path

import duckdb
import pytest

from expectations.reconciliation import write_quality_reconciliation
from extract.pipeline import extract_report
from orchestration.summary import summary_lines
from tests.dbt_runs import dbt_build

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "orchestration" / "unread_tables.txt"


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """Extract the report, build dbt and the reconciliation on it; return summary and warehouse."""
    root = tmp_path_factory.mktemp("coverage")
    (root / FIXTURE.name).write_bytes(FIXTURE.read_bytes())
    extract_report(root / FIXTURE.name, root / "extracted")
    warehouse = root / "warehouse.duckdb"
    dbt_build(root, warehouse, root / "extracted")
    write_quality_reconciliation(warehouse)
    lines = summary_lines(warehouse, root / "extracted")
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield "\n".join(lines), connection
    connection.close()


def test_a_report_with_an_unread_numeric_table_is_partial_and_says_why(build):
    _, warehouse = build
    status, error, warnings = warehouse.execute(
        "select status, error, warnings from dim_report"
    ).fetchone()
    assert (status, error) == ("partial", "numeric regions not read into facts: 3")
    assert [w for w in warnings if "not read into facts" in w] == [
        'page 1: lines from "Fotboll 120 135" not read into facts (no table found)',
        "page 1: table 1 row 6: Summa (column 1 is empty although 100% of the other rows print it;"
        " column 5 is printed although only 20% of the other rows print it)"
        " not read into facts (withheld: cells shifted)",
        "page 1: table 2: Deltagartillfällen per anläggning"
        " not read into facts (table kind unknown)",
    ]


def test_every_numeric_region_has_a_coverage_row(build):
    _, warehouse = build
    rows = warehouse.execute(
        "select region_kind, table_id, row_index, numeric_rows, facts_produced, reason"
        " from quality_table_coverage order by region_kind, table_id"
    ).fetchall()
    assert rows == [
        ("table", 1, None, 6, 20, None),
        ("table", 2, None, 3, 0, "table kind unknown"),
        ("text", None, None, 3, 0, "no table found"),
        ("withheld_row", 1, 6, 1, 0, "withheld: cells shifted"),
    ]


def test_a_row_printed_one_column_off_produces_no_facts(build):
    _, warehouse = build
    projects = warehouse.execute(
        "select project, count(*) from fct_investment_budget group by project order by project"
    ).fetchall()
    assert [project for project, _ in projects] == [
        "Askersund förskola",
        "Närlundaskolan, etapp 2",
        "Närlundaskolan, omgivande markarbete",
        "Sjöängen, utveckling foajé",
        "Åsbro förskola",
    ]


def test_the_summary_prints_coverage_next_to_the_verified_share(build):
    summary, _ = build
    lines = summary.splitlines()
    verified = next(i for i, line in enumerate(lines) if line.startswith("Tables verified:"))
    assert lines[verified + 1 : verified + 6] == [
        "Numeric tables read into facts: 1 of 3 (33%)",
        "  unread_tables.txt: 1 of 3 (33%)",
        '    page 1: lines from "Fotboll 120 135" (no table found)',
        "    page 1: table 2: Deltagartillfällen per anläggning (table kind unknown)",
        "Rows withheld (cells shifted): 1",
    ]
    assert "Reports read: 1 (0 ok, 1 partial, 0 failed)" in summary
