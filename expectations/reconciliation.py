"""The reconciliation suite: every printed total, deviation and sum must agree within tolerance.

Real reports contain real errors, so a failing row is recorded (`passed = false`
in `quality_reconciliation`) and reported, never raised and never fixed. A failure
claims the source does not add up, so a check that cannot be made (an unreadable or
withheld figure, a total whose parts the table does not tell apart) is not judged:
`status = 'not_checked'`, `passed` NULL, and `not_checked_reason` says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from expectations.runner import SuiteOutcome, run_suite

SUITE_NAME = "reconciliation"
SOURCE_RELATION = "reconciliation_checks"
OUTPUT_TABLE = "quality_reconciliation"
VERIFICATION_TABLE = "quality_table_verification"
RECHECK_TABLE = "reports_to_recheck"  # temp: reports whose checks differ from those with verdicts
VERDICT_COLUMNS = ("passed", "status")  # what GE decides; every other column is the check's own

# One row per table with at least one reconciliation check: reconciliation doubles as a
# check on extraction. A table whose printed totals all agree is `verified`; one with a
# failing check `unverified`; one where a check could not be made (and none failed)
# `not_checked`; each with the reason a reader of the report would look for first.
VERIFICATION_SQL = f"""
create or replace table {VERIFICATION_TABLE} as
select
    report_key,
    any_value(file_name) as file_name,
    relation,
    table_id,
    min(page) as page,
    list_sort(list_distinct(list(page) filter (where not passed))) as failed_pages,
    count(*) filter (where passed is not null) as n_checks,
    count(*) filter (where not passed) as n_failed,
    count(*) filter (where passed is null) as n_not_checked,
    case
        when bool_or(not passed) then 'unverified'
        when bool_and(passed is not null) then 'verified'
        else 'not_checked'
    end as status,
    case
        when bool_or(not passed and actual is null)
            then 'a figure cannot be read as printed (truncated print or misread)'
        when bool_or(not passed) then 'printed figures do not add up (source error or misread)'
        when bool_and(passed is not null) then null
        else 'not every check could be made: ' || min(not_checked_reason)
    end as reason
from {OUTPUT_TABLE}
group by report_key, relation, table_id
"""

# Column name -> DuckDB type of quality_reconciliation (the warehouse contract plus keys).
QUALITY_COLUMNS = {
    "report_key": "varchar",
    "file_name": "varchar",
    "page": "integer",
    "relation": "varchar",
    "table_id": "integer",
    "row_index": "integer",
    "col_index": "integer",
    "check_name": "varchar",
    "measure": "varchar",
    "line_item": "varchar",
    "unit": "varchar",
    "factor_sek": "double",
    "amount_as_printed": "varchar",
    "expected": "double",
    "actual": "double",
    "difference": "double",
    "tolerance": "double",
    "passed": "boolean",
    "status": "varchar",
    "not_checked_reason": "varchar",
    "detail": "varchar",
}


@dataclass(frozen=True)
class ReconciliationResult:
    """What one reconciliation run found: how many checks, and the failing rows."""

    n_checks: int
    failures: tuple[dict, ...]
    outcome: SuiteOutcome


def reconciliation_expectations() -> list:
    """Given nothing, return the reconciliation rule as GE expectations."""
    import great_expectations.expectations as gxe  # here: GE costs seconds to import

    return [
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="tolerance", column_B="abs_difference", or_equal=True
        ),
        gxe.ExpectColumnValuesToNotBeNull(column="actual"),
    ]


def validate_reconciliation(
    checks: pd.DataFrame, docs_dir: Path | None = None
) -> tuple[pd.DataFrame, SuiteOutcome]:
    """Given reconciliation_checks rows, return them with GE's per-row `passed` verdict."""
    frame = checks.reset_index(drop=True)
    if "not_checked_reason" not in frame:
        frame["not_checked_reason"] = None
    frame = frame.assign(abs_difference=pd.to_numeric(frame["difference"]).abs())
    checked = frame.loc[frame["not_checked_reason"].isna()]
    outcome = run_suite(checked, SUITE_NAME, reconciliation_expectations(), docs_dir)
    errors = [e.error for e in outcome.expectations if e.error]
    if errors:
        raise ValueError(f"GE could not evaluate the reconciliation suite: {errors}")
    failed = outcome.failed_rows()
    frame["passed"] = pd.Series(
        [None if i not in checked.index else i not in failed for i in frame.index], dtype=object
    )
    frame["status"] = frame["passed"].map({True: "passed", False: "failed"}).fillna("not_checked")
    for column in QUALITY_COLUMNS:
        if column not in frame:
            frame[column] = None
    return frame[list(QUALITY_COLUMNS)], outcome


def write_quality_reconciliation(
    warehouse_path: Path, docs_dir: Path | None = None
) -> ReconciliationResult:
    """Given a warehouse file, validate its checks; write the verdicts and each table's status.

    Only the reports whose checks differ from those the file already holds verdicts for
    (an incremental build's copy of the live warehouse) are validated again: a verdict
    depends on its row's figures alone, so the others keep theirs. A new file, or one
    without verdicts, is validated whole. The verdicts table and the per-table status are
    written whole either way.
    """
    casts = ", ".join(f"cast({name} as {kind}) as {name}" for name, kind in QUALITY_COLUMNS.items())
    with duckdb.connect(str(warehouse_path)) as con:
        recheck = _reports_to_recheck(con)
        checks = con.sql(f"select * from {SOURCE_RELATION}{_only(recheck)}").df()
        verdicts, outcome = validate_reconciliation(checks, docs_dir)
        con.register("verdicts", verdicts)
        con.execute(f"create or replace temp table fresh_verdicts as select {casts} from verdicts")
        con.unregister("verdicts")
        if recheck is not None:  # the verdicts kept: reports whose checks are as they were
            con.execute(
                f"insert into fresh_verdicts select * from {OUTPUT_TABLE} "
                f"where report_key not in (select report_key from {RECHECK_TABLE})"
            )
        con.execute(f"create or replace table {OUTPUT_TABLE} as select * from fresh_verdicts")
        con.execute(VERIFICATION_SQL)
        n_checks = con.execute(f"select count(*) from {OUTPUT_TABLE}").fetchone()[0]
        failed = con.execute(f"select * from {OUTPUT_TABLE} where status = 'failed'")
        names = [column[0] for column in failed.description]
        failures = tuple(dict(zip(names, row, strict=True)) for row in failed.fetchall())
    return ReconciliationResult(n_checks=n_checks, failures=failures, outcome=outcome)


def _reports_to_recheck(con: duckdb.DuckDBPyConnection) -> str | None:
    """Given a warehouse, record in a temp table the reports whose checks differ from the
    ones it holds verdicts for; return that table, or None when it holds no verdicts."""
    held = {name for (name,) in con.execute("select table_name from duckdb_tables()").fetchall()}
    if OUTPUT_TABLE not in held:
        return None
    present = {row[0] for row in con.execute(f"describe {SOURCE_RELATION}").fetchall()}
    figures = [name for name in QUALITY_COLUMNS if name not in VERDICT_COLUMNS]
    fresh = ", ".join(
        f"cast({name if name in present else 'null'} as {QUALITY_COLUMNS[name]}) as {name}"
        for name in figures
    )
    kept = ", ".join(figures)
    con.execute(
        f"""
        create or replace temp table {RECHECK_TABLE} as
        with fresh as (select {fresh} from {SOURCE_RELATION}),
        kept as (select {kept} from {OUTPUT_TABLE}),
        differing as (
            (select * from fresh except all select * from kept)
            union all
            (select * from kept except all select * from fresh)
        )
        select distinct report_key from differing where report_key is not null
        """
    )
    return RECHECK_TABLE


def _only(recheck: str | None) -> str:
    """Given the table of reports to validate again (None: all), return the filter on checks.

    A check without a report key is always validated: it has no verdict of its own to keep.
    """
    if recheck is None:
        return ""
    return f" where report_key is null or report_key in (select report_key from {recheck})"
