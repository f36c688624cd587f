"""Shared fixtures: two small real reports (text exports) copied into a raw folder."""

import contextlib
import io
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from orchestration.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "orchestration"
REPORT_FILES = ("report_one.txt", "report_two.txt")


@pytest.fixture
def raw_dir(tmp_path) -> Path:
    """Given a tmp folder, return a raw folder holding the two fixture reports."""
    return copy_reports(tmp_path / "raw")


@dataclass(frozen=True)
class CliRun:
    """One `kommunlager build` call: exit status, stdout, stderr and wall time."""

    status: int
    out: str
    err: str
    seconds: float


def run_cli(raw: Path, warehouse: Path, *flags: str) -> CliRun:
    """Given a raw folder and a warehouse file, run `kommunlager build` and capture it."""
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["build", "--raw-dir", str(raw), "--warehouse", str(warehouse), *flags])
    return CliRun(status, out.getvalue(), err.getvalue(), time.perf_counter() - started)


def copy_reports(folder: Path, names=REPORT_FILES) -> Path:
    """Given a folder, create it holding copies of the named fixture reports; return it."""
    folder.mkdir(parents=True)
    for name in names:
        shutil.copyfile(FIXTURES / name, folder / name)
    return folder
