"""A vocabulary seed edited is a warehouse changed: a new synonym row, built, maps a column.

The report is extracted once; dbt builds a copy of the project on it before and
after one row is added to the header vocabulary (`dbt_project/seeds`), as a
maintainer adds a municipality's word for a measure.
"""

import shutil

import duckdb
import pytest

from extract.pipeline import extract_report
from tests.dbt_runs import PROJECT, dbt_build

REPORT = """Askersunds kommun
Kultur- och fritidsnämnden delårsrapport 2024-08-31

Driftredovisning 2024-08-31, tkr
Verksamhet\tBudget 2024\tBedömning 2024\tAvvikelse 2024
Kultur\t-1 000\t-1 100\t-100
Fritid\t-2 000\t-1 900\t100
Summa\t-3 000\t-3 000\t0
"""
SYNONYM = "^bedömning,forecast,70\n"  # `Bedömning 2024`: the year's forecast


def forecasts(warehouse) -> list[tuple]:
    """Given a warehouse file, return the forecast facts of the operating table."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(
            "select line_item, fiscal_year, amount_sek from fct_operating_budget"
            " where measure = 'forecast' order by amount_sek desc"
        ).fetchall()


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Given a tmp folder, build the report before and after the seed edit; return both."""
    root = tmp_path_factory.mktemp("seed_edit")
    (root / "report.txt").write_text(REPORT, encoding="utf-8")
    extract_report(root / "report.txt", root / "extracted")
    project = root / "dbt_project"
    shutil.copytree(PROJECT, project, ignore=shutil.ignore_patterns("target", "logs"))
    before, after = root / "before.duckdb", root / "after.duckdb"
    dbt_build(root, before, root / "extracted", project)
    vocabulary = project / "seeds" / "header_vocabulary.csv"
    with vocabulary.open("a", encoding="utf-8") as seed:
        seed.write(SYNONYM)
    dbt_build(root, after, root / "extracted", project)
    return before, after


def test_a_header_no_seed_names_gives_no_forecast(builds):
    before, _ = builds
    assert forecasts(before) == []


def test_a_synonym_added_to_the_seed_maps_the_column_once_built(builds):
    _, after = builds
    assert forecasts(after) == [
        ("Kultur", 2024, -1_100_000.0),
        ("Fritid", 2024, -1_900_000.0),
        ("Summa", 2024, -3_000_000.0),
    ]
