"""The sensors: new or changed file -> extract run, removed -> build; one build per extraction."""

import dagster as dg

from orchestration.defs.jobs import EXTRACT_STAGE, STAGE_TAG
from orchestration.defs.resources import KommunlagerPaths
from orchestration.defs.sensors import build_after_extraction, build_request, raw_folder_sensor
from orchestration.extract_definitions import extract_definitions


def evaluate(instance: dg.DagsterInstance, raw_dir, cursor: str | None) -> dg.SensorResult:
    """Given an instance, a folder and the last cursor, return one sensor evaluation."""
    context = dg.build_sensor_context(
        instance=instance,
        cursor=cursor,
        resources={"paths": KommunlagerPaths(raw_dir=str(raw_dir))},
    )
    result = raw_folder_sensor(context)
    for request in result.dynamic_partitions_requests or []:
        if isinstance(request, dg.DeleteDynamicPartitionsRequest):
            for key in request.partition_keys:
                instance.delete_dynamic_partition(request.partitions_def_name, key)
        else:
            instance.add_dynamic_partitions(request.partitions_def_name, request.partition_keys)
    return result


def test_sensor_registers_new_file_changes_rerun_and_quiet_folder_requests_nothing(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "manifest.csv").write_text("file,municipality\nfirst.txt,0834\n")
    (raw / "first.txt").write_text("Driftredovisning\nSumma\t100\n")
    instance = dg.DagsterInstance.ephemeral()

    first = evaluate(instance, raw, None)
    assert [(r.job_name, r.partition_key) for r in first.run_requests] == [
        ("extract_reports", "first.txt")
    ]
    assert instance.get_dynamic_partitions("reports") == ["first.txt"]

    quiet = evaluate(instance, raw, first.cursor)
    assert quiet.run_requests == []

    (raw / "second.txt").write_text("Investeringar\nSumma\t5\n")
    added = evaluate(instance, raw, quiet.cursor)
    assert [r.partition_key for r in added.run_requests] == ["second.txt"]
    assert sorted(instance.get_dynamic_partitions("reports")) == ["first.txt", "second.txt"]

    (raw / "first.txt").write_text("Driftredovisning\nSumma\t101\n")
    changed = evaluate(instance, raw, added.cursor)
    assert [r.partition_key for r in changed.run_requests] == ["first.txt"]
    assert changed.run_requests[0].run_key != first.run_requests[0].run_key
    assert not changed.dynamic_partitions_requests


def test_changed_manifest_reruns_every_report(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("a\n")
    (raw / "b.txt").write_text("b\n")
    (raw / "manifest.csv").write_text("file,committee\na.txt,Kommunstyrelsen\n")
    instance = dg.DagsterInstance.ephemeral()
    first = evaluate(instance, raw, None)
    (raw / "manifest.csv").write_text("file,committee\na.txt,Kultur- och fritidsnämnden\n")
    rerun = evaluate(instance, raw, first.cursor)
    assert sorted(r.partition_key for r in rerun.run_requests) == ["a.txt", "b.txt"]


def test_removed_file_loses_its_partition_and_gets_one_cleanup_run(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (raw / name).write_text(f"{name}\n")
    instance = dg.DagsterInstance.ephemeral()
    first = evaluate(instance, raw, None)

    (raw / "b.txt").unlink()
    removed = evaluate(instance, raw, first.cursor)
    assert instance.get_dynamic_partitions("reports") == ["a.txt", "c.txt"]
    [cleanup] = removed.run_requests
    assert (cleanup.job_name, cleanup.partition_key) == ("build_from_extracts", None)
    assert "b.txt" in cleanup.run_key

    quiet = evaluate(instance, raw, removed.cursor)
    assert quiet.run_requests == [] and not quiet.dynamic_partitions_requests


def test_removing_the_last_file_removes_its_partition_without_a_run(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "only.txt").write_text("only\n")
    instance = dg.DagsterInstance.ephemeral()
    first = evaluate(instance, raw, None)
    (raw / "only.txt").unlink()
    removed = evaluate(instance, raw, first.cursor)
    assert removed.run_requests == []
    assert instance.get_dynamic_partitions("reports") == []


def test_build_after_extraction_waits_for_extract_runs_then_requests_one_build(raw_dir, tmp_path):
    paths = KommunlagerPaths.for_warehouse(raw_dir, tmp_path / "warehouse.duckdb")
    names = sorted(path.name for path in raw_dir.iterdir())
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions("reports", names)
    extract = extract_definitions(paths).resolve_job_def("extract_reports")
    assert build_request(instance, 0).skip_message == "no extraction since the last build"
    unfinished = instance.create_run_for_job(extract, tags={STAGE_TAG: EXTRACT_STAGE})
    for name in names:  # one extract run per partition, as a backfill launches them
        assert extract.execute_in_process(instance=instance, partition_key=name).success

    waiting = build_request(instance, 0)
    assert isinstance(waiting, dg.SkipReason) and "1 extract runs" in waiting.skip_message
    instance.delete_run(unfinished.run_id)
    context = dg.build_sensor_context(instance=instance)
    request = build_after_extraction(context)
    assert isinstance(request, dg.RunRequest)
    again = build_after_extraction(
        dg.build_sensor_context(instance=instance, cursor=context.cursor)
    )
    assert again.skip_message == "no extraction since the last build"  # one build, not two
