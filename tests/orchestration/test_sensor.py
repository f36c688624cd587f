"""The raw-folder sensor: new or changed file -> extract run, then one build; others' kept."""

import dagster as dg

from orchestration.defs.jobs import EXTRACT_STAGE, STAGE_TAG
from orchestration.defs.resources import KommunlagerPaths
from orchestration.defs.sensors import FolderCursor, raw_folder_sensor
from orchestration.extract_definitions import extract_definitions
from orchestration.incremental import apply_plan, plan_build
from tests.orchestration.conftest import copy_reports


def evaluate(instance: dg.DagsterInstance, paths: KommunlagerPaths, cursor: str | None):
    """Given an instance, paths and the last cursor, return a tick, its partitions applied."""
    context = dg.build_sensor_context(instance=instance, cursor=cursor, resources={"paths": paths})
    result = raw_folder_sensor(context)
    for request in result.dynamic_partitions_requests or []:
        if isinstance(request, dg.DeleteDynamicPartitionsRequest):
            for key in request.partition_keys:
                instance.delete_dynamic_partition(request.partitions_def_name, key)
        else:
            instance.add_dynamic_partitions(request.partitions_def_name, request.partition_keys)
    return result


def requested(result: dg.SensorResult) -> list[tuple[str, str | None]]:
    """Given an evaluation, return its run requests as (job, partition)."""
    return [(r.job_name, r.partition_key) for r in result.run_requests]


def folder_paths(tmp_path) -> KommunlagerPaths:
    """Given a tmp folder, return paths with an empty raw folder and outputs beside a warehouse."""
    (tmp_path / "raw").mkdir()
    return KommunlagerPaths.for_warehouse(tmp_path / "raw", tmp_path / "out" / "warehouse.duckdb")


def extract_all(paths: KommunlagerPaths) -> None:
    """Given paths, extract every new or changed report, as the sensor's runs would."""
    apply_plan(
        paths.raw(), paths.extracted(), plan_build(paths.raw(), paths.extracted()), lambda *_: None
    )


def test_first_tick_over_an_extracted_folder_reads_nothing_again(tmp_path):
    paths = KommunlagerPaths.for_warehouse(
        copy_reports(tmp_path / "raw"), tmp_path / "out" / "warehouse.duckdb"
    )
    extract_all(paths)
    instance = dg.DagsterInstance.ephemeral()

    first = evaluate(instance, paths, None)

    # nothing to read again; the warehouse was never built from these extracts: one build
    assert requested(first) == [("build_from_extracts", None)]
    assert sorted(instance.get_dynamic_partitions("reports")) == [
        "report_one.txt",
        "report_two.txt",
    ]


def test_new_and_changed_files_are_read_once_each_then_one_build(tmp_path):
    paths = folder_paths(tmp_path)
    (paths.raw() / "first.txt").write_text("Driftredovisning\nSumma\t100\n")
    instance = dg.DagsterInstance.ephemeral()

    first = evaluate(instance, paths, None)
    assert requested(first) == [("extract_reports", "first.txt")]
    extract = extract_definitions(paths).resolve_job_def("extract_reports")
    running = instance.create_run_for_job(extract, tags={STAGE_TAG: EXTRACT_STAGE})
    pending = evaluate(instance, paths, first.cursor)  # its run not finished: nothing yet
    assert not pending.run_requests and "waiting" in pending.skip_reason.skip_message

    extract_all(paths)
    instance.delete_run(running.run_id)
    (paths.raw() / "second.txt").write_text("Investeringar\nSumma\t5\n")
    added = evaluate(instance, paths, pending.cursor)
    assert requested(added) == [("extract_reports", "second.txt")]
    assert sorted(instance.get_dynamic_partitions("reports")) == ["first.txt", "second.txt"]

    extract_all(paths)
    (paths.raw() / "first.txt").write_text("Driftredovisning\nSumma\t101\n")
    changed = evaluate(instance, paths, added.cursor)
    assert requested(changed) == [("extract_reports", "first.txt")]
    assert changed.run_requests[0].run_key != first.run_requests[0].run_key
    assert not changed.dynamic_partitions_requests


def test_a_changed_manifest_row_rereads_only_its_report(tmp_path):
    paths = folder_paths(tmp_path)
    (paths.raw() / "a.txt").write_text("a\n")
    (paths.raw() / "b.txt").write_text("b\n")
    (paths.raw() / "manifest.csv").write_text("file,committee\na.txt,Kommunstyrelsen\n")
    extract_all(paths)
    instance = dg.DagsterInstance.ephemeral()
    first = evaluate(instance, paths, None)
    (paths.raw() / "manifest.csv").write_text("file,committee\na.txt,Kultur- och fritidsnämnden\n")
    rerun = evaluate(instance, paths, first.cursor)
    assert requested(rerun) == [("extract_reports", "a.txt")]


def test_a_removed_file_loses_its_partition_and_others_folders_keep_theirs(tmp_path):
    paths = folder_paths(tmp_path)
    for name in ("a.txt", "b.txt", "c.txt"):
        (paths.raw() / name).write_text(f"{name}\n")
    extract_all(paths)
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions("reports", ["elsewhere.pdf"])  # a build of another folder
    first = evaluate(instance, paths, None)

    (paths.raw() / "b.txt").unlink()
    removed = evaluate(instance, paths, first.cursor)
    assert instance.get_dynamic_partitions("reports") == ["elsewhere.pdf", "a.txt", "c.txt"]
    # its rows leave with the build, which sweeps its extract
    assert requested(removed) == [("build_from_extracts", None)]


def test_the_build_waits_for_unfinished_extract_runs(raw_dir, tmp_path):
    paths = KommunlagerPaths.for_warehouse(raw_dir, tmp_path / "warehouse.duckdb")
    instance = dg.DagsterInstance.ephemeral()
    first = evaluate(instance, paths, None)
    assert len(first.run_requests) == 2
    extract = extract_definitions(paths).resolve_job_def("extract_reports")
    unfinished = instance.create_run_for_job(extract, tags={STAGE_TAG: EXTRACT_STAGE})
    extract_all(paths)

    waiting = evaluate(instance, paths, first.cursor)
    assert not waiting.run_requests and "1 extract runs" in waiting.skip_reason.skip_message
    instance.delete_run(unfinished.run_id)
    ready = evaluate(instance, paths, waiting.cursor)
    assert requested(ready) == [("build_from_extracts", None)]


def test_an_older_cursor_starts_anew():
    assert FolderCursor.parse('{"a.txt": "0123"}') == FolderCursor()
