"""Extract assets: one partition per report file, each a call into `extract.pipeline`.

A multi-asset with one key per extracted relation (`extracted/<relation>`):
`extract_report` writes all five together per report, so one step
materializes them, while each dbt source `extracted.<relation>` maps onto its
own key (dagster-dbt refuses several sources on one key), which gives
Dagster lineage from each Parquet relation to the staging model reading it.

Incremental: of the selected partitions only new or changed files are read
(`orchestration.incremental`). The materialization metadata counts new,
changed, unchanged and removed reports; removed ones are dropped by the build.

Unreadable: a report whose file cannot be read is extracted as `failed` and its
partition materialized with that status, since a run over many partitions
cannot fail one of them. A run with config `fail_unreadable` (the CLI's, one
per such report after its build) fails instead, so Dagster marks the partition
failed (red in the partitions view) with the reader's reason.

Parallel: extraction takes no warehouse lock, so a backfill launches one run
per batch of partitions (`BackfillPolicy.multi_run`) and the run queue runs
several at once (`orchestration.dagster_home`). Within one run, config
`workers` reads several reports at once (the CLI's `--workers`).
"""

import dagster as dg

from extract.pipeline import ReportOutcome, discover_reports
from extract.schema import RELATIONS
from orchestration.defs.report_fate import record_fates, unreadable_reports
from orchestration.defs.resources import KommunlagerPaths
from orchestration.incremental import apply_plan, plan_build
from orchestration.partition_keys import files_for_keys, partition_key

EXTRACT_SOURCE = "extracted"  # the dbt source name, and the key prefix of the extract assets
EXTRACT_ASSET_KEYS = {name: dg.AssetKey([EXTRACT_SOURCE, name]) for name in RELATIONS}
reports_partitions = dg.DynamicPartitionsDefinition(name="reports")
PARTITIONS_PER_RUN = 10  # a national backfill of 87 000 reports is 8 700 runs
REPORTS_KEY = EXTRACT_ASSET_KEYS["reports"]  # carries the per-report checks of a build
RELATION_DESCRIPTIONS = {
    "reports": "One row per report file: format, pages, status (ok, partial, failed) and error.",
    "tables": "One row per table found in a report: pages, reader method, caption, size.",
    "cells": "One row per table cell: text as printed, number read from it, position on page.",
    "text_blocks": "One row per block of running text, by page.",
    "prose_facts": "One row per figure stated in a sentence (staff, sick leave), with it.",
    "numeric_regions": "One row per run of number rows outside the tables found (coverage).",
}


class ExtractProgress(dg.ConfigurableResource):
    """Where per-report outcomes are announced; the CLI swaps in one that prints."""

    def report(self, index: int, total: int, outcome: ReportOutcome) -> None:
        """Given one finished report, announce it (here: nothing; Dagster logs it)."""


class ExtractConfig(dg.Config):
    """Run config of the extract step."""

    force: bool = False  # re-read the selected files even when unchanged since their last run
    # Reports read at once in this run (0: one per core, as memory allows). One by
    # default: the run queue already runs several extract runs side by side.
    workers: int = 1
    # fail the step when a selected report cannot be read, so its partition shows failed
    fail_unreadable: bool = False


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            key,
            partitions_def=reports_partitions,
            kinds={"python", "parquet"},
            description=f"Extracted Parquet, one file per report. {RELATION_DESCRIPTIONS[name]}",
        )
        for name, key in EXTRACT_ASSET_KEYS.items()
    ],
    can_subset=True,
    name="extracted_report",
    partitions_def=reports_partitions,
    backfill_policy=dg.BackfillPolicy.multi_run(max_partitions_per_run=PARTITIONS_PER_RUN),
    group_name="extract",
)
def extracted_report(
    context: dg.AssetExecutionContext,
    config: ExtractConfig,
    paths: KommunlagerPaths,
    progress: ExtractProgress,
):
    """Given report partitions (file names), extract the new or changed ones."""
    present = [path.name for path in discover_reports(paths.raw())]
    names = files_for_keys(present, context.partition_keys)
    plan = plan_build(paths.raw(), paths.extracted(), names, config.force)
    context.log.info(plan.counts_line())

    def announce(index: int, total: int, outcome: ReportOutcome) -> None:
        context.log.info(f"[{index}/{total}] {partition_key(outcome.file_name)}: {outcome.status}")
        progress.report(index, total, outcome)

    outcomes = apply_plan(paths.raw(), paths.extracted(), plan, announce, config.workers)
    record_fates(context, paths.extracted(), outcomes, REPORTS_KEY)
    unreadable = unreadable_reports(paths.extracted(), context.partition_keys, outcomes)
    if config.fail_unreadable and unreadable:
        raise dg.Failure(
            description="; ".join(f"{name}: {error}" for name, error in unreadable.items()),
            metadata={"unreadable": dg.MetadataValue.json(unreadable)},
        )
    for key in context.selected_asset_keys:
        yield dg.MaterializeResult(asset_key=key, metadata=plan.counts())
