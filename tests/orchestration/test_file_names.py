"""A raw file whose name is not UTF-8 (`\\xe5` from a Latin-1 system) builds beside the others.

Dagster stores partition keys as UTF-8: such a name failed the whole build. It is
keyed by the name the warehouse gives it (each undecodable byte U+FFFD), the file
keeps its own name, and every report loads.
"""

import os
import shutil

import duckdb

from tests.orchestration.conftest import FIXTURES, run_cli

LATIN1_NAME = os.fsdecode(b"driftredovisning_\xe5r.txt")  # `år` written by a Latin-1 system


def test_a_file_name_not_in_utf8_is_a_report_and_the_others_load(raw_dir, tmp_path):
    shutil.copyfile(FIXTURES / "not_adding_up.txt", raw_dir / LATIN1_NAME)
    warehouse = tmp_path / "out" / "warehouse.duckdb"
    run = run_cli(raw_dir, warehouse)
    assert run.status == 0, run.err
    with duckdb.connect(str(warehouse), read_only=True) as con:
        reports = con.execute("select file_name, status from dim_report order by 1").fetchall()
        facts = con.execute(
            "select count(*) from fct_operating_budget inner join dim_report using (report_key)"
            " where file_name = 'driftredovisning_\ufffdr.txt'"
        ).fetchone()[0]
    assert [name for name, _ in reports] == [
        "driftredovisning_\ufffdr.txt",
        "report_one.txt",
        "report_two.txt",
    ]
    assert all(status != "failed" for _, status in reports) and facts > 0
    again = run_cli(raw_dir, warehouse)
    assert again.status == 0 and "Nothing changed" in again.out, again.err
