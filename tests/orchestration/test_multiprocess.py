"""Extraction runs per report partition under Dagster's multiprocess executor.

Dagster runs one step per asset per run, so report partitions spread over
workers as one run per partition (what a multi-run backfill launches). Each
run here uses `multiprocess_executor`, so its extract step executes in a child
process that rebuilds the job from this module (`reconstructable`) and finds
the paths in the environment. The runs go one after the other: every extract
step holds the warehouse lock, so concurrent runs on one warehouse are refused.
"""

import os

import dagster as dg

from extract.inventory import stored_inventory
from orchestration.defs.assets import (
    EXTRACT_ASSET_KEYS,
    ExtractProgress,
    extracted_report,
    reports_partitions,
)
from orchestration.defs.resources import (
    EXTRACTED_DIR_ENV,
    QUALITY_DIR_ENV,
    RAW_DIR_ENV,
    WAREHOUSE_ENV,
    KommunlagerPaths,
    WarehouseLock,
)

EXTRACT_JOB = "extract_reports_multiprocess"
MAX_CONCURRENT = 2
MULTIPROCESS_CONFIG = {"execution": {"config": {"max_concurrent": MAX_CONCURRENT}}}


def extract_job() -> dg.JobDefinition:
    """Given nothing, return the extract assets as a job on the multiprocess executor.

    Built from the extract assets alone: each step process imports this module,
    and the full definitions (dbt, Great Expectations) take ~20 s to import.
    """
    paths = KommunlagerPaths()  # unset fields: the environment variables, read at run time
    job = dg.define_asset_job(
        EXTRACT_JOB,
        selection=dg.AssetSelection.assets(extracted_report),
        executor_def=dg.multiprocess_executor,
    )
    return dg.Definitions(
        assets=[extracted_report],
        jobs=[job],
        resources={
            "paths": paths,
            "warehouse_lock": WarehouseLock(paths=paths),
            "progress": ExtractProgress(),
        },
    ).resolve_job_def(EXTRACT_JOB)


def run_partition(instance: dg.DagsterInstance, partition: str) -> dg.JobExecutionResult:
    """Given a persistent instance and a report file name, extract that report in its own run."""
    with dg.execute_job(
        dg.reconstructable(extract_job),
        instance=instance,
        run_config=MULTIPROCESS_CONFIG,
        tags={"dagster/partition": partition},
    ) as result:
        return result


def step_pids(instance: dg.DagsterInstance, run_id: str) -> list[int]:
    """Given a run, return the process id of each step start, in order."""
    records = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.STEP_START)
    return [record.event_log_entry.dagster_event.pid for record in records.records]


def test_two_report_partitions_extract_in_separate_step_processes(raw_dir, tmp_path, monkeypatch):
    for env, path in (
        (RAW_DIR_ENV, raw_dir),
        (EXTRACTED_DIR_ENV, tmp_path / "extracted"),
        (WAREHOUSE_ENV, tmp_path / "warehouse.duckdb"),
        (QUALITY_DIR_ENV, tmp_path / "quality"),
    ):
        monkeypatch.setenv(env[0], str(path))  # read by KommunlagerPaths in each step process
    names = sorted(path.name for path in raw_dir.iterdir())

    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions(reports_partitions.name, names)
        results = [run_partition(instance, name) for name in names]
        pids = [step_pids(instance, result.run_id) for result in results]
        materialized = instance.get_materialized_partitions(EXTRACT_ASSET_KEYS["cells"])

    assert [result.success for result in results] == [True, True]
    assert [len(run_pids) for run_pids in pids] == [1, 1]  # one extract step per run
    step_processes = {run_pids[0] for run_pids in pids}
    assert len(step_processes) == len(names) and os.getpid() not in step_processes
    assert materialized == set(names)
    assert sorted(stored_inventory(tmp_path / "extracted")) == names
