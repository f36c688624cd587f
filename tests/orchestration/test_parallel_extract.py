"""Two extract runs of different partitions overlap in time; the build after equals a serial one.

Each run is its own `dagster job execute` process on one persistent instance,
as the run queue launches them. While both start, this test holds the
warehouse lock (extraction must not need it) and the extracted folder
exclusively, as a build would: both runs are then recorded as started
before it lets go, and as finished after, so their recorded step intervals
overlap however the machine schedules them.
"""

import json
import subprocess
import sys

import dagster as dg
import duckdb

from orchestration.dagster_home import write_dagster_yaml
from orchestration.defs.assemble import definitions
from orchestration.defs.assets import reports_partitions
from orchestration.defs.resources import KommunlagerPaths
from orchestration.folder_lock import extracts_exclusive
from orchestration.lock import warehouse_lock
from tests.orchestration.conftest import run_cli
from tests.orchestration.contract_tables import contract_checksums
from tests.orchestration.dagster_runs import HANG_LIMIT_SECONDS, run_env, step_events, wait_until


def launch_extract_run(partition: str, env: dict) -> subprocess.Popen:
    """Given a partition, start one extract run of the extract-only code location."""
    command = [sys.executable, "-m", "dagster", "job", "execute"]
    command += ["-m", "orchestration.extract_definitions", "-j", "extract_reports"]
    command += ["--tags", json.dumps({"dagster/partition": partition})]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def step_times(instance: dg.DagsterInstance, event: dg.DagsterEventType) -> dict[str, float]:
    """Given an event type, return run id -> timestamp of that step event, for every run."""
    return {run: entry.timestamp for run, entry in step_events(instance, event).items()}


def test_two_extract_runs_overlap_and_the_build_equals_a_serial_build(raw_dir, tmp_path):
    paths = KommunlagerPaths.for_warehouse(raw_dir, tmp_path / "parallel" / "warehouse.duckdb")
    env = run_env(paths, tmp_path / "home")
    write_dagster_yaml(tmp_path / "home")
    names = sorted(path.name for path in raw_dir.iterdir())
    instance = dg.DagsterInstance.from_config(str(tmp_path / "home"))
    instance.add_dynamic_partitions(reports_partitions.name, names)

    with warehouse_lock(paths.warehouse()), extracts_exclusive(paths.extracted()):
        runs = [launch_extract_run(name, env) for name in names]
        wait_until(
            lambda: len(step_times(instance, dg.DagsterEventType.STEP_START)) == len(names),
            "both extract steps started",
        )
        assert not step_times(instance, dg.DagsterEventType.STEP_SUCCESS)
    outputs = [run.communicate(timeout=HANG_LIMIT_SECONDS)[0].decode() for run in runs]

    assert [run.returncode for run in runs] == [0, 0], "\n".join(outputs)
    started = step_times(instance, dg.DagsterEventType.STEP_START)
    ended = step_times(instance, dg.DagsterEventType.STEP_SUCCESS)
    assert started.keys() == ended.keys() and len(started) == 2
    assert max(started.values()) < min(ended.values())  # each ran while the other ran
    partitions = {run.tags["dagster/partition"] for run in instance.get_runs()}
    assert partitions == set(names)

    build = definitions(paths).resolve_job_def("build_from_extracts")
    assert build.execute_in_process(instance=instance).success
    serial = tmp_path / "serial" / "warehouse.duckdb"
    assert run_cli(raw_dir, serial).status == 0
    parallel_sums, serial_sums = contract_checksums(paths.warehouse()), contract_checksums(serial)
    assert parallel_sums == serial_sums
    assert parallel_sums["fct_operating_budget"][0] > 0
    with duckdb.connect(str(paths.warehouse()), read_only=True) as con:
        files = con.execute("select file_name from dim_report order by 1").fetchall()
    assert [name for (name,) in files] == names
