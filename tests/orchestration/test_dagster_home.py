"""The Dagster instance of `make ui` and the CLI: telemetry off, extracted reports registered."""

import dagster as dg

from orchestration.dagster_home import open_instance, register_extracted, write_dagster_yaml
from orchestration.incremental import apply_plan, plan_build
from tests.orchestration.conftest import copy_reports


def test_dagster_yaml_turns_telemetry_off_and_queues_one_run(tmp_path, monkeypatch):
    write_dagster_yaml(tmp_path / "home")
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    with dg.DagsterInstance.get() as instance:
        assert instance.telemetry_enabled is False
        assert instance.run_coordinator.get_run_queue_config().max_concurrent_runs == 1


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
