"""An extract backfill of six partitions on Dagster's Celery executor, two workers, own broker.

Starts redis-server on 127.0.0.1 (a free port) and two `dagster-celery`
workers (one task at a time each), launches one `extract_reports_celery`
run per partition as a backfill does, then builds from the extracts and
compares every contract table with a local serial build. While the runs
start, the test holds the extracted folder as a build would, so each worker
is caught mid-step and both are seen working at once.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest
import redis

from orchestration.dagster_home import write_dagster_yaml
from orchestration.defs.assemble import definitions
from orchestration.defs.assets import reports_partitions
from orchestration.defs.resources import KommunlagerPaths
from orchestration.folder_lock import extracts_exclusive
from tests.orchestration.conftest import FIXTURES, REPORT_FILES, run_cli
from tests.orchestration.contract_tables import contract_checksums
from tests.orchestration.dagster_runs import HANG_LIMIT_SECONDS, run_env, step_events, wait_until

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
BIN = Path(sys.executable).parent
COPIES = 3  # of each fixture report: six partitions

pytestmark = pytest.mark.celery


def free_port() -> int:
    """Given nothing, return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def six_reports(folder: Path) -> list[str]:
    """Given a folder, fill it with six distinct report files; return their names."""
    folder.mkdir(parents=True)
    for name in REPORT_FILES:
        text = (FIXTURES / name).read_text(encoding="utf-8")
        for copy in range(COPIES):
            (folder / f"{copy}_{name}").write_text(text + "\n" * copy, encoding="utf-8")
    return sorted(path.name for path in folder.iterdir())


def start(command: list[str], env: dict | None = None) -> subprocess.Popen:
    """Given a command, start it in its own process group (stopped whole at the end)."""
    return subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> None:
    """Given a process this test started, stop its process group and reap it."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def workers_answering(broker: str) -> int:
    """Given the broker URL, return how many Celery workers answer a ping."""
    from celery import Celery

    return len(Celery(broker=broker).control.ping(timeout=1.0) or [])


def test_celery_backfill_on_two_workers_equals_a_local_build(tmp_path):
    names = six_reports(tmp_path / "raw")
    paths = KommunlagerPaths.for_warehouse(
        tmp_path / "raw", tmp_path / "celery" / "warehouse.duckdb"
    )
    env = run_env(paths, tmp_path / "home")
    write_dagster_yaml(tmp_path / "home")
    # created here, once: processes that start at once would each create its storage
    instance = dg.DagsterInstance.from_config(str(tmp_path / "home"))
    instance.add_dynamic_partitions(reports_partitions.name, names)
    port = free_port()
    broker = f"redis://127.0.0.1:{port}/0"
    execution = {
        "execution": {"config": {"broker": broker, "backend": f"redis://127.0.0.1:{port}/1"}}
    }
    config = tmp_path / "celery.yaml"
    config.write_text(json.dumps(execution), encoding="utf-8")  # JSON is YAML
    processes = [start([REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", ""])]
    try:
        wait_until(lambda: _answers(port), "redis-server answers")
        for worker in ("w1", "w2"):
            command = [str(BIN / "dagster-celery"), "worker", "start", "-A", "dagster_celery.app"]
            command += ["-y", str(config), "-n", worker, "--", "--pool=solo"]
            processes.append(start(command, env))
        wait_until(lambda: workers_answering(broker) == 2, "two Celery workers answer")
        runs = _extract_on_celery(instance, names, config, env, paths)
    finally:
        for process in reversed(processes):
            stop(process)

    assert [run.returncode for run in runs] == [0] * len(names)
    started = step_events(instance, dg.DagsterEventType.STEP_START)
    assert len(started) == len(names) == 6
    worker_pids = {entry.dagster_event.pid for entry in started.values()}
    assert len(worker_pids) == 2  # every step ran in one of the two workers
    assert not worker_pids & {run.pid for run in runs}  # none in the process that launched it
    assert len(step_events(instance, dg.DagsterEventType.STEP_SUCCESS)) == 6

    build = definitions(paths).resolve_job_def("build_from_extracts")
    assert build.execute_in_process(instance=instance).success
    local = tmp_path / "local" / "warehouse.duckdb"
    assert run_cli(tmp_path / "raw", local).status == 0
    assert contract_checksums(paths.warehouse()) == contract_checksums(local)
    assert contract_checksums(local)["dim_report"][0] == 6


def _answers(port: int) -> bool:
    """Given a port, return whether a redis-server answers PING there."""
    try:
        return bool(redis.Redis(host="127.0.0.1", port=port).ping())
    except redis.exceptions.ConnectionError:
        return False


def _extract_on_celery(instance, names, config: Path, env: dict, paths) -> list:
    """Given the partitions, run one Celery extract run each, all running at once; wait.

    Each run is launched once the previous one is recorded: six processes creating
    their run rows in one SQLite file at the same instant hit "database is locked"
    on a loaded machine. The runs still overlap: every worker blocks mid-step.
    """
    with extracts_exclusive(paths.extracted()):  # each worker blocks mid-step until released
        runs = []
        for launched, name in enumerate(names, start=1):
            command = [sys.executable, "-m", "dagster", "job", "execute", "-c", str(config)]
            command += ["-m", "orchestration.celery_definitions", "-j", "extract_reports_celery"]
            command += ["--tags", json.dumps({"dagster/partition": name})]
            runs.append(subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL))
            wait_until(_recorded_or_ended(instance, launched, runs[-1]), f"run {name} recorded")
        wait_until(
            lambda: len({e.dagster_event.pid for e in _started(instance)}) == 2,
            "both workers are inside an extract step",
        )
    for run in runs:
        run.wait(timeout=HANG_LIMIT_SECONDS)
    return runs


def _recorded_or_ended(instance, count: int, run: subprocess.Popen):
    """Given the runs launched so far, return a condition: all recorded, or the last one ended."""
    return lambda: len(instance.get_run_records()) == count or run.poll() is not None


def _started(instance) -> list:
    """Given the instance, return every STEP_START entry recorded so far."""
    return list(step_events(instance, dg.DagsterEventType.STEP_START).values())
