"""Each report partition's quarantine in Dagster: a check that fails where rows were withheld.

dbt's `quality_quarantine` names the rows of a report that would break the
warehouse contract (a NULL year, a fact key stated twice, a value outside its
domain); they are taken out of the fact tables and the rest is published.
This check, run after dbt, gives every report partition of the run its own
`contract_kept` evaluation: failed (WARN: the report's own content, not a
fault of the build) with the rules, pages and fact keys, passed otherwise.
"""

import warnings
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.defs.assets import REPORTS_KEY, reports_partitions
from orchestration.defs.build_fates import (
    latest_materializations,
    partition_evaluation,
    run_report_names,
)
from orchestration.defs.resources import KommunlagerPaths
from orchestration.publishing import current_build

QUARANTINE_CHECK = "contract_kept"
QUARANTINE_KEY = dg.AssetKey("quality_quarantine")
REPORT_KEY = dg.AssetKey("dim_report")
QUARANTINE_DESCRIPTION = (
    "Passes, per report partition, when none of the report's rows breaks the warehouse "
    "contract. Fails (WARN) when rows were withheld from a fact table because they would: "
    "names each rule, fact table, page and fact key (quality_quarantine); the report is "
    "partial in dim_report (failed when no fact of it is left) and the rest is published."
)


def _spec() -> dg.AssetCheckSpec:
    """Given nothing, return the partitioned check spec, run after the quarantine is built."""
    with warnings.catch_warnings():  # partitioned checks are a Dagster preview feature
        warnings.simplefilter("ignore", category=dg.PreviewWarning)
        return dg.AssetCheckSpec(
            QUARANTINE_CHECK,
            asset=REPORTS_KEY,
            partitions_def=reports_partitions,
            additional_deps=[QUARANTINE_KEY, REPORT_KEY],
            description=QUARANTINE_DESCRIPTION,
        )


@dg.multi_asset_check(specs=[_spec()], can_subset=True, name="report_contract_kept")
def report_contract_kept(context: dg.AssetCheckExecutionContext, paths: KommunlagerPaths):
    """Given the built warehouse, yield each report partition's `contract_kept` evaluation."""
    reports = withheld_by_report(current_build(paths.warehouse()))
    # a partitioned run judges its reports; build_from_extracts, unpartitioned, judges all
    names = run_report_names(context, list(reports))
    targets = latest_materializations(context.instance, names)
    for name in names:
        yield quarantine_evaluation(targets, name, *reports[name])


def withheld_by_report(warehouse: Path) -> dict[str, tuple[str, list[str]]]:
    """Given a warehouse, return file name -> (status, one line per contract breach)."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select report.file_name, report.status, list("
            "  format('{} p.{} {}({}) {}: {} rows withheld ({})', breach.relation, breach.page,"
            "    breach.rule, breach.column_name, breach.fact_key, breach.rows_withheld,"
            "    breach.reason)"
            "  order by breach.relation, breach.page, breach.fact_key, breach.rule)"
            "  filter (where breach.report_key is not null)"
            " from dim_report as report"
            " left join quality_quarantine as breach using (report_key)"
            " group by report.file_name, report.status"
        ).fetchall()
    # list() over no breach is NULL
    return {name: (status, breaches or []) for name, status, breaches in rows}


def quarantine_evaluation(
    targets: dict, name: str, status: str, breaches: list[str]
) -> dg.AssetCheckEvaluation:
    """Given the partitions' latest materializations and a report's file name, status and
    breaches, return its evaluation on its partition."""
    return partition_evaluation(
        targets,
        check_name=QUARANTINE_CHECK,
        passed=not breaches,
        partition=name,
        severity=dg.AssetCheckSeverity.WARN,
        description=(
            f"{name}: {status}: rows withheld for breaking the contract: " + "; ".join(breaches)
            if breaches
            else f"{name}: contract kept"
        ),
        metadata={
            "file_name": name,
            "status": status,
            "breaches": len(breaches),
            "withheld": dg.MetadataValue.md("\n".join(f"- {b}" for b in breaches) or "none"),
        },
    )
