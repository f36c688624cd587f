"""`kommunlager build` run like production over one warehouse: full, unchanged, changed.

One module-scoped history of real builds (each dbt build costs ~30 s): a
full build of two reports, a rebuild with nothing changed, a rebuild after
one report changed and the other was removed (while an analyst holds a
read-only connection), a fresh build of the same final folder elsewhere, and
a build that fails before publishing.
"""

import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest

from tests.orchestration.conftest import copy_reports, run_cli
from tests.orchestration.contract_tables import contract_rows

ADDED_PARAGRAPH = "\nEtt tillägg i texten som ändrar filens innehåll.\n"
REPO = Path(__file__).resolve().parents[2]
# An analyst in another process: one read-only connection, queried before and after a build.
ANALYST_SCRIPT = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
query = "select count(*) from dim_report"
print(con.execute(query).fetchone()[0], flush=True)
sys.stdin.readline()
print(con.execute(query).fetchone()[0], flush=True)
"""


def analyst(warehouse: Path) -> subprocess.Popen:
    """Given the live warehouse, start a reader process that has queried it once."""
    reader = subprocess.Popen(
        [sys.executable, "-c", ANALYST_SCRIPT, str(warehouse)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout.readline().strip() == "2"
    return reader


def report_keys(warehouse: Path) -> dict[str, str]:
    """Given a warehouse, return file name -> report key of dim_report."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return dict(con.execute("select file_name, report_key from dim_report").fetchall())


def fact_keys(warehouse: Path) -> list[tuple[str, int]]:
    """Given a warehouse, return (report_key, rows) of fct_operating_budget."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(
            "select report_key, count(*) from fct_operating_budget group by 1 order by 1"
        ).fetchall()


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> SimpleNamespace:
    """Given a tmp folder, run the build history once and record what each step saw."""
    root = tmp_path_factory.mktemp("incremental")
    raw = copy_reports(root / "raw")
    live = root / "out" / "warehouse.duckdb"
    h = SimpleNamespace(raw=raw, live=live)
    h.full = run_cli(raw, live)
    h.full_keys, h.full_facts = report_keys(live), fact_keys(live)
    h.full_mtime = live.stat().st_mtime_ns
    h.unchanged = run_cli(raw, live)
    h.unchanged_mtime = live.stat().st_mtime_ns
    reader = analyst(live)
    with open(raw / "report_one.txt", "a", encoding="utf-8") as handle:
        handle.write(ADDED_PARAGRAPH)
    (raw / "report_two.txt").unlink()
    h.changed = run_cli(raw, live)
    reader.stdin.write("again\n")
    h.reader_saw = reader.communicate(timeout=60)[0].splitlines()
    h.changed_keys, h.changed_facts = report_keys(live), fact_keys(live)
    h.fresh_live = root / "fresh" / "warehouse.duckdb"
    h.fresh = run_cli(raw, h.fresh_live)
    h.before_failure = contract_rows(live)
    building = live.with_name(live.name + ".building")
    building.unlink(missing_ok=True)  # a failed build leaves its file for inspection
    building.mkdir()  # so dbt cannot write its build file
    shutil.copyfile(raw / "report_one.txt", raw / "report_three.txt")
    h.failed = run_cli(raw, live)
    h.after_failure = contract_rows(live)
    return h


def test_full_build_extracts_every_report_and_prints_the_summary(history):
    assert history.full.status == 0, history.full.err
    assert "[1/2] report_one.txt: 4 tables, 102 cells" in history.full.err
    assert "Reports: 2 new, 0 changed, 0 unchanged, 0 removed" in history.full.out
    assert "Reports read: 2 (2 ok, 0 partial, 0 failed)" in history.full.out
    assert "Nettoinvesteringar" in history.full.out  # the failing reconciliation is listed
    assert (history.live.parent / "quality" / "index.html").exists()
    assert sorted(history.full_keys) == ["report_one.txt", "report_two.txt"]


def test_nothing_changed_skips_extraction_dbt_and_checks(history):
    assert history.unchanged.status == 0
    assert "Reports: 0 new, 0 changed, 2 unchanged, 0 removed" in history.unchanged.out
    assert "dbt and checks skipped" in history.unchanged.out
    assert "[1/2]" not in history.unchanged.err
    assert history.unchanged_mtime == history.full_mtime  # the warehouse was not rewritten
    assert history.unchanged.seconds < history.full.seconds / 3


def test_changed_file_replaces_its_facts_and_removed_file_leaves(history):
    assert history.changed.status == 0, history.changed.err
    assert "Reports: 0 new, 1 changed, 0 unchanged, 1 removed" in history.changed.out
    assert list(history.changed_keys) == ["report_one.txt"]
    old_key, new_key = history.full_keys["report_one.txt"], history.changed_keys["report_one.txt"]
    assert old_key != new_key
    rows_before = dict(history.full_facts)[old_key]
    assert history.changed_facts == [(new_key, rows_before)]  # no duplicate, no stale row


def test_reader_of_the_old_warehouse_keeps_working_through_the_swap(history):
    assert history.reader_saw == ["2"]  # its connection still reads the warehouse it opened
    with duckdb.connect(str(history.live), read_only=True) as con:
        now = con.execute("select file_name from dim_report").fetchall()
    assert now == [("report_one.txt",)]
    assert not history.live.with_name("warehouse.duckdb.building").is_file()


def test_incremental_build_equals_a_fresh_build_of_the_same_folder(history):
    assert history.fresh.status == 0, history.fresh.err
    fresh = contract_rows(history.fresh_live)
    assert fresh == history.before_failure
    assert all(fresh[name] for name in ("dim_report", "fct_operating_budget"))


def test_failed_build_publishes_nothing_and_says_why(history):
    assert history.failed.status == 1
    assert "nothing was published" in history.failed.err
    assert "warehouse.duckdb.building" in history.failed.err
    assert history.after_failure == history.before_failure
