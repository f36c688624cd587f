"""Extract assets: one partition per report file, each a call into `extract.pipeline`.

A multi-asset with one key per extracted relation (`extracted/<relation>`):
`extract_report` writes all five together per report, so one step
materializes them, while each dbt source `extracted.<relation>` maps onto its
own key (dagster-dbt refuses several sources on one key), which gives
Dagster lineage from each Parquet relation to the staging model reading it.
"""

from pathlib import Path

import dagster as dg
import duckdb

from extract.pipeline import ReportOutcome, extract_report, read_manifest, remove_report
from extract.schema import RELATIONS
from orchestration.defs.resources import KommunlagerPaths

EXTRACT_SOURCE = "extracted"  # the dbt source name, and the key prefix of the extract assets
EXTRACT_ASSET_KEYS = {name: dg.AssetKey([EXTRACT_SOURCE, name]) for name in RELATIONS}
reports_partitions = dg.DynamicPartitionsDefinition(name="reports")


class ExtractProgress(dg.ConfigurableResource):
    """Where per-report outcomes are announced; the CLI swaps in one that prints."""

    def report(self, index: int, total: int, outcome: ReportOutcome) -> None:
        """Given one finished report, announce it (here: nothing; Dagster logs it)."""


def outcome_metadata(outcome: ReportOutcome) -> dict:
    """Given one extraction outcome, return it as Dagster metadata."""
    return {
        "report_key": outcome.report_key,
        "status": outcome.status,
        "error": outcome.error or "",
        "pages": outcome.page_count,
        "tables": outcome.n_tables,
        "cells": outcome.n_cells,
        "prose_facts": outcome.n_prose_facts,
        "warnings": dg.MetadataValue.json(list(outcome.warnings)),
        "seconds": round(outcome.seconds, 2),
    }


def stored_reports(extracted_dir: Path) -> dict[str, str]:
    """Given the Parquet folder, return report_key -> file name of every report stored there."""
    if not any((extracted_dir / "reports").glob("*.parquet")):
        return {}
    pattern = str(extracted_dir / "reports" / "*.parquet")
    rows = duckdb.sql(
        "select distinct report_key, file_name from read_parquet($pattern)",
        params={"pattern": pattern},
    ).fetchall()
    return dict(rows)


def prune_reports(extracted_dir: Path, keep_file_names: set[str]) -> list[str]:
    """Given the Parquet folder and the files still present, remove the others; return them."""
    gone = {k: f for k, f in stored_reports(extracted_dir).items() if f not in keep_file_names}
    for key in gone:
        remove_report(extracted_dir, key)
    return sorted(gone.values())


def extract_one(paths: KommunlagerPaths, file_name: str, manifest: dict) -> ReportOutcome:
    """Given a file name, extract it and drop what an earlier version of the file left behind."""
    out_dir = paths.extracted()
    stale = {key for key, name in stored_reports(out_dir).items() if name == file_name}
    outcome = extract_report(paths.raw() / file_name, out_dir, manifest.get(file_name))
    for key in stale - {outcome.report_key}:
        remove_report(out_dir, key)
    return outcome


@dg.multi_asset(
    specs=[
        dg.AssetSpec(key, partitions_def=reports_partitions, kinds={"python", "parquet"})
        for key in EXTRACT_ASSET_KEYS.values()
    ],
    name="extracted_report",
    partitions_def=reports_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    group_name="extract",
)
def extracted_report(
    context: dg.AssetExecutionContext, paths: KommunlagerPaths, progress: ExtractProgress
):
    """Given report partitions (file names), write their five extracted Parquet relations."""
    keys = context.partition_keys
    manifest = read_manifest(paths.raw())
    outcomes = []
    for index, file_name in enumerate(keys, start=1):
        outcome = extract_one(paths, file_name, manifest)
        context.log.info(f"[{index}/{len(keys)}] {file_name}: {outcome.status}")
        progress.report(index, len(keys), outcome)
        outcomes.append(outcome)
    metadata = outcome_metadata(outcomes[0]) if len(outcomes) == 1 else _range_metadata(outcomes)
    for key in EXTRACT_ASSET_KEYS.values():
        yield dg.MaterializeResult(asset_key=key, metadata=metadata)


def _range_metadata(outcomes: list[ReportOutcome]) -> dict:
    """Given outcomes of a multi-report run, return totals and one line per report."""
    return {
        "reports": len(outcomes),
        "failed": sum(o.status == "failed" for o in outcomes),
        "tables": sum(o.n_tables for o in outcomes),
        "cells": sum(o.n_cells for o in outcomes),
        "per_report": dg.MetadataValue.json({o.file_name: o.status for o in outcomes}),
    }
