"""Fault injection: kill the build at each stage, fill the disk, corrupt each state file.

One module-scoped history over one live warehouse, in a folder with an
apostrophe in its name. Its first build is a clean build; after every fault
the live warehouse must be unchanged and queryable, and the next build must
equal the clean build, compared by checksums of every contract table. Kills
are `kill -9` of a `kommunlager build` process at a point on disk that shows
its stage. Publishing is too short to hit by timing: a build is held inside it
by a named pipe in place of its state file (opening a pipe to write waits for a
reader), then killed there; each other state a crash inside `publish` can leave
is made on disk.
"""

import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psutil
import pytest

from extract.inventory import sidecar_path, stored_inventory
from orchestration.publishing import building_docs, building_path
from tests.orchestration.conftest import copy_reports, run_cli
from tests.orchestration.contract_tables import contract_checksums

pytestmark = pytest.mark.faults

REPO = Path(__file__).resolve().parents[2]
STAGE_TIMEOUT = 1800.0  # seconds a stage may take to show on a loaded machine
FILE_SIZE_LIMIT = 4 * 1024 * 1024  # RLIMIT_FSIZE: Parquet and logs fit, the warehouse does not


class History:
    """The live warehouse of this module and the checksums of its clean build."""

    def __init__(self, root: Path):
        self.raw = copy_reports(root / "raw")
        self.warehouse = root / "o'brien" / "warehouse.duckdb"
        self.extracted = self.warehouse.parent / "extracted"
        self.clean: dict[str, tuple[int, str]] = {}

    def build(self, *flags: str):
        """Given CLI flags, run a build in this process and return it."""
        return run_cli(self.raw, self.warehouse, *flags)

    def assert_live_unchanged(self) -> None:
        """Given a fault just injected, assert the live warehouse is queryable and as clean."""
        assert contract_checksums(self.warehouse) == self.clean

    def assert_next_build_is_clean(self) -> None:
        """Given a fault, build again and assert it succeeds and equals the clean build."""
        run = self.build()
        assert run.status == 0, run.err
        assert contract_checksums(self.warehouse) == self.clean


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> History:
    """Given a tmp folder, return a history whose first, clean build is published."""
    history = History(tmp_path_factory.mktemp("faults"))
    run = history.build()
    assert run.status == 0, run.err  # an apostrophe in the path used to break every build
    history.clean = contract_checksums(history.warehouse)
    assert all(rows > 0 for name, (rows, _) in history.clean.items() if "dim" in name)
    return history


def start_build(history: History, *flags: str, preexec=None) -> subprocess.Popen:
    """Given the history, start `kommunlager build` in a process of its own."""
    command = [sys.executable, "-m", "orchestration.cli", "build", "--raw-dir", str(history.raw)]
    return subprocess.Popen(
        [*command, "--warehouse", str(history.warehouse), *flags],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=preexec,
    )


def wait_for(build: subprocess.Popen, shows) -> None:
    """Given a running build and a condition on disk, return once it holds."""
    deadline = time.monotonic() + STAGE_TIMEOUT
    while not shows():
        assert build.poll() is None, f"the build ended before the stage: {build.communicate()}"
        assert time.monotonic() < deadline, "the stage never showed"
        time.sleep(0.01)


def kill_with_children(build: subprocess.Popen) -> None:
    """Given a running build, kill -9 it alone and assert its children die with it."""
    children = psutil.Process(build.pid).children(recursive=True)
    os.kill(build.pid, signal.SIGKILL)
    build.communicate()
    _, alive = psutil.wait_procs(children, timeout=30)
    assert not alive, f"still running after their build was killed: {alive}"


def reading(history: History) -> bool:
    """Given the history, return whether a report is being read right now."""
    return history.extracted.is_dir() and any(history.extracted.glob(".reading-*"))


STAGES = {
    "extraction": reading,
    "dbt": lambda history: building_path(history.warehouse).exists(),
    "checks": lambda history: building_docs(history.warehouse.parent / "quality").exists(),
}


@pytest.mark.parametrize("stage", list(STAGES))
def test_a_build_killed_at_each_stage_changes_nothing_live(history, stage):
    log = history.warehouse.parent / "build.log"
    last_log = log.read_bytes()
    build = start_build(history, "--force")
    wait_for(build, lambda: STAGES[stage](history))
    kill_with_children(build)
    history.assert_live_unchanged()
    assert log.read_bytes() == last_log  # the last finished build's log, not truncated
    history.assert_next_build_is_clean()


def worker_alive(build: subprocess.Popen) -> bool:
    """Given a running build, return whether an extraction worker of its is alive."""
    for child in psutil.Process(build.pid).children():
        with contextlib.suppress(psutil.NoSuchProcess):
            if "extract.worker" in " ".join(child.cmdline()):
                return True
    return False


def test_a_parallel_build_killed_while_reading_leaves_no_worker_and_changes_nothing(history):
    build = start_build(history, "--force", "--workers", "2")
    wait_for(build, lambda: reading(history) and worker_alive(build))
    kill_with_children(build)  # each worker and the reader it started die with the build
    history.assert_live_unchanged()
    history.assert_next_build_is_clean()


def test_a_build_killed_inside_publish_leaves_a_warehouse_that_opens(history):
    """The state file is written after the swap: a pipe there holds the build in between."""
    state = history.warehouse.with_name(history.warehouse.name + ".state")
    previous_state, previous_file = state.read_text(), history.warehouse.resolve()
    docs = (history.warehouse.parent / "quality" / "index.html").read_bytes()
    state.unlink()
    os.mkfifo(state)
    build = start_build(history, "--force")
    wait_for(build, lambda: history.warehouse.resolve() != previous_file)
    kill_with_children(build)  # swapped, its state and Data Docs not yet written
    state.unlink()
    state.write_text(previous_state)  # what the crash leaves: the state written before it
    assert not building_path(history.warehouse).exists() and previous_file.exists()
    assert building_docs(history.warehouse.parent / "quality").is_dir()
    assert (history.warehouse.parent / "quality" / "index.html").read_bytes() == docs
    history.assert_live_unchanged()
    history.assert_next_build_is_clean()


@pytest.mark.parametrize("step", ["checkpointed", "own file", "link swapped"])
def test_a_crash_inside_publish_leaves_a_warehouse_that_opens(history, step):
    """Each state a crash between two steps of `publish` leaves on disk."""
    live = history.warehouse.resolve()
    building = building_path(history.warehouse)
    shutil.copyfile(live, building)  # a finished, checkpointed build of the same extracts
    if step in ("own file", "link swapped"):
        own = live.with_name(live.name.replace("T", "T9", 1))
        os.replace(building, own)
        if step == "link swapped":  # the state file is still the previous build's
            link = history.warehouse.with_name(".crashed.link")
            link.symlink_to(own.name)
            os.replace(link, history.warehouse)
    history.assert_live_unchanged()
    history.assert_next_build_is_clean()


def limit_file_size() -> None:
    """In the build's process: files may not grow past FILE_SIZE_LIMIT (a full disk)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails instead of killing
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))


def test_a_full_disk_fails_the_build_naming_the_cause(history):
    build = start_build(history, "--force", preexec=limit_file_size)
    out, err = build.communicate(timeout=STAGE_TIMEOUT)
    assert build.returncode == 1, err
    assert "File too large" in err.strip().splitlines()[-1], err  # the cause, said last
    history.assert_live_unchanged()
    history.assert_next_build_is_clean()


def corrupt_every_state_file(history: History) -> None:
    """Given the history, damage each kind of state file a build keeps beside the warehouse."""
    names = sorted(stored_inventory(history.extracted))
    sidecar_path(history.extracted, names[0]).write_text("{bad", encoding="utf-8")
    sidecar_path(history.extracted, names[1]).write_text('{"file_name": "x"}', encoding="utf-8")
    next((history.extracted / "cells").glob("*.parquet")).write_bytes(b"PAR1 not really")
    history.warehouse.with_name(history.warehouse.name + ".state").write_bytes(b"\x00\xff")
    history.warehouse.with_name(history.warehouse.name + ".lock").write_bytes(b"\xff")
    building_path(history.warehouse).write_bytes(b"not a database")
    docs = building_docs(history.warehouse.parent / "quality")
    docs.mkdir(exist_ok=True)
    (docs / "index.html").write_text("half", encoding="utf-8")


def test_every_corrupt_state_file_means_rebuild_not_failure(history):
    corrupt_every_state_file(history)
    history.assert_live_unchanged()
    history.assert_next_build_is_clean()
    assert (history.warehouse.parent / "quality" / "index.html").read_text() != "half"


RW_ANALYST = """
import os, sys, duckdb
con = duckdb.connect(sys.argv[1])
print(con.execute("select count(*) from dim_report").fetchone()[0], flush=True)
sys.stdin.readline()
con.execute("create table analyst_notes as select 1 as x")
print("wrote", flush=True)
os._exit(9)
"""


def test_a_read_write_analyst_neither_breaks_nor_is_broken_by_builds(history):
    analyst = subprocess.Popen(
        [sys.executable, "-c", RW_ANALYST, str(history.warehouse)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert analyst.stdout.readline().strip() == "2"
    unchanged = history.build()  # nothing changed, the live file is held read-write
    assert unchanged.status == 0, unchanged.err
    assert "Nothing changed" in unchanged.out and "Traceback" not in unchanged.err
    (history.raw / "report_two.txt").unlink()
    changed = history.build()
    assert changed.status == 0, changed.err
    analyst.stdin.write("\n")
    analyst.stdin.flush()
    assert analyst.stdout.readline().strip() == "wrote"
    analyst.wait(timeout=30)
    with duckdb.connect(str(history.warehouse)) as con:  # read-write: would replay a WAL
        assert con.execute("select count(*) from dim_report").fetchone()[0] == 1
