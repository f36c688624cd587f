"""An incremental build equals a full build of the same folder, step by step, and survives a kill.

One module-scoped history of real `kommunlager build` runs over one live
warehouse: a first (full) build of two reports, then reports added, one
changed and one removed, each built incrementally in a copy of the live
warehouse. After each step every contract table must equal, by checksum, a
clean full build of the same raw folder: a reference warehouse in a folder of
its own, built from nothing (its own extraction and compaction), so what the
live one adds up over its history, incremental dbt and the Parquet compacted
part by part (parts of 20 kB here), must come out the same. Before the change
is built, a build of it is killed (SIGKILL) while dbt recomputes the
intermediate models: the live warehouse must be as it was, and the next build
must succeed.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from orchestration.compaction import PART_BYTES_ENV
from orchestration.publishing import building_path
from tests.orchestration.conftest import FIXTURES, copy_reports, run_cli
from tests.orchestration.contract_tables import contract_checksums

REPO = Path(__file__).resolve().parents[2]
ADDED = ("not_adding_up.txt", "rates_in_two_tables.txt")
CHANGED = "report_two.txt"
REMOVED = "not_adding_up.txt"
# parts this small hold a report or two: a change rewrites some parts and keeps others
PART_BYTES = "20000"
KILL_TIMEOUT = 900.0  # seconds dbt may take to reach the intermediate models on a loaded machine


class History:
    """The live warehouse of this module, its raw folder and the reference full builds."""

    def __init__(self, root: Path):
        self.raw = copy_reports(root / "raw")
        self.warehouse = root / "built" / "warehouse.duckdb"
        self.reference = root / "reference" / "warehouse.duckdb"

    def build(self):
        """Given the raw folder as it is, build the live warehouse; return the run."""
        run = run_cli(self.raw, self.warehouse)
        assert run.status == 0, run.err
        return run

    def full_build_checksums(self) -> dict[str, tuple[int, str]]:
        """Given the live warehouse just built, return a full build's contract checksums."""
        shutil.rmtree(self.reference.parent, ignore_errors=True)
        run = run_cli(self.raw, self.reference)
        assert run.status == 0, run.err
        assert "Full build: no warehouse to build on yet" in run.out
        return contract_checksums(self.reference)

    def assert_equals_full_build(self, run) -> None:
        """Given an incremental build just run, assert it was one and equals a full build."""
        assert "Incremental build:" in run.out, run.out
        assert contract_checksums(self.warehouse) == self.full_build_checksums()


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Iterator[History]:
    """Given a tmp folder, return a history whose first, full build is published."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv(PART_BYTES_ENV, PART_BYTES)  # the killed build's process inherits it
        yield _first_build(tmp_path_factory)


def _first_build(tmp_path_factory) -> History:
    """Given a tmp folder, return a history whose first, full build is published."""
    history = History(tmp_path_factory.mktemp("incremental dbt"))
    run = history.build()
    assert "Full build: no warehouse to build on yet" in run.out
    return history


def test_added_reports_build_incrementally_equal_to_a_full_build(history):
    for name in ADDED:
        shutil.copyfile(FIXTURES / name, history.raw / name)
    run = history.build()
    assert "Incremental build: 2 reports added, changed or removed" in run.out
    history.assert_equals_full_build(run)


def test_a_build_killed_inside_dbt_leaves_the_live_warehouse_as_it_was(history):
    with (history.raw / CHANGED).open("a", encoding="utf-8") as report:
        report.write("\nEtt tillägg i texten som ändrar filens innehåll.\n")
    live = contract_checksums(history.warehouse)
    started = time.time()
    build = subprocess.Popen(
        [sys.executable, "-m", "orchestration.cli", "build", "--raw-dir", str(history.raw)]
        + ["--warehouse", str(history.warehouse)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_until_dbt_runs_intermediate_models(build, history.warehouse, started)
    children = psutil.Process(build.pid).children(recursive=True)
    os.kill(build.pid, signal.SIGKILL)
    build.communicate()
    _, alive = psutil.wait_procs(children, timeout=30)
    assert not alive, f"still running after their build was killed: {alive}"
    assert building_path(history.warehouse).exists()  # killed mid-build, not after it
    assert contract_checksums(history.warehouse) == live


def test_a_changed_report_builds_incrementally_equal_to_a_full_build(history):
    run = history.build()  # the change the killed build left unpublished
    # the changed file is a new report key, its old key a removed one
    assert "Incremental build: 2 reports added, changed or removed" in run.out
    history.assert_equals_full_build(run)


def test_a_removed_report_builds_incrementally_equal_to_a_full_build(history):
    (history.raw / REMOVED).unlink()
    run = history.build()
    assert "Incremental build: 1 reports added, changed or removed" in run.out
    history.assert_equals_full_build(run)


def ran_intermediate_model(warehouse: Path, since: float) -> bool:
    """Given the live warehouse, return whether dbt ran an intermediate model after `since`.

    dbt writes each model's executed SQL into its target folder as it runs it.
    """
    executed = (warehouse.parent / "dbt_target" / "run").glob("*/models/intermediate/*/*.sql")
    return any(modified(path) > since for path in executed)


def modified(path: Path) -> float:
    """Given a file dbt may be rewriting, return its modification time (0 when gone)."""
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


def wait_until_dbt_runs_intermediate_models(
    build: subprocess.Popen, warehouse: Path, since: float
) -> None:
    """Given a running build, return once its dbt has run an intermediate model."""
    deadline = time.monotonic() + KILL_TIMEOUT
    while not ran_intermediate_model(warehouse, since):
        assert build.poll() is None, f"the build ended before dbt ran: {build.communicate()}"
        assert time.monotonic() < deadline, "dbt never ran an intermediate model"
        time.sleep(0.05)
