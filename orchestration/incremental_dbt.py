"""Start a build in a copy of the live warehouse, so dbt recomputes only what changed.

The per-report models (intermediate steps 1-8) are dbt incremental models: in
a copy of the live warehouse they delete and recompute the rows of the
reports added, changed or removed since that warehouse was built, whose keys
this module writes into the copy first (`kommunlager_build.changed_reports`,
read by `dbt_project/macros/changed_reports.sql`). Everything comparing
reports (copies, marts, dims, quality relations) stays a table recomputed
whole from them. A report is "changed" when the digests of its extracted
Parquet differ from those the copy was built from.

Anything else dbt's output depends on - the models and macros, the
vocabulary seeds, the extractor, dbt, its adapter or DuckDB - is recorded in
the warehouse too; when one differs the build starts from an empty file (a
full build) and says why. The live file is only ever read (copied): a build
that fails or is killed leaves it as it was (`orchestration.publishing`).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import duckdb

from extract.inventory import extractor_version, stored_inventory
from orchestration.publishing import STATE_SUFFIX, WAL_SUFFIX, code_digest, discard_building

BUILD_SCHEMA = "kommunlager_build"  # what the warehouse was built from; read by the dbt macros
DBT_CODE_FOLDERS = ("models", "macros", "tests")  # the seeds are recorded on their own
SEED_FOLDERS = ("seeds",)


@dataclass(frozen=True)
class BuildStart:
    """How a build starts: incremental in a copy, or full, why, and how many reports changed."""

    incremental: bool
    reason: str
    changed_reports: int

    def line(self) -> str:
        """Given the start, return it as one readable line for the log and the summary."""
        if self.incremental:
            return f"Incremental build: {self.changed_reports} reports added, changed or removed"
        return f"Full build: {self.reason}"


def build_inputs() -> dict[str, str]:
    """Given nothing, return what dbt's output depends on besides the reports, by name."""
    return {
        "dbt models": code_digest(folders=DBT_CODE_FOLDERS),
        "seeds": code_digest(folders=SEED_FOLDERS),
        "extractor": extractor_version(),
        "dbt version": f"dbt-core {version('dbt-core')}, dbt-duckdb {version('dbt-duckdb')}",
        "duckdb version": duckdb.__version__,
    }


def report_fingerprints(extracted_dir: Path) -> dict[str, str]:
    """Given the extracted folder, return report key -> digest of its Parquet files.

    Files that share a report key (identical copies) share its Parquet, so one digest.
    """
    return {
        report.report_key: hashlib.sha256(
            json.dumps(report.outputs, sort_keys=True).encode()
        ).hexdigest()
        for report in stored_inventory(extracted_dir).values()
    }


def start_building(warehouse: Path, extracted_dir: Path) -> BuildStart:
    """Given the live warehouse and the extracts, prepare `<warehouse>.building`; say how.

    Incremental: the live file copied, with the changed reports' keys written in.
    Full: a new file holding only the build state; dbt creates every model.
    """
    building = discard_building(warehouse)
    inputs, fingerprints = build_inputs(), report_fingerprints(extracted_dir)
    start, built = _copy_live(Path(warehouse), building, inputs)
    if not start.incremental:
        discard_building(warehouse)
        built = {}
    changed = changed_keys(built, fingerprints)
    start = BuildStart(start.incremental, start.reason, len(changed))
    with duckdb.connect(str(building)) as con:
        _write_state(con, inputs, fingerprints, changed, start)
    return start


def changed_keys(built: dict[str, str], current: dict[str, str]) -> list[str]:
    """Given the report fingerprints built from and the current ones, return the keys that
    differ: added, changed (same key, other Parquet) or removed reports."""
    return sorted(k for k in built.keys() | current.keys() if built.get(k) != current.get(k))


def _copy_live(
    warehouse: Path, building: Path, inputs: dict[str, str]
) -> tuple[BuildStart, dict[str, str]]:
    """Given the live warehouse, copy it to the build path when it can be built on.

    Return how the build starts and the report fingerprints the copy was built from.
    """
    if not warehouse.exists():
        return _full("no warehouse to build on yet"), {}
    live = warehouse.resolve()
    wal = live.with_name(live.name + WAL_SUFFIX)
    if wal.exists() or _written_since_published(warehouse, live):
        # an analyst's read-write session: what it wrote must not reach a newer build
        return _full("the live warehouse was written after it was published"), {}
    before = _file_state(live)
    shutil.copyfile(live, building)
    if wal.exists() or _file_state(live) != before:  # the copy may hold half a write
        return _full("the live warehouse was written while it was copied"), {}
    with duckdb.connect(str(building)) as con:
        recorded = _read_state(con)
    if recorded is None:
        return _full("the live warehouse records no build state"), {}
    built_inputs, built = recorded
    differ = [name for name, value in inputs.items() if built_inputs.get(name) != value]
    if differ:
        return _full(" and ".join(differ) + " changed"), {}
    return BuildStart(True, "", 0), built


def _written_since_published(warehouse: Path, live: Path) -> bool:
    """Given the stable name and its file, return whether the file changed after publishing.

    Publishing checkpoints the file, renames it and then writes the state file beside
    the stable name, so a published file is never newer than that state.
    """
    state = warehouse.with_name(warehouse.name + STATE_SUFFIX)
    return not state.exists() or live.stat().st_mtime_ns > state.stat().st_mtime_ns


def _file_state(path: Path) -> tuple[int, int]:
    """Given a file, return its size and modification time, which any write changes."""
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _full(reason: str) -> BuildStart:
    """Given why the live warehouse cannot be built on, return a full build's start."""
    return BuildStart(False, reason, 0)


def _read_state(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, str], dict[str, str]] | None:
    """Given a warehouse, return the inputs and report fingerprints it was built from."""
    try:
        inputs = dict(con.execute(f"select name, value from {BUILD_SCHEMA}.inputs").fetchall())
        reports = con.execute(f"select report_key, fingerprint from {BUILD_SCHEMA}.reports")
        return inputs, dict(reports.fetchall())
    except duckdb.CatalogException:
        return None


def _write_state(
    con: duckdb.DuckDBPyConnection,
    inputs: dict[str, str],
    fingerprints: dict[str, str],
    changed: list[str],
    start: BuildStart,
) -> None:
    """Given the build's file, record what it is built from and which reports dbt redoes."""
    con.execute(f"create schema if not exists {BUILD_SCHEMA}")
    tables = {
        "inputs": ("name varchar, value varchar", sorted(inputs.items())),
        "reports": ("report_key varchar, fingerprint varchar", sorted(fingerprints.items())),
        "changed_reports": ("report_key varchar", [(key,) for key in changed]),
        "last_build": (
            "incremental boolean, reason varchar, changed_reports integer",
            [(start.incremental, start.reason, start.changed_reports)],
        ),
    }
    for name, (columns, rows) in tables.items():
        con.execute(f"create or replace table {BUILD_SCHEMA}.{name} ({columns})")
        if rows:  # one statement per table, column lists unnested: a row at a time is slow
            lists = {f"c{i}": list(column) for i, column in enumerate(zip(*rows, strict=True))}
            unnested = ", ".join(f"unnest(${key})" for key in lists)
            con.execute(f"insert into {BUILD_SCHEMA}.{name} select {unnested}", lists)


def checked_reports(warehouse: Path) -> list[str] | None:
    """Given a build's file, return the reports its checks must validate: the ones added,
    changed or removed when it builds incrementally, None (all) when it builds in full.

    The other reports' rows are those of the published warehouse, which passed its checks.
    """
    with duckdb.connect(str(warehouse), read_only=True) as con:
        try:
            built = con.execute(f"select incremental from {BUILD_SCHEMA}.last_build").fetchone()
        except duckdb.CatalogException:
            return None
        if not (built and built[0]):
            return None
        keys = con.execute(f"select report_key from {BUILD_SCHEMA}.changed_reports").fetchall()
    return [key for (key,) in keys]


def last_build_line(con: duckdb.DuckDBPyConnection) -> str | None:
    """Given a warehouse, return how its last build ran, if it records it."""
    try:
        row = con.execute(
            f"select incremental, reason, changed_reports from {BUILD_SCHEMA}.last_build"
        ).fetchone()
    except duckdb.CatalogException:
        return None
    return BuildStart(*row).line() if row else None
