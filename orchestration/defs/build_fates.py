"""Each report partition's fate after the build: dim_report's status and its failing totals.

The report's status is decided by dbt (`dim_report`: a report read whole may
still be `partial` for numeric tables not read into facts or rows withheld),
so it is judged after the build, on every report partition of the run:
`report_read` passes on `ok`, warns on `partial` and errors on `failed`, naming
the file and the reason; `totals_reconcile` warns with the report's failing
reconciliation checks, by page, table and line, in the unit the page prints.
Each evaluation targets its partition's latest materialization, so the UI
counts it as current (a check logged before the materialization it judges is
shown as missing), and an observation gives the partition dim_report's status.
"""

import warnings
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb
from dagster import DagsterEventType
from dagster._core.definitions.asset_checks.asset_check_evaluation import (
    AssetCheckEvaluationTargetMaterializationData,
)

from orchestration.defs.assets import REPORTS_KEY, reports_partitions
from orchestration.defs.resources import KommunlagerPaths
from orchestration.publishing import current_build
from orchestration.quality_sections import failure_line

REPORT_CHECK = "report_read"
TOTALS_CHECK = "totals_reconcile"
REPORT_TABLE_KEY = dg.AssetKey("dim_report")
RECONCILIATION_KEY = dg.AssetKey("quality_reconciliation")
SEVERITY = {"partial": dg.AssetCheckSeverity.WARN, "failed": dg.AssetCheckSeverity.ERROR}
REPORT_CHECK_DESCRIPTION = (
    "The report's status in dim_report, per report partition: passes on ok, warns on partial "
    "(numeric tables not read into facts, rows withheld), errors on failed (the file could not "
    "be read, or nothing of it is left), naming the file and the reason (dim_report.error)."
)
TOTALS_CHECK_DESCRIPTION = (
    "Per report partition: the report's printed totals, deviations and headcounts agree with "
    "their parts (quality_reconciliation). WARN: each failure by page, table and line, in the "
    "unit the page prints; a report that does not add up is reported, never fixed."
)
FAILURES_SQL = """
select file_name, page, table_id, relation, line_item, check_name, measure, unit, factor_sek,
    amount_as_printed, expected, actual, difference
from quality_reconciliation
where status = 'failed'
order by file_name, page nulls last, table_id, row_index, col_index, measure
"""


def _spec(name: str, deps: list[dg.AssetKey], description: str) -> dg.AssetCheckSpec:
    """Given a check name, its tables and description, return its per-report spec."""
    with warnings.catch_warnings():  # partitioned checks are a Dagster preview feature
        warnings.simplefilter("ignore", category=dg.PreviewWarning)
        return dg.AssetCheckSpec(
            name,
            asset=REPORTS_KEY,
            partitions_def=reports_partitions,
            additional_deps=deps,
            description=description,
        )


def report_fates(warehouse: Path) -> dict[str, dict]:
    """Given a warehouse, return file name -> status, error, report key and failing totals."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        reports = con.execute(
            "select file_name, status, error, report_key from dim_report"
        ).fetchall()
        result = con.execute(FAILURES_SQL)
        names = [column[0] for column in result.description]
        failures = [dict(zip(names, row, strict=True)) for row in result.fetchall()]
    fates = {
        name: {"status": status, "error": error or "", "report_key": key, "failures": []}
        for name, status, error, key in reports
    }
    for row in failures:
        if row["file_name"] in fates:
            fates[row["file_name"]]["failures"].append(failure_line(row))
    return fates


def run_report_names(context: dg.AssetCheckExecutionContext, built: list[str]) -> list[str]:
    """Given a check run and the reports built, return those it judges, in the instance's order.

    A partitioned run (the CLI, the nightly build) judges its range, resolved against
    the instance's dynamic partitions (a check's own `partition_keys` resolves it without
    them and calls its keys nonexistent); an unpartitioned one (build_from_extracts) all.
    """
    run = context.op_execution_context
    known = reports_partitions.get_partition_keys(dynamic_partitions_store=context.instance)
    in_warehouse = set(built)
    if not (run.has_partition_key or run.has_partition_key_range):
        return [name for name in known if name in in_warehouse]
    key_range = run.partition_key_range
    if key_range.start not in known or key_range.end not in known:
        return []
    in_range = known[known.index(key_range.start) : known.index(key_range.end) + 1]
    return [name for name in in_range if name in in_warehouse]


def latest_materializations(
    instance: dg.DagsterInstance, partitions: list[str]
) -> dict[str, AssetCheckEvaluationTargetMaterializationData]:
    """Given report partitions, return each one's latest materialization, which its checks
    judge (a partition never materialized has none).

    Two queries for all of them: one per partition and check was most of the checks'
    time on a build of many reports (three checks judge every partition).
    """
    latest = instance.get_latest_storage_id_by_partition(
        REPORTS_KEY, DagsterEventType.ASSET_MATERIALIZATION, set(partitions)
    )
    if not latest:
        return {}
    records = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=REPORTS_KEY, storage_ids=list(latest.values())),
        limit=len(latest),
    ).records
    return {
        record.partition_key: AssetCheckEvaluationTargetMaterializationData(
            storage_id=record.storage_id, run_id=record.run_id, timestamp=record.timestamp
        )
        for record in records
    }


def partition_evaluation(
    targets: dict[str, AssetCheckEvaluationTargetMaterializationData], **fields
) -> dg.AssetCheckEvaluation:
    """Given the partitions' latest materializations and a report partition's check fields,
    return its evaluation, current in the UI."""
    target = targets.get(fields["partition"])
    return dg.AssetCheckEvaluation(
        asset_key=REPORTS_KEY, target_materialization_data=target, **fields
    )


def read_evaluation(targets: dict, name: str, fate: dict):
    """Given the latest materializations and a report's fate, return its `report_read`
    evaluation: dim_report's status."""
    status, error = fate["status"], fate["error"]
    return partition_evaluation(
        targets,
        check_name=REPORT_CHECK,
        partition=name,
        passed=status == "ok",
        severity=SEVERITY.get(status, dg.AssetCheckSeverity.ERROR),
        description=f"{name}: read whole" if status == "ok" else f"{name}: {status}: {error}",
        metadata={
            "file_name": name,
            "status": status,
            "reason": error,
            "report_key": fate["report_key"],
        },
    )


def totals_evaluation(targets: dict, name: str, fate: dict):
    """Given the latest materializations and a report's fate, return its `totals_reconcile`
    evaluation listing each failure."""
    failures = fate["failures"]
    return partition_evaluation(
        targets,
        check_name=TOTALS_CHECK,
        partition=name,
        passed=not failures,
        severity=dg.AssetCheckSeverity.WARN,
        description=(
            f"{name}: {len(failures)} reconciliation failures: " + "; ".join(failures)
            if failures
            else f"{name}: no printed total disagrees with its parts"
        ),
        metadata={
            "file_name": name,
            "failed": len(failures),
            "failures": dg.MetadataValue.md("\n".join(f"- {f}" for f in failures) or "none"),
        },
    )


@dg.multi_asset_check(
    specs=[
        _spec(REPORT_CHECK, [REPORT_TABLE_KEY], REPORT_CHECK_DESCRIPTION),
        _spec(TOTALS_CHECK, [RECONCILIATION_KEY, REPORT_TABLE_KEY], TOTALS_CHECK_DESCRIPTION),
    ],
    can_subset=True,
    name="report_fates",
)
def report_fate_checks(
    context: dg.AssetCheckExecutionContext, paths: KommunlagerPaths
) -> Iterator[dg.AssetCheckEvaluation | dg.AssetObservation]:
    """Given the built warehouse, yield each report partition's status and totals checks."""
    fates = report_fates(current_build(paths.warehouse()))
    selected = {key.name for key in context.selected_asset_check_keys}
    names = run_report_names(context, list(fates))
    targets = latest_materializations(context.instance, names)
    for name in names:
        fate = fates[name]
        yield dg.AssetObservation(
            asset_key=REPORTS_KEY,
            partition=name,
            metadata={"status": fate["status"], "error": fate["error"], "file_name": name},
        )
        if REPORT_CHECK in selected:
            yield read_evaluation(targets, name, fate)
        if TOTALS_CHECK in selected:
            yield totals_evaluation(targets, name, fate)
