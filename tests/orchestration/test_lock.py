"""One writer per warehouse: a second build is refused (CLI exit 3, failed Dagster run)."""

import subprocess
import sys
import threading
from pathlib import Path

import dagster as dg
import pytest

from orchestration.defs.assemble import definitions
from orchestration.defs.resources import KommunlagerPaths
from orchestration.lock import LockHeld, lock_path, warehouse_lock
from tests.orchestration.conftest import run_cli

REPO = Path(__file__).resolve().parents[2]
HOLD_SCRIPT = """
import sys
from orchestration.lock import warehouse_lock
with warehouse_lock(sys.argv[1]):
    print("locked", flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def other_build(tmp_path):
    """Given a warehouse path, yield (path, process) where another process holds its lock."""
    warehouse = tmp_path / "out" / "warehouse.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_SCRIPT, str(warehouse)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    yield warehouse, holder
    holder.stdin.close()
    holder.wait(timeout=30)


def test_second_lock_is_refused_naming_the_holder(other_build):
    warehouse, holder = other_build
    with pytest.raises(LockHeld, match=f"pid {holder.pid} since"), warehouse_lock(warehouse):
        pass
    assert lock_path(warehouse).name == "warehouse.duckdb.lock"


def test_waiting_lock_is_taken_once_the_holder_ends(other_build):
    warehouse, holder = other_build
    threading.Timer(1.0, holder.stdin.close).start()
    with warehouse_lock(warehouse, wait=True):
        assert f"pid {holder.pid} " not in lock_path(warehouse).read_text()


def test_lock_is_reentrant_within_one_process(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    with warehouse_lock(warehouse), warehouse_lock(warehouse):
        pass
    with warehouse_lock(warehouse):  # released: can be taken again
        pass


def test_cli_refuses_with_exit_3_while_another_build_runs(other_build, raw_dir):
    warehouse, holder = other_build
    run = run_cli(raw_dir, warehouse)
    assert run.status == 3
    assert "another build holds the warehouse lock" in run.err and str(holder.pid) in run.err
    assert not warehouse.exists() and not (warehouse.parent / "extracted").exists()


def test_dagster_run_fails_while_another_build_holds_the_lock(other_build, raw_dir):
    warehouse, holder = other_build
    paths = KommunlagerPaths.for_warehouse(raw_dir, warehouse)
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions("reports", ["report_one.txt"])
    job = definitions(paths).resolve_job_def("build_warehouse")
    result = job.execute_in_process(
        instance=instance, partition_key="report_one.txt", raise_on_error=False
    )
    assert not result.success
    messages = " ".join(f"{e.message} {e.event_specific_data}" for e in result.all_events)
    assert "another build holds the warehouse lock" in messages and str(holder.pid) in messages
    assert not (warehouse.parent / "extracted").exists()


def test_deleting_the_lock_file_does_not_let_a_second_build_in(other_build):
    warehouse, holder = other_build
    lock_path(warehouse).unlink()  # a stray rm while the build runs
    with pytest.raises(LockHeld, match="another build holds"), warehouse_lock(warehouse):
        pass
