"""Great Expectations behind Dagster: the reconciliation table and asset checks.

A failed reconciliation is the source document's own inconsistency (WARN);
a fact row without lineage keys or with an unknown measure is a broken
warehouse contract (ERROR), and blocks publishing the build. Both read the
build in progress (`<warehouse>.building`) when there is one, and write into
the quality folder beside the live one (`quality.building`), published with the
build: each contract suite's outcome in `contract/` for the offline quality
report (`orchestration.defs.quality_report`), and, when asked for
(`KOMMUNLAGER_DATA_DOCS=1`), GE's own Data Docs out of the way in
`great_expectations/` (they load their styles from a CDN). Rendering them was
most of a check's time, GE re-rendering the site after every suite and batch,
for pages nothing in the build reads.
"""

import os
from pathlib import Path

import dagster as dg

from expectations.facts import FACT_TABLES, check_fact_table
from expectations.reconciliation import (
    OUTPUT_TABLE,
    SOURCE_RELATION,
    ReconciliationResult,
    write_quality_reconciliation,
)
from expectations.runner import save_outcome
from orchestration.defs.resources import KommunlagerPaths
from orchestration.incremental_dbt import checked_reports
from orchestration.publishing import building_docs, current_build
from orchestration.quality_sections import failure_line

QUALITY_KEY = dg.AssetKey(OUTPUT_TABLE)
GE_DOCS_DIR = "great_expectations"  # GE's Data Docs: they ask for CDN URLs, so not the index
DATA_DOCS_ENV = "KOMMUNLAGER_DATA_DOCS"  # "1": render GE's Data Docs too (off by default)
CONTRACT_DIR = "contract"  # one JSON per contract suite, read by the quality report
RECONCILIATION_CHECK = "reconciliation_agrees"
MAX_LISTED_FAILURES = 50  # keeps check metadata readable; the table holds them all
RECONCILIATION_DESCRIPTION = (
    "Every printed total, deviation and headcount agrees with the figures it sums, within "
    "the rounding of the print (GE on reconciliation_checks). WARN: a failure is the report's "
    "own inconsistency or a misread; each is listed by file, page, table and line, in the unit "
    "the page prints, and kept in quality_reconciliation with passed = false; each report's "
    "own are its totals_reconcile check on its partition."
)
QUALITY_DESCRIPTION = (
    "One row per reconciliation check run (a printed total, deviation or headcount against "
    "its parts), with Great Expectations' verdict: passed, failed or not_checked with the "
    "reason, the figures in SEK and the unit the page prints, file, page, table and cell "
    "(docs/warehouse-contract.md). The quality report and the report checks read it."
)
CONTRACT_DESCRIPTION = (
    "The fact table keeps the warehouse contract (GE): every row has its report_key and page, "
    "a known measure and unit. ERROR and blocking: a broken contract stops publishing."
)


@dg.asset(
    key=QUALITY_KEY,
    deps=[dg.AssetKey(SOURCE_RELATION)],
    group_name="quality",
    description=QUALITY_DESCRIPTION,
    kinds={"duckdb", "great_expectations"},
    check_specs=[
        dg.AssetCheckSpec(
            RECONCILIATION_CHECK, asset=QUALITY_KEY, description=RECONCILIATION_DESCRIPTION
        )
    ],
)
def quality_reconciliation(paths: KommunlagerPaths) -> dg.MaterializeResult:
    """Given reconciliation_checks, write GE's per-row verdicts (and GE's Data Docs, asked)."""
    result = write_quality_reconciliation(current_build(paths.warehouse()), data_docs_dir(paths))
    metadata = {"checks": result.n_checks, "failed": len(result.failures)}
    if data_docs_dir(paths) is not None:
        index = paths.quality() / GE_DOCS_DIR / "index.html"
        metadata["data_docs"] = dg.MetadataValue.path(str(index))
    return dg.MaterializeResult(
        metadata=metadata, check_results=[reconciliation_check_result(result)]
    )


def data_docs_dir(paths: KommunlagerPaths) -> Path | None:
    """Given the paths, return the folder GE renders its Data Docs into, None unless asked
    for: the build's own, swapped in for the live one on publish."""
    if os.environ.get(DATA_DOCS_ENV, "").strip() != "1":
        return None
    return building_docs(paths.quality()) / GE_DOCS_DIR


def reconciliation_check_result(result: ReconciliationResult) -> dg.AssetCheckResult:
    """Given a reconciliation run, return a WARN check that lists the failing checks."""
    ordered = sorted(result.failures, key=_where_printed)
    listed = [f"{row['file_name']} {failure_line(row)}" for row in ordered[:MAX_LISTED_FAILURES]]
    return dg.AssetCheckResult(
        check_name=RECONCILIATION_CHECK,
        passed=not result.failures,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={
            "checks": result.n_checks,
            "failed": len(result.failures),
            "failures": dg.MetadataValue.md("\n".join(f"- {line}" for line in listed) or "none"),
        },
    )


def _where_printed(row: dict) -> tuple:
    """Given a failing reconciliation row, return its place: file, page, table, row, column."""
    place = [row.get(name) for name in ("page", "table_id", "row_index", "col_index")]
    return (row.get("file_name") or "", *((value is None, value or 0) for value in place))


def fact_contract_check(relation: str) -> dg.AssetChecksDefinition:
    """Given a fact table name, return its blocking ERROR-severity GE contract check."""

    @dg.asset_check(
        asset=dg.AssetKey(relation),
        name="contract_holds",
        blocking=True,
        description=CONTRACT_DESCRIPTION,
    )
    def _check(paths: KommunlagerPaths) -> dg.AssetCheckResult:
        build = current_build(paths.warehouse())
        outcome = check_fact_table(
            build, relation, data_docs_dir(paths), report_keys=checked_reports(build)
        )
        save_outcome(outcome, building_docs(paths.quality()) / CONTRACT_DIR / f"{relation}.json")
        broken = [e for e in outcome.expectations if not e.success]
        return dg.AssetCheckResult(
            passed=outcome.success,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={
                "broken_expectations": len(broken),
                "detail": dg.MetadataValue.md(
                    "\n".join(_broken_line(e) for e in broken) or "contract holds"
                ),
            },
        )

    return _check


def _broken_line(expectation) -> str:
    """Given a failed expectation outcome, return what broke and how many rows."""
    reason = expectation.error or f"{len(expectation.unexpected_index)} rows"
    return f"- {expectation.expectation} on `{expectation.column}`: {reason}"


def fact_contract_checks(known_assets: set[dg.AssetKey]) -> list[dg.AssetChecksDefinition]:
    """Given the asset keys the dbt project defines, return a contract check per fact table."""
    return [fact_contract_check(t) for t in FACT_TABLES if dg.AssetKey(t) in known_assets]
