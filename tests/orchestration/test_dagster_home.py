"""The Dagster instance of `make ui` and the CLI: telemetry off, run queue, reports registered."""

import dagster as dg

from orchestration.dagster_home import (
    MAX_CONCURRENT_RUNS,
    open_instance,
    register_extracted,
    sync_partitions,
    write_dagster_yaml,
)
from orchestration.defs.jobs import STAGE_TAG
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


def test_synced_partitions_come_back_in_range_order_with_a_later_file_last(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    with open_instance() as instance:
        sync_partitions(instance, ["a.txt", "c.txt"])
        keys = sync_partitions(instance, ["a.txt", "b.txt"])  # b added, c gone
    # the CLI runs keys[0]..keys[-1]: a sorted first..last would leave b.txt out
    assert keys == ["a.txt", "b.txt"]
    with open_instance() as instance:
        assert sync_partitions(instance, ["a.txt", "b.txt", "0.txt"]) == ["a.txt", "b.txt", "0.txt"]
