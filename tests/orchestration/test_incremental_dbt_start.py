"""How a build starts: on a copy of the live warehouse with the changed reports named, or full.

Real DuckDB files, real Parquet and sidecars, the real publish; no dbt (the
build equal to a full one is `test_incremental_dbt.py`).
"""

from pathlib import Path

import duckdb
import pytest

from extract.inventory import StoredReport, forget_report, record_report
from extract.parquet_io import relation_path
from extract.schema import RELATIONS
from orchestration.incremental_dbt import BUILD_SCHEMA, checked_reports, start_building
from orchestration.publishing import building_path, publish


def extract(extracted: Path, key: str, text: str) -> None:
    """Given the extracted folder, write a report's Parquet (holding `text`) and its sidecar."""
    for relation in RELATIONS:
        path = relation_path(extracted, relation, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        duckdb.sql(f"copy (select '{key}' as report_key, '{text}' as text) to '{path}'")
    record_report(extracted, StoredReport(f"{key}.pdf", key, "fingerprint", "1"))


def changed_reports(warehouse: Path) -> list[str]:
    """Given a warehouse being built, return the report keys dbt is to recompute."""
    with duckdb.connect(str(building_path(warehouse)), read_only=True) as con:
        query = f"select report_key from {BUILD_SCHEMA}.changed_reports order by 1"
        return [key for (key,) in con.execute(query).fetchall()]


def built_with(warehouse: Path, name: str, value: str) -> None:
    """Given a warehouse being built, give it a model table and another value of an input."""
    with duckdb.connect(str(building_path(warehouse))) as con:
        con.execute("create table dim_report as select 'a' as report_key")
        con.execute(f"update {BUILD_SCHEMA}.inputs set value = ? where name = ?", [value, name])


def schemas(warehouse: Path) -> set[str]:
    """Given a warehouse being built, return the schemas its tables are in."""
    with duckdb.connect(str(building_path(warehouse)), read_only=True) as con:
        return {
            schema
            for (schema,) in con.execute("select schema_name from duckdb_tables()").fetchall()
        }


@pytest.fixture
def live(tmp_path) -> tuple[Path, Path]:
    """Given a tmp folder, return (warehouse, extracted) after a published first build of a, b."""
    warehouse, extracted = tmp_path / "warehouse.duckdb", tmp_path / "extracted"
    for key in ("a", "b"):
        extract(extracted, key, "first")
    start = start_building(warehouse, extracted)
    assert (start.incremental, start.reason) == (False, "no warehouse to build on yet")
    assert changed_reports(warehouse) == ["a", "b"]
    publish(warehouse, "state")
    return warehouse, extracted


def test_a_published_warehouse_is_copied_naming_added_changed_and_removed_reports(live):
    warehouse, extracted = live
    extract(extracted, "a", "changed")
    forget_report(extracted, "b.pdf")
    extract(extracted, "c", "added")
    published = warehouse.resolve().read_bytes()
    start = start_building(warehouse, extracted)
    assert start.line() == "Incremental build: 3 reports added, changed or removed"
    assert changed_reports(warehouse) == ["a", "b", "c"]
    assert checked_reports(building_path(warehouse)) == ["a", "b", "c"]
    assert warehouse.resolve().read_bytes() == published  # the live file is only read


def test_nothing_changed_names_no_report(live):
    warehouse, extracted = live
    start = start_building(warehouse, extracted)
    assert (start.incremental, start.changed_reports) == (True, 0)
    assert changed_reports(warehouse) == []
    assert checked_reports(building_path(warehouse)) == []


@pytest.mark.parametrize("name", ["seeds", "dbt models", "extractor", "dbt version"])
def test_a_warehouse_built_from_other_code_is_built_again_in_full_saying_what(live, name):
    warehouse, extracted = live
    start_building(warehouse, extracted)
    built_with(warehouse, name, "another")
    publish(warehouse, "state")
    start = start_building(warehouse, extracted)
    assert start.line() == f"Full build: {name} changed"
    assert changed_reports(warehouse) == ["a", "b"]
    assert checked_reports(building_path(warehouse)) is None  # a full build checks everything
    assert schemas(warehouse) == {BUILD_SCHEMA}  # a new file: the old models are not in it


def test_a_live_warehouse_written_after_publishing_is_not_built_on(live):
    warehouse, extracted = live
    with duckdb.connect(str(warehouse)) as con:  # an analyst's read-write session
        con.execute("create table my_notes as select 1 as note")
    start = start_building(warehouse, extracted)
    assert start.line() == "Full build: the live warehouse was written after it was published"
    assert schemas(warehouse) == {BUILD_SCHEMA}  # without the analyst's table
