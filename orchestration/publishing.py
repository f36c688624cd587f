"""Build beside the live warehouse, then swap a stable name onto it.

dbt writes `<warehouse>.building`. Only when the build and its blocking
checks succeed is it checkpointed, renamed to a file of its own,
`warehouse.<build id>.duckdb`, and the stable name `warehouse.duckdb`, a
symbolic link, is replaced by one pointing at it (`os.replace`, atomic on one
filesystem). DuckDB resolves the link when it opens the file, so a
connection keeps its own file and writes its WAL beside that file: a new
database is never paired with an older one's WAL, even when an analyst
holding a read-write connection writes after the swap. A failed build
leaves the live file as it was. DuckDB names a database after the file name
up to its first dot, so `.building`, each build's own file and the stable
name share the catalog name the dbt views refer to.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb

BUILDING_SUFFIX = ".building"
WAL_SUFFIX = ".wal"
STATE_SUFFIX = ".state"  # the extract state and code the live warehouse was built from
KEPT_BUILDS = 2  # the live build and the one before, which open connections may still hold
DBT_PROJECT = Path(__file__).resolve().parents[1] / "dbt_project"
CODE_FOLDERS = ("models", "seeds", "macros", "tests")  # what dbt builds the warehouse from
CODE_SUFFIXES = (".sql", ".yml", ".yaml", ".csv")


def building_path(warehouse: Path) -> Path:
    """Given the live warehouse file, return the file a build writes to."""
    warehouse = Path(warehouse)
    return warehouse.with_name(warehouse.name + BUILDING_SUFFIX)


def building_docs(quality: Path) -> Path:
    """Given the live Data Docs folder, return the folder a build writes its docs to."""
    return Path(quality).with_name(Path(quality).name + BUILDING_SUFFIX)


def _wal(path: Path) -> Path:
    """Given a DuckDB file, return its write-ahead log."""
    return path.with_name(path.name + WAL_SUFFIX)


def discard_building(warehouse: Path) -> Path:
    """Given the live warehouse, delete a leftover build beside it; return the build path."""
    building = building_path(warehouse)
    building.unlink(missing_ok=True)
    _wal(building).unlink(missing_ok=True)
    return building


def discard_building_docs(quality: Path) -> Path:
    """Given the live Data Docs folder, delete a leftover build's docs; return their folder."""
    shutil.rmtree(building_docs(quality), ignore_errors=True)
    return building_docs(quality)


def current_build(warehouse: Path) -> Path:
    """Given the live warehouse, return the build in progress if any, else the live file."""
    building = building_path(warehouse)
    return building if building.exists() else Path(warehouse)


def code_digest(project: Path = DBT_PROJECT, folders: tuple[str, ...] = CODE_FOLDERS) -> str:
    """Given the dbt project folder, return a digest of dbt_project.yml and the folders' code.

    By default the models, seeds, macros and tests: everything dbt builds from.
    """
    digest = hashlib.sha256()
    files = [project / "dbt_project.yml"]
    files += [p for folder in folders for p in sorted((project / folder).rglob("*"))]
    for path in files:
        if path.is_file() and path.suffix in CODE_SUFFIXES:
            digest.update(str(path.relative_to(project)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _state(warehouse: Path) -> Path:
    """Given the live warehouse, return the file naming the state it was built from."""
    return Path(warehouse).with_name(Path(warehouse).name + STATE_SUFFIX)


def published_state(warehouse: Path) -> str | None:
    """Given the live warehouse, return the extract state it was built from, if current.

    None when unknown, unreadable, or built by other dbt code (a model or seed changed).
    """
    try:
        lines = _state(warehouse).read_text(encoding="utf-8").split()
    except (OSError, UnicodeDecodeError):
        return None
    if not Path(warehouse).exists() or len(lines) != 2 or lines[1] != code_digest():
        return None
    return lines[0]


def publish(warehouse: Path, extract_state: str, quality: Path | None = None) -> Path:
    """Given the live warehouse and the extract state built, swap the build in; return it.

    The state is written after the swap: a crash between the two leaves an old
    state, which only makes the next build run rather than skip.
    """
    warehouse, building = Path(warehouse), building_path(warehouse)
    if not building.exists():
        raise FileNotFoundError(f"no finished build to publish at {building}")
    with duckdb.connect(str(building)) as con:
        con.execute("checkpoint")  # fold the WAL in, so the one renamed file is complete
    own = _own_file(warehouse)
    os.replace(building, own)
    _point(warehouse, own)
    _wal(warehouse).unlink(missing_ok=True)  # a single-file warehouse's log must not replay
    _state(warehouse).write_text(f"{extract_state}\n{code_digest()}\n", encoding="utf-8")
    if quality is not None and building_docs(quality).is_dir():
        _swap_docs(Path(quality))
    _prune(warehouse)
    return warehouse


def _own_file(warehouse: Path) -> Path:
    """Given the stable name, return a new file name for one build, in the same catalog."""
    catalog, _, rest = warehouse.name.partition(".")
    build_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return warehouse.with_name(f"{catalog}.{build_id}" + (f".{rest}" if rest else ""))


def _point(warehouse: Path, target: Path) -> None:
    """Given the stable name and a build's file, make the name a link to it, atomically."""
    link = warehouse.with_name(f".{warehouse.name}.{os.getpid()}.link")
    link.unlink(missing_ok=True)
    link.symlink_to(target.name)  # relative: the folder may be moved or mounted elsewhere
    os.replace(link, warehouse)


def _swap_docs(quality: Path) -> None:
    """Given the live Data Docs folder, replace it with the published build's docs."""
    previous = quality.with_name(quality.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if quality.exists():
        os.replace(quality, previous)
    os.replace(building_docs(quality), quality)
    shutil.rmtree(previous, ignore_errors=True)


def _prune(warehouse: Path) -> None:
    """Given the stable name, delete builds older than the kept ones, and their logs."""
    catalog, _, rest = warehouse.name.partition(".")
    own = sorted(warehouse.parent.glob(f"{catalog}.[0-9]*T*Z" + (f".{rest}" if rest else "")))
    for old in own[:-KEPT_BUILDS]:
        old.unlink(missing_ok=True)
        _wal(old).unlink(missing_ok=True)
    for log in warehouse.parent.glob(f"{catalog}.[0-9]*T*Z*{WAL_SUFFIX}"):
        if not log.with_name(log.name.removesuffix(WAL_SUFFIX)).exists():
            log.unlink(missing_ok=True)
