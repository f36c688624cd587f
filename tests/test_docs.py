"""Docs stay honest: README queries run on a built warehouse, marts are documented, help exists."""

import contextlib
import io
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
    assert "Nettoinvesteringar: expected -20534000.0, actual -20624000.0" in summary
    assert re.search(r"^  report.txt p.\d+ fct_investment_budget sum_of_lines", summary, re.M)


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
