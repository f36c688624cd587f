"""A CLI build records in $DAGSTER_HOME: each report partition's own metadata and read check."""

import shutil

import dagster as dg

from orchestration.defs.assets import REPORTS_KEY
from orchestration.defs.report_fate import REPORT_CHECK
from tests.orchestration.conftest import FIXTURES, copy_reports, run_cli

TRUNCATED = FIXTURES.parent / "hostile" / "truncated.pdf"


def latest_metadata(instance: dg.DagsterInstance, partition: str) -> dict:
    """Given an instance and a report partition, return its last materialization's metadata."""
    (record,) = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=REPORTS_KEY, asset_partitions=[partition]), limit=1
    ).records
    return {name: value.value for name, value in record.asset_materialization.metadata.items()}


def check_statuses(instance: dg.DagsterInstance) -> dict[str, tuple[str, str]]:
    """Given an instance, return partition -> (status, description) of the last report_read."""
    history = instance.event_log_storage.get_asset_check_execution_history(
        dg.AssetCheckKey(REPORTS_KEY, REPORT_CHECK), limit=100
    )
    statuses = {}
    for record in reversed(history):  # oldest first, so the newest wins
        evaluation = record.event.dagster_event.event_specific_data
        statuses[record.partition] = (record.status.value, evaluation.description)
    return statuses


def test_a_cli_build_records_each_reports_fate_in_the_dagster_home(tmp_path, monkeypatch):
    home = tmp_path / "dagster_home"
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    raw = copy_reports(tmp_path / "raw", names=("report_one.txt",))
    shutil.copyfile(TRUNCATED, raw / "truncated.pdf")
    warehouse = tmp_path / "out" / "warehouse.duckdb"

    first = run_cli(raw, warehouse)
    shutil.copyfile(FIXTURES / "report_two.txt", raw / "report_two.txt")
    second = run_cli(raw, warehouse)

    assert (first.status, second.status) == (0, 0), first.err + second.err
    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs()
        assert [run.tags.get("kommunlager/launched_by") for run in runs] == ["cli", "cli"]
        assert sorted(instance.get_dynamic_partitions("reports")) == [
            "report_one.txt",
            "report_two.txt",
            "truncated.pdf",
        ]
        statuses = check_statuses(instance)
        one = latest_metadata(instance, "report_one.txt")
        two = latest_metadata(instance, "report_two.txt")
    assert statuses["report_one.txt"] == ("SUCCEEDED", "report_one.txt: read whole")
    status, description = statuses["truncated.pdf"]
    assert status == "FAILED"
    assert description.startswith("truncated.pdf: failed: ")
    # report_one was not re-read by the second build, yet keeps its own figures
    assert one["extracted_in_this_run"] is False
    assert one["tables"] > 0 and one["cells"] > 0 and one["status"] == "ok"
    assert one["unchanged"] == 2 and one["new"] == 1
    assert two["extracted_in_this_run"] is True and two["file_name"] == "report_two.txt"
