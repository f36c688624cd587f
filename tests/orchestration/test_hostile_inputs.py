"""A folder of bad files beside two good reports: each bad one is a visible failed report."""

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.orchestration.conftest import copy_reports, run_cli

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
BAD_FILES = sorted(path.name for path in HOSTILE.iterdir())


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """Given a tmp folder, build a warehouse from the hostile files and the two good reports."""
    root = tmp_path_factory.mktemp("hostile")
    raw = copy_reports(root / "raw")
    for name in BAD_FILES:
        shutil.copyfile(HOSTILE / name, raw / name)
    warehouse = root / "out" / "warehouse.duckdb"
    run = run_cli(raw, warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        reports = {
            name: (status, error)
            for name, status, error in con.execute(
                "select file_name, status, error from dim_report"
            ).fetchall()
        }
        facts = dict(
            con.execute(
                "select r.file_name, count(*) from fct_operating_budget f"
                " join dim_report r using (report_key) group by 1"
            ).fetchall()
        )
    return run, reports, facts


def test_hostile_folder_still_builds_and_publishes(hostile_build):
    run, _, _ = hostile_build
    assert run.status == 0, run.err
    assert f"Reports: {len(BAD_FILES) + 2} new" in run.out


@pytest.mark.parametrize("name", BAD_FILES)
def test_every_bad_file_is_a_failed_report_with_its_error(hostile_build, name):
    run, reports, _ = hostile_build
    status, error = reports[name]
    assert status == "failed" and error
    assert f"  failed {name}: {error}" in run.out


def test_good_reports_load_completely_beside_the_bad_ones(hostile_build):
    run, reports, facts = hostile_build
    assert reports["report_one.txt"] == ("ok", None)
    assert reports["report_two.txt"][0] == "ok"
    assert facts["report_one.txt"] == 20  # as in a build of report_one alone
    assert f"Reports read: {len(BAD_FILES) + 2} (2 ok, 0 partial, {len(BAD_FILES)} failed)" in (
        run.out
    )
