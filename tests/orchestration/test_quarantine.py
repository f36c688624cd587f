"""One report's content never fails the build: its rows that break the contract are withheld.

A real CLI build (extraction, dbt, Great Expectations, Dagster recording in
$DAGSTER_HOME) of two good text exports and three that each break a contract
test of fct_sick_leave: a report whose period is not found (its rates have no
year, and this year's and last year's share one key), one whose only figure is
a rate with no period to date it (nothing of it is left), and one printing its
rates in three tables under a bare `Utfall` with no period to date them (each
table's rate has no year; the sick-leave table, which gives nothing else, is
withheld whole and its coverage row says why; the two tables beside a bare
`Budget` are withheld column by column before any fact is made, so nothing of
that report is left). Before quarantine such a folder failed dbt's tests
and published nothing. A sixth report printing the same sick-leave line in two
tables on one page breaks nothing: each table's rates are their own facts.
"""

from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.defs.assets import REPORTS_KEY
from orchestration.defs.quarantine import QUARANTINE_CHECK
from tests.orchestration.conftest import REPORT_FILES, CliRun, copy_reports, run_cli
from tests.orchestration.contract_tables import report_checksums

BROKEN_FILES = ("period_unknown.txt", "rate_undated.txt", "rates_without_year.txt")
TWO_TABLES = "rates_in_two_tables.txt"


@dataclass(frozen=True)
class Builds:
    """A build of good and broken reports, one of the good ones alone, and the checks recorded."""

    mixed: CliRun
    mixed_warehouse: Path
    good: CliRun
    good_warehouse: Path
    checks: dict[str, tuple[str, str]]


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> Builds:
    """Build all five reports (recorded in a Dagster home), then the two good ones alone."""
    root = tmp_path_factory.mktemp("quarantine")
    mixed_warehouse = root / "mixed" / "warehouse.duckdb"
    good_warehouse = root / "good" / "warehouse.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DAGSTER_HOME", str(root / "dagster_home"))
        mixed = run_cli(
            copy_reports(root / "raw_mixed", REPORT_FILES + BROKEN_FILES + (TWO_TABLES,)),
            mixed_warehouse,
        )
        with dg.DagsterInstance.get() as instance:
            checks = quarantine_checks(instance)
    good = run_cli(copy_reports(root / "raw_good", REPORT_FILES), good_warehouse)
    return Builds(mixed, mixed_warehouse, good, good_warehouse, checks)


def quarantine_checks(instance: dg.DagsterInstance) -> dict[str, tuple[str, str]]:
    """Given an instance, return partition -> (status, description) of its contract check."""
    history = instance.event_log_storage.get_asset_check_execution_history(
        dg.AssetCheckKey(REPORTS_KEY, QUARANTINE_CHECK), limit=100
    )
    return {
        record.partition: (
            record.status.value,
            record.event.dagster_event.event_specific_data.description,
        )
        for record in history
    }


def query(warehouse: Path, sql: str) -> list[tuple]:
    """Given a warehouse and a query, return its rows."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_a_folder_with_broken_reports_builds_and_publishes(builds):
    assert builds.mixed.status == 0, builds.mixed.err
    assert builds.good.status == 0, builds.good.err
    files = query(builds.mixed_warehouse, "select file_name from dim_report order by file_name")
    assert [name for (name,) in files] == sorted(REPORT_FILES + BROKEN_FILES + (TWO_TABLES,))


def test_the_good_reports_facts_equal_a_build_without_the_broken_ones(builds):
    keys = {key for (key,) in query(builds.good_warehouse, "select report_key from dim_report")}
    good = report_checksums(builds.good_warehouse, keys)
    assert report_checksums(builds.mixed_warehouse, keys) == good
    assert good["fct_operating_budget"][0] > 0 and good["fct_staffing"][0] > 0


def test_each_broken_report_names_its_rules_in_dim_report(builds):
    rows = query(
        builds.mixed_warehouse,
        "select file_name, status, error from dim_report order by file_name",
    )
    assert rows == [
        (
            "period_unknown.txt",
            "partial",
            "rows withheld for breaking the contract: 2"
            " (fct_sick_leave not_null(fiscal_year), fct_sick_leave unique(fact_key))",
        ),
        (
            "rate_undated.txt",
            "failed",
            "rows withheld for breaking the contract: 1 (fct_sick_leave not_null(fiscal_year))",
        ),
        ("rates_in_two_tables.txt", "ok", None),
        (
            "rates_without_year.txt",
            "failed",
            "numeric regions not read into facts: 5;"
            " rows withheld for breaking the contract: 5 (fct_sick_leave not_null(fiscal_year))",
        ),
        ("report_one.txt", "ok", None),
        ("report_two.txt", "ok", None),
    ]
    (warnings,) = query(
        builds.mixed_warehouse,
        "select warnings from dim_report where file_name = 'rate_undated.txt'",
    )[0]
    assert [w.split(": ", 1)[1] for w in warnings if w.startswith("fct_")] == [
        "c868f057b5922a2e-prose-1 withheld"
        " (fct_sick_leave not_null(fiscal_year): fiscal_year is NULL)"
    ]


def year_missing(file_name: str, fact_key: str, rows: int = 1) -> tuple:
    """Given a report file and a sick-leave fact key, return its row withheld for no year."""
    rule = ("fct_sick_leave", "not_null", "fiscal_year", 1, rows, "fiscal_year is NULL")
    return (file_name, *rule, f"<report>-{fact_key}")


def test_quality_quarantine_names_the_rule_relation_and_rows(builds):
    rows = query(
        builds.mixed_warehouse,
        "select file_name, relation, rule, column_name, page, rows_withheld, reason,"
        " replace(fact_key, report_key, '<report>') from quality_quarantine order by all",
    )
    undated = ["1-1-Sjukfrånvaro, %", "2-1-Sjukfrånvaro, %", "3-1-Totalt", "3-2-Kvinnor", "3-3-Män"]
    assert rows == [
        year_missing("period_unknown.txt", "prose-1", rows=2),
        ("period_unknown.txt", "fct_sick_leave", "unique", "fact_key", 1, 2,
         "fact_key is shared by 2 rows", "<report>-prose-1"),
        year_missing("rate_undated.txt", "prose-1"),
        *[year_missing("rates_without_year.txt", f"table-1-{key}") for key in undated],
    ]  # fmt: skip


def test_the_withheld_rows_are_out_of_the_fact_table_and_the_rest_of_the_report_is_in(builds):
    rows = query(
        builds.mixed_warehouse,
        "select report.file_name, fact.metric, fact.value from fct_staffing as fact"
        " inner join dim_report as report using (report_key)"
        " where report.file_name in ('period_unknown.txt', 'rates_without_year.txt')"
        " order by all",
    )
    assert rows == [
        ("period_unknown.txt", "employees", 112.0),
        ("period_unknown.txt", "employees_men", 32.0),
        ("period_unknown.txt", "employees_women", 80.0),
    ]  # `Antal årsarbetare` under a bare `Utfall` / `Budget` of no year is withheld
    broken = query(
        builds.mixed_warehouse,
        "select count(*) from fct_sick_leave inner join dim_report using (report_key)"
        f" where file_name in {BROKEN_FILES}",
    )
    assert broken == [(0,)]


def test_the_cli_summary_prints_each_broken_report_and_breach(builds):
    lines = builds.mixed.out.splitlines()
    assert "Reports read: 6 (3 ok, 1 partial, 2 failed)" in lines
    assert (
        "  failed rate_undated.txt: rows withheld for breaking the contract: 1"
        " (fct_sick_leave not_null(fiscal_year))" in lines
    )
    start = lines.index("Contract breaches (their rows withheld, the rest published): 8")
    assert lines[start + 1 : start + 3] == [
        "  period_unknown.txt p.1 fct_sick_leave not_null(fiscal_year)"
        " 4cb7a7951b37c990-prose-1: 2 rows withheld (fiscal_year is NULL)",
        "  period_unknown.txt p.1 fct_sick_leave unique(fact_key)"
        " 4cb7a7951b37c990-prose-1: 2 rows withheld (fact_key is shared by 2 rows)",
    ]
    # no contract check errors: the only ERRORs are the failed reports' own status
    errors = [line.strip() for line in lines if "(ERROR)" in line]
    assert errors == [
        "extracted/reports: report_read (ERROR) rate_undated.txt: failed: rows withheld for"
        " breaking the contract: 1 (fct_sick_leave not_null(fiscal_year))",
        "extracted/reports: report_read (ERROR) rates_without_year.txt: failed: numeric regions"
        " not read into facts: 5; rows withheld for breaking the contract: 5"
        " (fct_sick_leave not_null(fiscal_year))",
    ]


def test_each_report_partition_shows_its_contract_check(builds):
    assert builds.checks["report_one.txt"] == ("SUCCEEDED", "report_one.txt: contract kept")
    assert builds.checks["report_two.txt"][0] == "SUCCEEDED"
    status, description = builds.checks["rate_undated.txt"]
    assert status == "FAILED"
    assert description == (
        "rate_undated.txt: failed: rows withheld for breaking the contract:"
        " fct_sick_leave p.1 not_null(fiscal_year) c868f057b5922a2e-prose-1:"
        " 1 rows withheld (fiscal_year is NULL)"
    )
    assert builds.checks["period_unknown.txt"][0] == "FAILED"
    assert builds.checks["rates_without_year.txt"][0] == "FAILED"
    assert builds.checks[TWO_TABLES][0] == "SUCCEEDED"


def test_the_same_rate_line_in_two_tables_on_one_page_is_two_tables_rates(builds):
    rows = query(
        builds.mixed_warehouse,
        "select fact.table_id, fact.fiscal_year, fact.sick_leave_pct from fct_sick_leave as fact"
        " inner join dim_report as report using (report_key)"
        f" where report.file_name = '{TWO_TABLES}' order by all",
    )
    assert rows == [(1, 2023, 3.9), (1, 2024, 4.2), (2, 2023, 5.5), (2, 2024, 5.1)]


def test_a_table_whose_every_fact_was_withheld_says_which_rule_it_broke(builds):
    rows = query(
        builds.mixed_warehouse,
        "select coverage.table_id, coverage.facts_produced, coverage.reason"
        " from quality_table_coverage as coverage"
        " where coverage.file_name = 'rates_without_year.txt' order by all",
    )
    no_year = (
        "withheld: time scope: no year:"
        " the header prints none and the report's period was not found"
    )
    assert rows == [
        (1, 0, no_year),
        (1, 0, no_year),
        (2, 0, no_year),
        (2, 0, no_year),
        (3, 0, "withheld: contract broken (fct_sick_leave not_null(fiscal_year))"),
    ]
