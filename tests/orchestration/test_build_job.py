"""A real in-process run of build_warehouse over two small reports, published to a DuckDB file."""

import json

import dagster as dg
import duckdb

from orchestration.dbt_parse import dbt_target, parse_ahead
from orchestration.defs.assemble import definitions
from orchestration.defs.checks import DATA_DOCS_ENV, GE_DOCS_DIR, data_docs_dir
from orchestration.defs.resources import KommunlagerPaths


def check_verdicts(result: dg.ExecuteInProcessResult) -> dict[tuple[str, str], tuple]:
    """Given a run, return (asset, check) -> (passed, severity) for every check evaluated."""
    evaluations = [
        e.event_specific_data
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
    ]
    return {
        (e.asset_key.to_user_string(), e.check_name): (e.passed, e.severity) for e in evaluations
    }


def dbt_parses(target) -> list[str]:
    """Given dbt's target folder, return how each dbt invocation logged there parsed."""
    events = [json.loads(line) for line in (target / "dbt.log").read_text().splitlines()]
    invocations = dict.fromkeys(e["info"]["invocation_id"] for e in events)
    full = {e["info"]["invocation_id"] for e in events if e["info"]["code"] == "I024"}
    return ["full" if invocation in full else "partial" for invocation in invocations]


def test_build_warehouse_extracts_builds_and_checks_two_reports(raw_dir, tmp_path):
    paths = KommunlagerPaths.for_warehouse(raw_dir, tmp_path / "out" / "warehouse.duckdb")
    names = sorted(path.name for path in raw_dir.iterdir())
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions("reports", names)
    job = definitions(paths).resolve_job_def("build_warehouse")

    with parse_ahead(paths):  # as the CLI builds: the warehouse's first parse runs ahead
        result = job.execute_in_process(
            instance=instance,
            tags={
                "dagster/asset_partition_range_start": names[0],
                "dagster/asset_partition_range_end": names[-1],
            },
        )

    assert result.success
    with duckdb.connect(str(paths.warehouse()), read_only=True) as con:
        reports = con.execute(
            "select file_name, status from dim_report order by file_name"
        ).fetchall()
        operating = con.execute("select count(*) from fct_operating_budget").fetchone()[0]
        failed = con.execute(
            "select relation, line_item from quality_reconciliation where not passed"
        ).fetchall()
    assert reports == [("report_one.txt", "ok"), ("report_two.txt", "ok")]
    assert operating > 0
    # report_one's investment outcome column does not add up to its printed total (corpus notes).
    assert ("fct_investment_budget", "Nettoinvesteringar") in failed
    verdicts = check_verdicts(result)
    assert verdicts[("quality_reconciliation", "reconciliation_agrees")] == (
        False,
        dg.AssetCheckSeverity.WARN,
    )
    assert verdicts[("fct_operating_budget", "contract_holds")] == (
        True,
        dg.AssetCheckSeverity.ERROR,
    )
    assert (paths.quality() / "index.html").exists()
    assert not (paths.quality() / GE_DOCS_DIR).exists()  # GE's Data Docs only when asked for
    results = json.loads((dbt_target(paths) / "run_results.json").read_text())["results"]
    node_types = {r["unique_id"].split(".")[0] for r in results}
    assert {"model", "seed", "test"} <= node_types and "unit_test" not in node_types
    # the steps' data tests run in the test suite (tests/dbt), the published tables' here
    nodes = json.loads((dbt_target(paths) / "manifest.json").read_text())["nodes"]
    tested = {nodes[r["unique_id"]]["fqn"][1] for r in results if r["unique_id"][:5] == "test."}
    assert "marts" in tested and not tested & {"staging", "intermediate"}
    # a fresh warehouse's dbt build parses the whole project, unless the parse ran ahead
    assert dbt_parses(dbt_target(paths))[-1] == "partial"
    materialized = result.get_asset_materialization_events()
    extracted = {
        e.partition for e in materialized if e.asset_key == dg.AssetKey(["extracted", "cells"])
    }
    assert extracted == set(names)
    reports_events = [
        e for e in materialized if e.asset_key == dg.AssetKey(["extracted", "reports"])
    ]
    counts = reports_events[0].materialization.metadata  # one per partition, same counts
    assert {name: counts[name].value for name in ("new", "changed", "unchanged", "removed")} == {
        "new": 2,
        "changed": 0,
        "unchanged": 0,
        "removed": 0,
    }
    assert dg.AssetKey("published_warehouse") in {e.asset_key for e in materialized}
    assert not paths.warehouse().with_name("warehouse.duckdb.building").exists()


def test_data_docs_are_rendered_into_the_build_only_when_asked_for(tmp_path, monkeypatch):
    paths = KommunlagerPaths.for_warehouse(tmp_path, tmp_path / "warehouse.duckdb")
    monkeypatch.delenv(DATA_DOCS_ENV, raising=False)
    assert data_docs_dir(paths) is None
    monkeypatch.setenv(DATA_DOCS_ENV, "1")
    assert data_docs_dir(paths) == tmp_path / "quality.building" / GE_DOCS_DIR
