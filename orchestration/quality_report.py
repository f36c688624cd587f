"""Given a built warehouse, write the quality report: one self-contained, offline HTML page.

Great Expectations' own Data Docs load their styles and scripts from a CDN and
name a failing row by its frame index; this page needs no network (inline CSS,
no script, no external URL) and names every check by file, page, table and line,
with its figures in the unit the page prints. Every text from a report (file
names, labels, reasons) is escaped: documents are untrusted input.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from expectations.runner import SuiteOutcome
from orchestration.quality_sections import (
    contract_html,
    dbt_tests_html,
    page,
    report_html,
    summary_html,
)

REPORTS_SQL = "select report_key, file_name, status, error from dim_report order by file_name"
CHECKS_SQL = """
select report_key, page, relation, table_id, line_item, check_name, measure, unit, factor_sek,
    amount_as_printed, expected, actual, difference, status, not_checked_reason, detail
from quality_reconciliation
where status != 'passed'
order by file_name, page nulls last, table_id, row_index, col_index, measure
"""
COUNTS_SQL = "select status, count(*) from quality_reconciliation group by status"
UNREAD_SQL = """
select report_key, page, region_kind, table_id, region, reason
from quality_table_coverage
where not is_read and is_in_scope
order by file_name, page, table_id, row_index
"""

WITHHELD_SQL = """
select report_key, page, relation, rule, column_name, fact_key, rows_withheld, value, reason
from quality_quarantine
order by file_name, page, relation, fact_key
"""


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    """Given a connection and a query, return its rows as dicts by column name."""
    result = con.execute(sql)
    names = [column[0] for column in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


def _by_report(rows: list[dict]) -> dict[str, list[dict]]:
    """Given rows with a report_key, return them grouped per report, order kept."""
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["report_key"], []).append(row)
    return grouped


def quality_report_html(
    warehouse: Path,
    contract: Sequence[SuiteOutcome] = (),
    dbt_results: dict | None = None,
) -> str:
    """Given a warehouse, its contract suites' outcomes and dbt's run results, return the page."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        reports = _rows(con, REPORTS_SQL)
        checks = _by_report(_rows(con, CHECKS_SQL))
        unread = _by_report(_rows(con, UNREAD_SQL))
        withheld = _by_report(_rows(con, WITHHELD_SQL))
        counts = dict(con.execute(COUNTS_SQL).fetchall())
    body = [
        "<h1>Quality report</h1>",
        summary_html(reports, counts),
        contract_html(contract),
        dbt_tests_html(dbt_results),
        "<h2>Reports</h2>",
    ]
    for report in reports:
        key = report["report_key"]
        found = (checks.get(key, []), unread.get(key, []), withheld.get(key, []))
        body.append(report_html(report, *found))
    return page("Quality report", "".join(body))


def write_quality_report(
    warehouse: Path,
    out: Path,
    contract: Sequence[SuiteOutcome] = (),
    dbt_results: dict | None = None,
) -> Path:
    """Given a warehouse and where to write, write the quality report there; return the file."""
    out.parent.mkdir(parents=True, exist_ok=True)
    text = quality_report_html(warehouse, contract, dbt_results)
    temporary = out.with_name(out.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(out)  # a reader never opens half a page
    return out
