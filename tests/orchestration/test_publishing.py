"""Publishing: each build its own file, a stable name swapped onto it, no stray WAL paired."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from orchestration.publishing import (
    building_docs,
    building_path,
    code_digest,
    publish,
    published_state,
)

REPO = Path(__file__).resolve().parents[2]
# An analyst with a read-write connection who writes after a build swapped, then dies.
RW_ANALYST = """
import os, sys, duckdb
con = duckdb.connect(sys.argv[1])
print(con.execute("select n from t").fetchone()[0], flush=True)
sys.stdin.readline()
con.execute("create table mine as select 1 as x")
con.execute("insert into t values (99)")
print("wrote", flush=True)
os._exit(9)
"""


def finished_build(warehouse: Path, n: int) -> None:
    """Given the live warehouse, leave a finished build beside it holding the value n."""
    with duckdb.connect(str(building_path(warehouse))) as con:
        con.execute("create or replace table t as select $n as n", {"n": n})


def test_a_dead_read_write_analyst_never_makes_the_live_warehouse_unopenable(tmp_path):
    live = tmp_path / "warehouse.duckdb"
    finished_build(live, 1)
    publish(live, "one")
    analyst = subprocess.Popen(
        [sys.executable, "-c", RW_ANALYST, str(live)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert analyst.stdout.readline().strip() == "1"
    finished_build(live, 2)
    publish(live, "two")
    analyst.stdin.write("\n")
    analyst.stdin.flush()
    assert analyst.stdout.readline().strip() == "wrote"
    analyst.wait(timeout=30)
    with duckdb.connect(str(live)) as con:  # read-write: replays any WAL beside the file
        assert con.execute("select n from t").fetchall() == [(2,)]
    finished_build(live, 3)
    publish(live, "three")
    with duckdb.connect(str(live), read_only=True) as con:
        assert con.execute("select n from t").fetchall() == [(3,)]


def test_the_stable_name_points_at_one_file_per_build_and_old_ones_are_pruned(tmp_path):
    live = tmp_path / "warehouse.duckdb"
    for n in range(4):
        finished_build(live, n)
        publish(live, str(n))
    assert live.is_symlink()
    target = live.resolve()
    assert target.name.startswith("warehouse.") and target.name.endswith(".duckdb")
    versions = sorted(tmp_path.glob("warehouse.*.duckdb"))
    assert len(versions) == 2 and target in versions  # the live one and the one before
    with duckdb.connect(str(live), read_only=True) as con:
        assert con.execute("select current_database(), n from t").fetchall() == [("warehouse", 3)]


def test_an_old_single_file_warehouse_is_replaced_by_the_stable_name(tmp_path):
    live = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(live)) as con:
        con.execute("create table t as select 0 as n")
    (tmp_path / "warehouse.duckdb.wal").write_bytes(b"a crashed writer's log")
    finished_build(live, 1)
    publish(live, "one")
    assert live.is_symlink() and not (tmp_path / "warehouse.duckdb.wal").exists()
    with duckdb.connect(str(live)) as con:
        assert con.execute("select n from t").fetchall() == [(1,)]


def test_a_change_of_dbt_models_or_seeds_makes_the_published_state_stale(tmp_path):
    project = tmp_path / "dbt_project"
    shutil.copytree(REPO / "dbt_project", project, ignore=shutil.ignore_patterns("target", "logs"))
    before = code_digest(project)
    seed = next((project / "seeds").glob("*.csv"))
    seed.write_text(seed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert code_digest(project) != before
    live = tmp_path / "warehouse.duckdb"
    finished_build(live, 1)
    publish(live, "state")
    assert published_state(live) == "state"
    state_file = live.with_name(live.name + ".state")
    state_file.write_text("state\nanother-code-digest\n", encoding="utf-8")
    assert published_state(live) is None  # built by other models: not current


def test_a_garbage_state_file_is_not_current(tmp_path):
    live = tmp_path / "warehouse.duckdb"
    finished_build(live, 1)
    publish(live, "state")
    live.with_name(live.name + ".state").write_bytes(b"\xff\x00garbage")
    assert published_state(live) is None


def test_data_docs_are_replaced_only_by_a_published_build(tmp_path):
    live, quality = tmp_path / "warehouse.duckdb", tmp_path / "quality"
    building_docs(quality).mkdir()
    (building_docs(quality) / "index.html").write_text("first", encoding="utf-8")
    finished_build(live, 1)
    publish(live, "one", quality)
    assert (quality / "index.html").read_text(encoding="utf-8") == "first"
    building_docs(quality).mkdir()
    (building_docs(quality) / "index.html").write_text("unpublished", encoding="utf-8")
    assert (quality / "index.html").read_text(encoding="utf-8") == "first"
    assert os.listdir(quality) == ["index.html"]
