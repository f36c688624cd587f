"""The compacted Parquet holds exactly the per-report files' rows, in parts of bounded size;
a changed report rewrites only its parts; a killed compaction leaves the set it replaced.

Real reports extracted into a real folder (`orchestration.incremental`), compacted by
DuckDB, read back by DuckDB as dbt's sources read them.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from extract.schema import RELATIONS
from orchestration.compaction import COMPACTED_DIR, MANIFEST, compact, compacted_dir, pack
from orchestration.incremental import apply_plan, plan_build, sweep_extracted
from tests.orchestration.conftest import FIXTURES

REPO = Path(__file__).resolve().parents[2]
FIXTURE_NAMES = sorted(path.name for path in FIXTURES.glob("*.txt"))
SMALL_PARTS = 20_000  # bytes: several reports to a part, several parts to a relation
KILL_TIMEOUT = 300.0  # seconds the compaction may take to start writing on a loaded machine


def extract(raw: Path, extracted: Path) -> None:
    """Given a raw folder, bring its extracted folder up to date (new, changed, removed)."""
    plan = plan_build(raw, extracted)
    apply_plan(raw, extracted, plan, lambda *_: None)
    sweep_extracted(raw, extracted)


def variant(raw: Path, name: str, copy: int) -> Path:
    """Given a fixture name and a number, write a copy of it that is a report of its own."""
    path = raw / f"{copy}_{name}"
    text = (FIXTURES / name).read_text(encoding="utf-8")
    path.write_text(f"{text}\nKopia nummer {copy} av rapporten.\n", encoding="utf-8")
    return path


def rows(con: duckdb.DuckDBPyConnection, glob: Path) -> list[tuple]:
    """Given Parquet files, return their rows, sorted, as dbt's union_by_name read gives them."""
    query = "select * from read_parquet($glob, union_by_name = true)"
    return sorted(con.execute(query, {"glob": glob.as_posix()}).fetchall(), key=repr)


def assert_compacted_equals_extracted(extracted: Path) -> None:
    """Given a compacted folder, assert every relation holds exactly the per-report rows."""
    with duckdb.connect() as con:
        for relation in RELATIONS:
            per_report = rows(con, extracted / relation / "*.parquet")
            compacted = rows(con, compacted_dir(extracted) / relation / "*.parquet")
            assert compacted == per_report, relation


def part_inodes(extracted: Path) -> dict[str, int]:
    """Given a compacted folder, return each part file (relation/name) -> its inode."""
    folder = compacted_dir(extracted).resolve()
    return {str(p.relative_to(folder)): p.stat().st_ino for p in folder.glob("*/*.parquet")}


@pytest.fixture
def folders(tmp_path) -> tuple[Path, Path]:
    """Given a tmp folder, return a raw folder of 16 reports and its extracted folder."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for copy in (1, 2):
        for name in FIXTURE_NAMES:
            variant(raw, name, copy)
    extracted = tmp_path / "extracted"
    extract(raw, extracted)
    return raw, extracted


def test_pack_bounds_each_part_and_keeps_a_large_report_alone():
    sizes = {"a": 40, "b": 50, "c": 10, "d": 300, "e": 5}
    assert pack(sizes, 100) == [("a", "b", "c"), ("d",), ("e",)]


def test_compaction_holds_every_row_in_bounded_parts(folders):
    _, extracted = folders
    result = compact(extracted, part_bytes=SMALL_PARTS)
    assert_compacted_equals_extracted(extracted)
    cells = sorted((compacted_dir(extracted) / "cells").glob("*.parquet"))
    assert 1 < len(cells) < len(FIXTURE_NAMES) * 2
    assert result.parts_written == len(part_inodes(extracted))
    again = compact(extracted, part_bytes=SMALL_PARTS)
    assert (again.changed_reports, again.parts_written) == (0, 0)


def test_a_changed_and_a_removed_report_rewrite_only_their_parts(folders):
    raw, extracted = folders
    compact(extracted, part_bytes=SMALL_PARTS)
    before = part_inodes(extracted)
    first, last = sorted(raw.iterdir())[0], sorted(raw.iterdir())[-1]
    with first.open("a", encoding="utf-8") as report:
        report.write("\nEtt tillägg i texten som ändrar filens innehåll.\n")
    last.unlink()
    extract(raw, extracted)
    result = compact(extracted, part_bytes=SMALL_PARTS)
    assert result.changed_reports == 3  # the changed file's old and new key, the removed one
    assert_compacted_equals_extracted(extracted)
    after = part_inodes(extracted)
    kept = {part for part, inode in after.items() if before.get(part) == inode}
    assert kept and len(kept) == result.parts_kept
    assert len(after) - len(kept) == result.parts_written
    assert len(list((extracted / COMPACTED_DIR).iterdir())) == 2  # the link and its set


def test_a_killed_compaction_leaves_the_set_it_was_replacing(folders):
    raw, extracted = folders
    compact(extracted, part_bytes=SMALL_PARTS)
    with duckdb.connect() as con:
        previous = {r: rows(con, compacted_dir(extracted) / r / "*.parquet") for r in RELATIONS}
    for name in FIXTURE_NAMES:
        variant(raw, name, 3)
    extract(raw, extracted)
    code = "import sys; from orchestration.compaction import compact; compact(sys.argv[1], 1)"
    compaction = subprocess.Popen([sys.executable, "-c", code, str(extracted)], cwd=REPO)
    wait_for_a_written_part(compaction, extracted / COMPACTED_DIR)
    os.kill(compaction.pid, signal.SIGKILL)
    compaction.wait()
    with duckdb.connect() as con:
        for relation in RELATIONS:
            glob = compacted_dir(extracted) / relation / "*.parquet"
            assert rows(con, glob) == previous[relation], relation
    compact(extracted, part_bytes=SMALL_PARTS)
    assert_compacted_equals_extracted(extracted)
    assert len(list((extracted / COMPACTED_DIR).iterdir())) == 2


def wait_for_a_written_part(compaction: subprocess.Popen, root: Path) -> None:
    """Given a running compaction, return once its new set holds a part but no record yet."""
    deadline = time.monotonic() + KILL_TIMEOUT
    while True:
        new_sets = [p for p in root.glob(".new-*") if not (p / MANIFEST).exists()]
        if any(next(p.glob("*/*.parquet"), None) for p in new_sets):
            return
        assert compaction.poll() is None, "the compaction ended before it could be killed"
        assert time.monotonic() < deadline, "the compaction never wrote a part"
        time.sleep(0.01)


def test_an_unreadable_record_compacts_everything_again(folders):
    _, extracted = folders
    compact(extracted, part_bytes=SMALL_PARTS)
    (compacted_dir(extracted) / MANIFEST).write_text("{", encoding="utf-8")
    result = compact(extracted, part_bytes=SMALL_PARTS)
    assert result.parts_kept == 0 and result.changed_reports == len(FIXTURE_NAMES) * 2
    assert_compacted_equals_extracted(extracted)
    shutil.rmtree(extracted / COMPACTED_DIR)
    compact(extracted)
    assert_compacted_equals_extracted(extracted)
