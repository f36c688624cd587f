"""Build beside the live warehouse, then swap it in whole.

dbt writes `<warehouse>.building`; only when the build and its blocking
checks succeed is it renamed over the live file (`os.replace`, atomic on one
filesystem). A reader holding the old file keeps its open inode; a new
connection opens the new file. A failed build leaves the live file as it was.
DuckDB names a database after the file name up to its first dot, so
`warehouse.duckdb.building` and `warehouse.duckdb` share the catalog name
the dbt views refer to.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

BUILDING_SUFFIX = ".building"
WAL_SUFFIX = ".wal"
STATE_SUFFIX = ".state"  # the extract state the live warehouse was built from


def building_path(warehouse: Path) -> Path:
    """Given the live warehouse file, return the file a build writes to."""
    warehouse = Path(warehouse)
    return warehouse.with_name(warehouse.name + BUILDING_SUFFIX)


def _wal(path: Path) -> Path:
    """Given a DuckDB file, return its write-ahead log."""
    return path.with_name(path.name + WAL_SUFFIX)


def discard_building(warehouse: Path) -> Path:
    """Given the live warehouse, delete a leftover build beside it; return the build path."""
    building = building_path(warehouse)
    building.unlink(missing_ok=True)
    _wal(building).unlink(missing_ok=True)
    return building


def current_build(warehouse: Path) -> Path:
    """Given the live warehouse, return the build in progress if any, else the live file."""
    building = building_path(warehouse)
    return building if building.exists() else Path(warehouse)


def _state(warehouse: Path) -> Path:
    """Given the live warehouse, return the file naming the extract state it was built from."""
    return Path(warehouse).with_name(Path(warehouse).name + STATE_SUFFIX)


def published_state(warehouse: Path) -> str | None:
    """Given the live warehouse, return the extract state it was built from, if known."""
    if not Path(warehouse).exists() or not _state(warehouse).exists():
        return None
    return _state(warehouse).read_text(encoding="utf-8").strip()


def publish(warehouse: Path, extract_state: str) -> Path:
    """Given the live warehouse and the extract state built, swap the build in; return it.

    The state is written after the swap: a crash between the two leaves an old
    state, which only makes the next build run rather than skip.
    """
    building = building_path(warehouse)
    if not building.exists():
        raise FileNotFoundError(f"no finished build to publish at {building}")
    with duckdb.connect(str(building)) as con:
        con.execute("checkpoint")  # fold the WAL in, so the one renamed file is complete
    _wal(Path(warehouse)).unlink(missing_ok=True)  # a crashed writer's log must not replay
    os.replace(building, warehouse)
    _state(warehouse).write_text(extract_state + "\n", encoding="utf-8")
    return Path(warehouse)
