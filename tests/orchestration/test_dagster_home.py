"""The Dagster instance `make ui` starts: telemetry off, one run at a time."""

import dagster as dg

from orchestration.dagster_home import write_dagster_yaml


def test_dagster_yaml_turns_telemetry_off_and_queues_one_run(tmp_path, monkeypatch):
    write_dagster_yaml(tmp_path / "home")
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    with dg.DagsterInstance.get() as instance:
        assert instance.telemetry_enabled is False
        assert instance.run_coordinator.get_run_queue_config().max_concurrent_runs == 1
