"""Given a built warehouse, return the end-of-build summary the CLI prints.

Reports by dim_report's status; reconciliation failures by page, table and line, in the
unit the page prints, as Dagster's checks, the quality report and the report cards give them.
"""

from pathlib import Path

import duckdb

from orchestration.incremental_dbt import last_build_line
from orchestration.quality_sections import failure_line

# Contract relation names (docs: warehouse-contract.md), named here rather than imported from
# expectations/: importing Great Expectations would cost a nothing-changed build most of its time.
FACT_TABLE_PREFIX = "fct_"
OUTPUT_TABLE = "quality_reconciliation"
VERIFICATION_TABLE = "quality_table_verification"
COVERAGE_TABLE = "quality_table_coverage"
QUARANTINE_TABLE = "quality_quarantine"
REPORT_TABLE = "dim_report"
RECONCILIATION_COLUMNS = (
    "file_name", "page", "table_id", "relation", "line_item", "check_name", "measure", "unit",
    "factor_sek", "expected", "actual", "difference",
)  # fmt: skip


def summary_lines(warehouse: Path, extracted_dir: Path) -> list[str]:
    """Given the warehouse and its Parquet folder, return the summary as printable lines."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return [
            *filter(None, [last_build_line(con)]),
            *_report_lines(con, extracted_dir),
            *_fact_lines(con),
            *_verification_lines(con),
            *_coverage_lines(con),
            *_quarantine_lines(con),
            *_reconciliation_lines(con),
        ]


def _report_lines(con: duckdb.DuckDBPyConnection, extracted_dir: Path) -> list[str]:
    """Given a connection, return report counts by status, errors, and warnings."""
    pattern = str(extracted_dir / "reports" / "*.parquet")
    # dbt may mark a read report partial (numeric tables not read into facts) or failed (every
    # fact withheld for breaking the contract): its status and error win
    in_dbt = _exists(con, REPORT_TABLE)
    status, error = ("dim.status", "dim.error") if in_dbt else ("file.status", "file.error")
    joined = f"left join {REPORT_TABLE} as dim using (report_key)" if in_dbt else ""
    rows = con.execute(
        f"select file.file_name, coalesce({status}, file.status), coalesce({error}, file.error),"
        f" file.warnings from read_parquet($p, union_by_name = true) as file {joined}"
        " order by file.file_name",
        {"p": pattern},
    ).fetchall()
    counts = {status: sum(r[1] == status for r in rows) for status in ("ok", "partial", "failed")}
    lines = [
        f"Reports read: {len(rows)} ("
        + ", ".join(f"{n} {status}" for status, n in counts.items())
        + ")"
    ]
    lines += [f"  failed {name}: {error}" for name, status, error, _ in rows if status == "failed"]
    warnings = [(name, w) for name, _, _, ws in rows for w in ws or []]
    lines.append(f"Warnings: {len(warnings)}")
    lines += [f"  {name}: {warning}" for name, warning in warnings]
    return lines


def _fact_lines(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Given a connection, return the row count of each fact table in the warehouse."""
    tables = con.execute(
        "select table_name from information_schema.tables"
        " where starts_with(table_name, $prefix) order by table_name",
        {"prefix": FACT_TABLE_PREFIX},
    ).fetchall()
    lines = ["Facts:"]
    for (table,) in tables:
        (count,) = con.execute(f"select count(*) from {table}").fetchone()
        lines.append(f"  {table}: {count}")
    return lines


def _verification_lines(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Given a connection, return the share of reconciled tables whose totals all agree."""
    verified, checked = con.execute(
        f"select count(*) filter (where status = 'verified'), count(*) from {VERIFICATION_TABLE}"
    ).fetchone()
    share = f"{verified / checked:.0%}" if checked else "no table had a printed total"
    return [f"Tables verified: {verified} of {checked} reconciled tables ({share})"]


def _coverage_lines(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Given a connection, return the numeric regions read into facts, per report and in total.

    Each unread region, withheld row, table of withheld figures, withheld prose figure and
    withheld column is listed with its reason; tables of a kind the warehouse does not load
    (indicators, statistics) are counted apart.
    """
    if not _exists(con, COVERAGE_TABLE):
        return []
    rows = con.execute(
        f"select file_name, region_kind, is_read, is_in_scope, page, region, reason"
        f" from {COVERAGE_TABLE} order by file_name, page, region"
    ).fetchall()
    regions = [r for r in rows if not r[1].startswith("withheld_") and r[3]]
    read = sum(r[2] for r in regions)
    lines = [f"Numeric tables read into facts: {read} of {len(regions)} ({_share(read, regions)})"]
    for name in sorted({r[0] for r in regions}):
        mine = [r for r in regions if r[0] == name]
        done = sum(r[2] for r in mine)
        lines.append(f"  {name}: {done} of {len(mine)} ({_share(done, mine)})")
        lines += [
            f"    page {p}: {region} ({reason})"
            for _, _, ok, _, p, region, reason in mine
            if not ok
        ]
    withheld = [r for r in rows if r[1] == "withheld_row"]
    lines.append(f"Rows withheld (cells shifted): {len(withheld)}")
    lines += [f"  {r[0]} page {r[4]}: {r[5]}" for r in withheld]
    figures = [r for r in rows if r[1] == "withheld_figures"]
    lines.append(f"Figures withheld (sign or deviation undecided): {len(figures)} tables")
    lines += [f"  {r[0]} page {r[4]}: {r[5]} ({r[6]})" for r in figures]
    prose = [r for r in rows if r[1] == "withheld_prose"]
    lines.append(f"Prose figures withheld: {len(prose)}")
    lines += [f"  {r[0]} page {r[4]}: {r[5]} ({r[6]})" for r in prose]
    columns = [r for r in rows if r[1] == "withheld_column"]
    lines.append(f"Columns withheld (their meaning broke an invariant): {len(columns)}")
    lines += [f"  {r[0]} page {r[4]}: {r[5]} ({r[6]})" for r in columns]
    other = [r for r in rows if not r[3]]
    lines.append(f"Numeric tables of kinds not loaded as facts: {len(other)}")
    return lines


def _quarantine_lines(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Given a connection, return the rows withheld for breaking the contract, by report and rule.

    Each line names the file, page, fact table, rule and fact key, and why.
    """
    if not _exists(con, QUARANTINE_TABLE):
        return []
    rows = con.execute(
        f"select file_name, page, relation, rule, column_name, fact_key, rows_withheld, reason"
        f" from {QUARANTINE_TABLE} order by file_name, relation, page, fact_key, rule, column_name"
    ).fetchall()
    lines = [f"Contract breaches (their rows withheld, the rest published): {len(rows)}"]
    lines += [
        f"  {name} p.{page} {relation} {rule}({column}) {key}: {n} rows withheld ({reason})"
        for name, page, relation, rule, column, key, n, reason in rows
    ]
    return lines


def _share(part: int, whole: list) -> str:
    return f"{part / len(whole):.0%}" if whole else "no numeric table"


def _exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Given a connection and a table name, return whether the warehouse holds it."""
    query = "select count(*) from information_schema.tables where table_name = $t"
    return con.execute(query, {"t": table}).fetchone()[0] > 0


def _reconciliation_lines(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Given a connection, return the number of reconciliation checks and each failure."""
    total, not_checked = con.execute(
        f"select count(*) filter (where passed is not null), count(*) filter (where passed is null)"
        f" from {OUTPUT_TABLE}"
    ).fetchone()
    failures = con.execute(
        f"select {', '.join(RECONCILIATION_COLUMNS)} from {OUTPUT_TABLE} where not passed"
        " order by file_name, page nulls last, table_id, row_index, col_index, measure"
    ).fetchall()
    lines = [
        f"Reconciliation failures: {len(failures)} of {total} checks ({not_checked} not checked)"
    ]
    for row in failures:
        check = dict(zip(RECONCILIATION_COLUMNS, row, strict=True))
        lines.append(f"  {check['file_name']} {failure_line(check)}")
    return lines
