"""The contract_breaches macro applies a mart's own tests to facts not yet in the mart.

Real dbt (`dbt show --inline`, with the project graph) over a real DuckDB table
of staffing candidates: a fact key stated twice, a metric outside the accepted
values, a NULL metric, and a NULL measure, which no dbt test of fct_staffing
forbids (it is the GE contract's, a guard only).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[2]
CANDIDATES = """
    select * from (values
        ('r1', 'r1-a', 1, 'employees', 'outcome'),
        ('r1', 'r1-a', 2, 'employees', 'outcome'),
        ('r1', 'r1-b', 1, 'head_count', 'outcome'),
        ('r1', 'r1-c', 1, 'employees_women', 'outcome'),
        ('r2', 'r2-a', 4, 'employees', null),
        ('r2', 'r2-b', 3, null, 'budget')
    ) as candidates(report_key, fact_key, page, metric, measure)
"""
BREACHES = (
    "{{ contract_breaches('fct_staffing', api.Relation.create("
    "database='facts', schema='main', identifier='staffing')) }}"
)


def show(warehouse: Path, sql: str, root: Path) -> list[dict]:
    """Given a warehouse, inline dbt SQL and a scratch folder, return the rows dbt shows."""
    project = str(REPO / "dbt_project")
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"), "show", "--inline", sql,
            "--output", "json", "--limit", "100", "--quiet",
            "--project-dir", project, "--profiles-dir", project,
            "--target-path", str(root / "target"), "--log-path", str(root / "logs"),
        ],
        env={**os.environ, "KOMMUNLAGER_WAREHOUSE": str(warehouse), "DO_NOT_TRACK": "1"},
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)["show"]


def test_finds_a_shared_key_a_value_outside_its_domain_and_a_null(tmp_path):
    warehouse = tmp_path / "facts.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute(f"create table staffing as {CANDIDATES}")
    rows = show(warehouse, BREACHES, tmp_path)
    found = sorted(
        (r["rule"], r["column_name"], r["report_key"], r["fact_key"], r["page"],
         r["rows_withheld"], r["value"], r["reason"])
        for r in rows
    )  # fmt: skip
    assert found == [
        ("accepted_values", "metric", "r1", "r1-b", 1, 1, "head_count",
         "metric head_count is none of the accepted values"),
        ("not_null", "metric", "r2", "r2-b", 3, 1, None, "metric is NULL"),
        ("unique", "fact_key", "r1", "r1-a", 1, 2, "r1-a", "fact_key is shared by 2 rows"),
    ]  # fmt: skip
