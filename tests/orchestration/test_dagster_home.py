"""The Dagster instance of `make ui` and the CLI: telemetry off, run queue, reports registered."""

from pathlib import Path

import dagster as dg

from extract.inventory import StoredReport, record_report
from orchestration.dagster_home import (
    MAX_CONCURRENT_RUNS,
    open_instance,
    register_extracted,
    sync_partitions,
    write_dagster_yaml,
)
from orchestration.defs.jobs import STAGE_TAG
from orchestration.extract_definitions import extract_definitions
from orchestration.incremental import apply_plan, plan_build
from tests.orchestration.conftest import copy_reports


def test_dagster_yaml_turns_telemetry_off_and_queues_one_build_many_extracts(tmp_path, monkeypatch):
    write_dagster_yaml(tmp_path / "home")
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    with dg.DagsterInstance.get() as instance:
        assert instance.telemetry_enabled is False
        queue = instance.run_coordinator.get_run_queue_config()
    limits = {
        (limit["key"], limit["value"]): limit["limit"] for limit in queue.tag_concurrency_limits
    }
    assert queue.max_concurrent_runs == MAX_CONCURRENT_RUNS > 1
    assert limits == {(STAGE_TAG, "build"): 1, (STAGE_TAG, "extract"): MAX_CONCURRENT_RUNS}


def test_make_ui_registers_a_partition_for_each_report_already_extracted(tmp_path, monkeypatch):
    raw = copy_reports(tmp_path / "raw")
    plan = plan_build(raw, tmp_path / "extracted")
    apply_plan(raw, tmp_path / "extracted", plan, lambda *_: None)
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))

    with open_instance() as instance:  # made on first use, as the CLI does
        registered = register_extracted(instance, tmp_path / "extracted")
        again = register_extracted(instance, tmp_path / "extracted")
        partitions = instance.get_dynamic_partitions("reports")
    assert registered == again == ["report_one.txt", "report_two.txt"]
    assert sorted(partitions) == ["report_one.txt", "report_two.txt"]
    assert (tmp_path / "home" / "dagster.yaml").exists()


def test_without_dagster_home_the_cli_instance_is_ephemeral():
    with open_instance() as instance:
        assert instance.is_ephemeral


def record(extracted: Path, *names: str) -> Path:
    """Given an extracted folder and file names, record each as extracted from it; return it."""
    for name in names:
        record_report(extracted, StoredReport(name, f"key-{name}", "fingerprint", "version"))
    return extracted


def test_synced_partitions_come_back_in_range_order_with_a_later_file_last(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    extracted = record(tmp_path / "extracted", "a.txt", "c.txt")
    with open_instance() as instance:
        sync_partitions(instance, ["a.txt", "c.txt"], extracted)
        keys = sync_partitions(instance, ["a.txt", "b.txt"], extracted)  # b added, c gone
    # the CLI runs keys[0]..keys[-1]: a sorted first..last would leave b.txt out
    assert keys == ["a.txt", "b.txt"]
    with open_instance() as instance:
        assert instance.get_dynamic_partitions("reports") == ["a.txt", "b.txt"]
        keys = sync_partitions(instance, ["a.txt", "b.txt", "0.txt"], extracted)
    assert keys == ["a.txt", "b.txt", "0.txt"]


def test_a_build_of_another_folder_keeps_this_folders_partitions(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    ours = record(tmp_path / "ours", "a.txt", "b.txt")
    theirs = record(tmp_path / "theirs", "x.txt")
    with open_instance() as instance:
        sync_partitions(instance, ["a.txt", "b.txt"], ours)
        their_keys = sync_partitions(instance, ["x.txt"], theirs)
        assert their_keys == ["x.txt"]  # their range does not run over ours
        assert instance.get_dynamic_partitions("reports") == ["a.txt", "b.txt", "x.txt"]


def test_a_vanished_file_keeps_its_partition_until_no_partition_run_is_unfinished(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    extracted = record(tmp_path / "extracted", "a.txt", "b.txt")
    job = extract_definitions().resolve_job_def("extract_reports")
    with open_instance() as instance:
        sync_partitions(instance, ["a.txt", "b.txt"], extracted)
        range_tags = {
            "dagster/asset_partition_range_start": "a.txt",
            "dagster/asset_partition_range_end": "b.txt",
        }
        running = instance.create_run_for_job(job, tags=range_tags)  # another build's range
        assert sync_partitions(instance, ["a.txt"], extracted) == ["a.txt"]
        assert instance.get_dynamic_partitions("reports") == ["a.txt", "b.txt"]
        instance.report_run_failed(running)
        sync_partitions(instance, ["a.txt"], extracted)
        assert instance.get_dynamic_partitions("reports") == ["a.txt"]
