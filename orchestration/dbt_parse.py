"""How a build runs dbt (project, target folder, vars, environment), and a first parse ahead.

dbt parses the whole project the first time it builds a warehouse: the target
folder beside the warehouse has no `partial_parse.msgpack` yet. That parse is
seconds of one core in the middle of the build, after extraction. The CLI starts
it ahead instead (`parse_ahead`), as it starts a build of such a warehouse, with
what `dbt build` will be given (project, vars, warehouse, target folder): it runs
while the build loads its Dagster code location on one core, and `dbt build` then
re-parses only what changed since, which is nothing. dbt checks the parse it finds
against its own settings and parses again when they differ, so a parse ahead can
cost time but never change a build. Kept apart from `orchestration.defs.dbt`, which
loads dagster-dbt and the manifest: the CLI starts the parse before loading them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from orchestration.compaction import compacted_dir
from orchestration.dbt_with_parent import DBT_ENV, PARENT_ENV
from orchestration.defs.resources import REPO_ROOT, WAREHOUSE_ENV, KommunlagerPaths
from orchestration.publishing import building_path

DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
# dbt's target folder per warehouse, kept between builds: its partial_parse.msgpack lets the
# next build of the same warehouse (same vars, same profile) re-parse only changed files.
DBT_TARGET_DIR = "dbt_target"
PARTIAL_PARSE_FILE = "partial_parse.msgpack"
# The venv's dbt, so runs work without an activated venv (make ui, the CLI, tests),
# started through a stand-in that makes dbt die with the build (a killed build's dbt
# would run on, unlocked).
DBT_EXECUTABLE = Path(sys.executable).with_name("dbt")
DBT_WITH_PARENT = REPO_ROOT / "orchestration" / "dbt_with_parent.py"
os.environ.setdefault(DBT_ENV, str(DBT_EXECUTABLE))
DBT_LOG_FORMAT = {"DBT_LOG_FORMAT": "json"}  # as dagster-dbt runs dbt: its dbt.log is JSON lines

_ahead: dict[Path, subprocess.Popen] = {}  # target folder -> its parse started ahead


def dbt_target(paths: KommunlagerPaths) -> Path:
    """Given the paths, return dbt's target folder beside the warehouse (one writer: the lock)."""
    return paths.warehouse().parent / DBT_TARGET_DIR


def dbt_vars(paths: KommunlagerPaths) -> str:
    """Given the paths, return the dbt --vars JSON naming the folder dbt reads the extracted
    Parquet from: its compacted set (`orchestration.compaction`), laid out as the folder."""
    return json.dumps({"extracted_dir": compacted_dir(paths.extracted()).as_posix()})


def dbt_environment(paths: KommunlagerPaths) -> dict[str, str]:
    """Given the paths, return the variables dbt runs with: the file it builds, and the build
    process it dies with."""
    return {WAREHOUSE_ENV[0]: str(building_path(paths.warehouse())), PARENT_ENV: str(os.getpid())}


@contextmanager
def parse_ahead(paths: KommunlagerPaths) -> Iterator[None]:
    """Given a warehouse about to be built (its lock held), parse its dbt project in the
    background when it was never parsed; stop the parse, if still running, on leaving."""
    target = dbt_target(paths)
    if (target / PARTIAL_PARSE_FILE).exists() or not DBT_EXECUTABLE.exists():
        yield
        return
    target.mkdir(parents=True, exist_ok=True)
    command = [str(DBT_WITH_PARENT), "parse", "--quiet", "--vars", dbt_vars(paths)]
    command += ["--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)]
    command += ["--target-path", str(target), "--log-path", str(target)]
    _ahead[target] = subprocess.Popen(
        command,
        cwd=DBT_PROJECT_DIR,
        env={**os.environ, **dbt_environment(paths), **DBT_LOG_FORMAT},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        parse = _ahead.pop(target)
        parse.kill()  # a build that failed before dbt leaves it running; one that ended
        parse.wait()  # is reaped


def wait_for_parse(target: Path) -> None:
    """Given dbt's target folder, wait until a parse started ahead into it has ended, so
    that `dbt build` reads a finished parse and no two dbt processes write the folder."""
    if target in _ahead:
        _ahead[target].wait()
