"""Given a built warehouse, return the end-of-build summary the CLI prints."""

from pathlib import Path

import duckdb

# Contract relation names (docs: warehouse-contract.md), named here rather than imported from
# expectations/: importing Great Expectations would cost a nothing-changed build most of its time.
FACT_TABLE_PREFIX = "fct_"
OUTPUT_TABLE = "quality_reconciliation"
VERIFICATION_TABLE = "quality_table_verification"
RECONCILIATION_COLUMNS = (
    "file_name, page, relation, check_name, measure, line_item, expected, actual"
)


def summary_lines(warehouse: Path, extracted_dir: Path) -> list[str]:
    """Given the warehouse and its Parquet folder, return the summary as printable lines."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return [
            *_report_lines(con, extracted_dir),
            *_fact_lines(con),
            *_verification_lines(con),
            *_reconciliation_lines(con),
        ]


def _report_lines(con: duckdb.DuckDBPyConnection, extracted_dir: Path) -> list[str]:
    """Given a connection, return report counts by status, errors, and warnings."""
    pattern = str(extracted_dir / "reports" / "*.parquet")
    rows = con.execute(
        "select file_name, status, error, warnings from read_parquet($p, union_by_name = true)"
        " order by file_name",
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


def _reconciliation_lines(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Given a connection, return the number of reconciliation checks and each failure."""
    (total,) = con.execute(f"select count(*) from {OUTPUT_TABLE}").fetchone()
    failures = con.execute(
        f"select {RECONCILIATION_COLUMNS} from {OUTPUT_TABLE} where not passed"
        " order by file_name, page, relation, check_name, line_item"
    ).fetchall()
    lines = [f"Reconciliation failures: {len(failures)} of {total} checks"]
    for name, page, relation, check, measure, item, expected, actual in failures:
        lines.append(
            f"  {name} p.{page} {relation} {check} [{measure}] {item}:"
            f" expected {expected}, actual {actual}"
        )
    return lines
