"""The Dagster instance `make ui` starts: telemetry off, many extract runs, one build."""

import dagster as dg

from orchestration.dagster_home import MAX_CONCURRENT_RUNS, write_dagster_yaml
from orchestration.defs.jobs import STAGE_TAG


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
