"""The Dagster code location loads, with every asset, check, schedule, sensor and job."""

import dagster as dg

from orchestration.definitions import defs
from orchestration.defs.assets import EXTRACT_ASSET_KEYS
from orchestration.defs.schedules import NIGHTLY_CRON, TIMEZONE


def test_definitions_load_and_validate():
    dg.Definitions.validate_loadable(defs)


def test_definitions_hold_extract_dbt_and_quality_assets():
    keys = {key.to_user_string() for key in defs.resolve_all_asset_keys()}
    extract = {
        f"extracted/{name}" for name in ("reports", "tables", "cells", "text_blocks", "prose_facts")
    }
    marts = {"fct_operating_budget", "fct_investment_budget", "fct_staffing", "fct_sick_leave"}
    assert extract | marts | {"reconciliation_checks", "quality_reconciliation"} <= keys


def test_dbt_sources_are_the_extract_assets_so_lineage_joins():
    graph = defs.resolve_asset_graph()
    reports_readers = {
        key.to_user_string() for key in graph.get(EXTRACT_ASSET_KEYS["reports"]).child_keys
    }
    assert "staging/stg_extracted__reports" in reports_readers


def test_quality_table_is_downstream_of_reconciliation_checks():
    graph = defs.resolve_asset_graph()
    parents = graph.get(dg.AssetKey("quality_reconciliation")).parent_keys
    assert dg.AssetKey("reconciliation_checks") in parents


def test_ge_checks_guard_reconciliation_and_every_fact_table():
    check_keys = defs.resolve_asset_graph().asset_check_keys
    named = {(key.asset_key.to_user_string(), key.name) for key in check_keys}
    assert ("quality_reconciliation", "reconciliation_agrees") in named
    for table in (
        "fct_operating_budget",
        "fct_investment_budget",
        "fct_staffing",
        "fct_sick_leave",
    ):
        assert (table, "contract_holds") in named


def test_nightly_schedule_sensor_and_job_are_present():
    schedule = defs.resolve_schedule_def("nightly_build")
    assert (schedule.cron_schedule, schedule.execution_timezone) == (NIGHTLY_CRON, TIMEZONE)
    assert NIGHTLY_CRON == "0 2 * * *" and TIMEZONE == "Europe/Stockholm"
    raw_sensor = defs.resolve_sensor_def("raw_folder_sensor")
    assert {job.name for job in raw_sensor.jobs} == {"extract_reports", "build_from_extracts"}
    assert [sensor.name for sensor in defs.sensors] == ["raw_folder_sensor"]  # the one to turn on
    assert defs.resolve_job_def("extract_reports").partitions_def.name == "reports"
    assert defs.resolve_job_def("build_warehouse").partitions_def.name == "reports"
