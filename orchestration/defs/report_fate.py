"""Each report partition's extraction in Dagster: its own figures as metadata.

A build runs many report partitions in one step. Dagster would stamp the
step's metadata on every one of them, so an unchanged report would show the
counts of this run's extractions (often none). Instead every partition of the
reports relation gets the figures of its own stored extract, read back from the
Parquet files, and what the reader said (`read_status`, `read_error`). The report's status is
dim_report's, known only after dbt: `orchestration.defs.build_fates` records it
on the partition and judges it there (`report_read`).
"""

from pathlib import Path

import dagster as dg
import polars as pl

from extract.inventory import stored_inventory
from extract.parquet_io import relation_path
from extract.pipeline import ReportOutcome
from orchestration.partition_keys import partition_key

COUNTED_RELATIONS = {"tables": "tables", "cells": "cells", "prose_facts": "prose_facts"}


def outcome_metadata(outcome: ReportOutcome) -> dict:
    """Given one extraction outcome, return it as Dagster metadata."""
    return {
        "file_name": partition_key(outcome.file_name),
        "report_key": outcome.report_key,
        "read_status": outcome.status,  # the reader's; dbt may make it partial or failed
        "read_error": outcome.error or "",
        "pages": outcome.page_count,
        "tables": outcome.n_tables,
        "cells": outcome.n_cells,
        "prose_facts": outcome.n_prose_facts,
        "warnings": dg.MetadataValue.json(list(outcome.warnings)),
    }


def stored_outcome(extracted_dir: Path, file_name: str) -> ReportOutcome | None:
    """Given the extracted folder and a file name, return its last extraction as stored."""
    stored = stored_inventory(extracted_dir).get(file_name)
    report_file = stored and relation_path(extracted_dir, "reports", stored.report_key)
    if not report_file or not report_file.exists():
        return None
    (row,) = pl.read_parquet(report_file).to_dicts()
    counts = {
        name: _row_count(relation_path(extracted_dir, relation, stored.report_key))
        for relation, name in COUNTED_RELATIONS.items()
    }
    return ReportOutcome(
        report_key=stored.report_key,
        file_name=file_name,
        status=row["status"],
        error=row["error"],
        page_count=row["page_count"] or 0,
        n_tables=counts["tables"],
        n_cells=counts["cells"],
        n_prose_facts=counts["prose_facts"],
        warnings=tuple(row["warnings"] or ()),
    )


def _row_count(path: Path) -> int:
    """Given a Parquet file (possibly absent: a report without tables), return its rows."""
    return pl.scan_parquet(path).select(pl.len()).collect().item() if path.exists() else 0


def record_fates(
    context: dg.AssetExecutionContext,
    extracted_dir: Path,
    extracted_now: list[ReportOutcome],
    reports_key: dg.AssetKey,
) -> None:
    """Given the run's partitions, fresh outcomes and the key of the reports relation, give
    each partition of that key its own metadata.

    On that key alone (a file's row is its reports row; the checks judge its partitions):
    Dagster resolves the run's whole partition range for each partition's metadata, three
    queries each, and on every relation's key that was most of a build's Dagster time.
    """
    if reports_key not in context.selected_asset_keys:
        return
    fresh = {partition_key(outcome.file_name): outcome for outcome in extracted_now}
    stored = {partition_key(name): name for name in stored_inventory(extracted_dir)}
    for partition in context.partition_keys:
        name = stored.get(partition, partition)
        outcome = fresh.get(partition) or stored_outcome(extracted_dir, name)
        if outcome is None:  # asked for but gone from the folder: nothing stored to describe
            continue
        metadata = {**outcome_metadata(outcome), "extracted_in_this_run": partition in fresh}
        context.add_asset_metadata(metadata, asset_key=reports_key, partition_key=partition)


def unreadable_reports(
    extracted_dir: Path, partitions: list[str], extracted_now: list[ReportOutcome]
) -> dict[str, str]:
    """Given report partitions and fresh outcomes, return the partitions whose file the
    reader failed, with why."""
    fresh = {partition_key(outcome.file_name): outcome for outcome in extracted_now}
    stored = {partition_key(name): name for name in stored_inventory(extracted_dir)}
    outcomes = {
        partition: fresh.get(partition)
        or stored_outcome(extracted_dir, stored.get(partition, partition))
        for partition in partitions
    }
    return {
        partition: outcome.error or "could not be read"
        for partition, outcome in outcomes.items()
        if outcome is not None and outcome.status == "failed"
    }
