"""Docs stay honest: README queries run on a built warehouse, marts are documented, help exists."""

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from orchestration.cli import main as kommunlager

REPO = Path(__file__).resolve().parents[1]
REPORT = REPO / "tests" / "fixtures" / "text" / "tab_led_cells.txt"
SQL_BLOCK = re.compile(r"```sql\n(.*?)```", re.DOTALL)


def readme_queries() -> list[str]:
    return SQL_BLOCK.findall((REPO / "README.md").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("docs")
    raw = root / "raw"
    raw.mkdir()
    shutil.copy(REPORT, raw / "report.txt")
    target = root / "warehouse.duckdb"
    summary = io.StringIO()
    with contextlib.redirect_stdout(summary):
        exit_code = kommunlager(["build", "--raw-dir", str(raw), "--warehouse", str(target)])
    assert exit_code == 0
    return target, summary.getvalue()


@pytest.fixture(scope="module")
def warehouse(built) -> Path:
    return built[0]


def test_the_build_summary_counts_reports_facts_verified_tables_and_failures(built):
    summary = built[1]
    assert "Reports read: 1 (1 ok, 0 partial, 0 failed)" in summary
    assert "fct_operating_budget: " in summary and "fct_investment_budget: " in summary
    assert "Tables verified: 1 of 2 reconciled tables (50%)" in summary
    failure = re.search(r"^  report.txt p. \d+, table \d+: Nettoinvesteringar .*$", summary, re.M)
    assert failure.group(0).endswith(
        "[outcome_ytd] sum_of_lines: printed -20 534 tkr, its parts give -20 624 tkr,"
        " difference -90 tkr"
    )


def test_the_readme_shows_three_analyst_queries():
    assert len(readme_queries()) == 3


@pytest.mark.parametrize("number", range(3))
def test_each_readme_query_answers_on_a_built_warehouse(warehouse, number):
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rows = connection.sql(readme_queries()[number]).fetchall()
    assert rows, f"README query {number + 1} returned nothing"


def test_every_mart_is_documented_with_a_grain():
    documented = {}
    for path in (REPO / "dbt_project" / "models" / "marts").glob("*.yml"):
        for model in yaml.safe_load(path.read_text(encoding="utf-8")).get("models", []):
            documented[model["name"]] = model.get("description", "")
    marts = {path.stem for path in (REPO / "dbt_project" / "models" / "marts").glob("*.sql")}
    assert marts <= set(documented), marts - set(documented)
    assert all("one row per" in documented[mart].lower() for mart in marts), documented


@pytest.mark.parametrize("command", [["--help"], ["build", "--help"]])
def test_every_cli_command_has_help(command):
    finished = subprocess.run(
        [sys.executable, "-m", "orchestration.cli", *command],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    assert "usage: kommunlager" in finished.stdout


def mart_descriptions() -> dict[str, dict[str, str]]:
    """Given the marts' YAML, return model -> column -> description."""
    described = {}
    for path in (REPO / "dbt_project" / "models" / "marts").glob("*.yml"):
        for model in yaml.safe_load(path.read_text(encoding="utf-8")).get("models", []):
            columns = model.get("columns", [])
            described[model["name"]] = {c["name"]: c.get("description", "") for c in columns}
    return described


def test_every_mart_column_is_described(warehouse):
    described = mart_descriptions()
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        columns = connection.execute(
            "select table_name, column_name from duckdb_columns() where table_name in $names",
            {"names": sorted(described)},
        ).fetchall()
    assert len(columns) > 100
    undescribed = [(table, column) for table, column in columns if not described[table].get(column)]
    assert undescribed == []


def test_descriptions_are_written_into_duckdb_as_comments(warehouse):
    described = mart_descriptions()
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        (column_comment,) = connection.execute(
            "select comment from duckdb_columns()"
            " where table_name = 'fct_operating_budget' and column_name = 'verification_status'"
        ).fetchone()
        (table_comment,) = connection.execute(
            "select comment from duckdb_tables() where table_name = 'fct_sick_leave'"
        ).fetchone()
    assert column_comment == described["fct_operating_budget"]["verification_status"]
    assert table_comment.startswith("One row per sick-leave rate")


def test_every_fact_carries_its_tables_verification_as_ge_judged_it(warehouse):
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        pairs = connection.execute(
            "select distinct fact.verification_status, ge.status from ("
            "  select report_key, table_id, verification_status, 'fct_operating_budget' as relation"
            "  from fct_operating_budget union all"
            "  select report_key, table_id, verification_status, 'fct_investment_budget'"
            "  from fct_investment_budget) as fact"
            " left join quality_table_verification as ge using (report_key, relation, table_id)"
            " order by all"
        ).fetchall()
    # one table verified and one not (the build summary), the rest without checks or with a
    # check that could not be made
    assert ("verified", "verified") in pairs and ("unverified", "unverified") in pairs
    assert set(pairs) <= {("verified", "verified"), ("unverified", "unverified")} | {
        ("not_checked", None),
        ("not_checked", "not_checked"),
    }


def test_each_table_has_one_primary_total_line_its_last_sum_line(warehouse):
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        lines = connection.execute(
            "select table_id, count(distinct row_index) filter (where is_primary_total),"
            " max(row_index) filter (where is_total and not coalesce(is_subline, false)),"
            " max(row_index) filter (where is_primary_total)"
            " from fct_investment_budget group by table_id"
        ).fetchall()
        primary = connection.execute(
            "select distinct project from fct_investment_budget where is_primary_total"
        ).fetchall()
    assert lines and all(count == 1 and last == chosen for _, count, last, chosen in lines)
    assert primary == [("Nettoinvesteringar",)]


def test_dbt_docs_generate_a_static_page_that_needs_no_network(warehouse, tmp_path):
    target = tmp_path / "docs_target"
    subprocess.run(
        [
            str(Path(sys.executable).with_name("dbt")),
            "docs",
            "generate",
            "--static",
            "--target-path",
            str(target),
            "--vars",
            '{"extracted_dir": "' + str(warehouse.parent / "extracted") + '"}',
        ],
        cwd=REPO / "dbt_project",
        env={**os.environ, "KOMMUNLAGER_WAREHOUSE": str(warehouse)},
        check=True,
        capture_output=True,
    )
    page = (target / "static_index.html").read_text(encoding="utf-8")
    assert re.findall(r"<(?:script|link)[^>]+(?:src|href)=\"https?://", page) == []
    assert "is_primary_total" in page and "verification_status" in page
