"""A CLI build records in $DAGSTER_HOME each report's fate, the same as dim_report says it.

Per report partition: its own extraction figures, an observation with dim_report's
status, `report_read` (ok passes, partial warns, failed errors) and `totals_reconcile`
(its failing totals, ordered, in the printed unit), both current for the UI's
partition statuses (judging the partition's latest materialization).
"""

import re
import shutil

import dagster as dg
import duckdb
import pytest
from dagster._core.definitions.partitions.context import partition_loading_context
from dagster._core.storage.asset_check_state import AssetCheckState, bulk_update_asset_check_state

from orchestration.defs.assets import REPORTS_KEY, reports_partitions
from orchestration.defs.build_fates import REPORT_CHECK, TOTALS_CHECK
from orchestration.report_cards import write_cards
from tests.orchestration.conftest import FIXTURES, copy_reports, run_cli

TRUNCATED = FIXTURES.parent / "hostile" / "truncated.pdf"
FIRST_BUILD = ("report_one.txt", "unread_tables.txt", "not_adding_up.txt")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Build three reports and a damaged PDF, then again with one more; return the home."""
    root = tmp_path_factory.mktemp("report_fate")
    raw = copy_reports(root / "raw", names=FIRST_BUILD)
    shutil.copyfile(TRUNCATED, raw / "truncated.pdf")
    warehouse = root / "out" / "warehouse.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DAGSTER_HOME", str(root / "home"))
        first = run_cli(raw, warehouse)
        shutil.copyfile(FIXTURES / "report_two.txt", raw / "report_two.txt")
        second = run_cli(raw, warehouse)
    assert (first.status, second.status) == (0, 0), first.err + second.err
    with duckdb.connect(str(warehouse), read_only=True) as con:
        statuses = dict(con.execute("select file_name, status from dim_report").fetchall())
    return root / "home", statuses, second.out, root


def instance_at(home) -> dg.DagsterInstance:
    """Given a Dagster home, return its instance."""
    return dg.DagsterInstance.from_config(str(home))


def latest(instance: dg.DagsterInstance, partition: str, kind: str) -> dict:
    """Given a report partition, return the metadata of its last materialization or observation."""
    records_filter = dg.AssetRecordsFilter(asset_key=REPORTS_KEY, asset_partitions=[partition])
    if kind == "materialization":
        (record,) = instance.fetch_materializations(records_filter, limit=1).records
        event = record.asset_materialization
    else:
        (record,) = instance.fetch_observations(records_filter, limit=1).records
        event = record.asset_observation
    return {name: value.value for name, value in event.metadata.items()}


def last_evaluations(instance: dg.DagsterInstance, check: str) -> dict[str, object]:
    """Given a check name, return partition -> its last evaluation."""
    history = instance.event_log_storage.get_asset_check_execution_history(
        dg.AssetCheckKey(REPORTS_KEY, check), limit=100
    )
    return {
        record.partition: record.event.dagster_event.event_specific_data
        for record in reversed(history)  # oldest first, so the newest wins
    }


def ui_statuses(instance: dg.DagsterInstance, check: str) -> dict[str, set[str]]:
    """Given a check name, return status -> partitions as the check's Partitions tab reads them."""
    key = dg.AssetCheckKey(REPORTS_KEY, check)
    with partition_loading_context(dynamic_partitions_store=instance):
        state = bulk_update_asset_check_state(
            instance, [(key, reports_partitions)], {key: AssetCheckState.empty()}
        )[key]
        return {
            status.value: set(subset.subset_value.get_partition_keys())
            for status, subset in state.subsets.items()
            if not subset.is_empty
        }


def test_report_read_gives_dim_reports_status_warning_on_partial_erroring_on_failed(built):
    home, statuses, *_ = built
    assert statuses == {
        "report_one.txt": "ok",
        "report_two.txt": "ok",
        "unread_tables.txt": "partial",
        "not_adding_up.txt": "partial",
        "truncated.pdf": "failed",
    }
    with instance_at(home) as instance:
        evaluations = last_evaluations(instance, REPORT_CHECK)
        observed = {name: latest(instance, name, "observation")["status"] for name in statuses}
    assert observed == statuses
    verdicts = {
        name: (e.passed, e.severity.value if not e.passed else None)
        for name, e in evaluations.items()
    }
    assert verdicts == {
        "report_one.txt": (True, None),
        "report_two.txt": (True, None),
        "unread_tables.txt": (False, "WARN"),
        "not_adding_up.txt": (False, "WARN"),
        "truncated.pdf": (False, "ERROR"),
    }
    assert evaluations["truncated.pdf"].description.startswith("truncated.pdf: failed: ")
    assert evaluations["unread_tables.txt"].description == (
        "unread_tables.txt: partial: numeric regions not read into facts: 3"
    )


def test_every_partition_shows_its_checks_in_the_partitions_tab(built):
    home, statuses, *_ = built
    with instance_at(home) as instance:
        read = ui_statuses(instance, REPORT_CHECK)
        totals = ui_statuses(instance, TOTALS_CHECK)
    assert read == {
        "SUCCEEDED": {"report_one.txt", "report_two.txt"},
        "FAILED": {"unread_tables.txt", "not_adding_up.txt", "truncated.pdf"},
    }
    assert set().union(*totals.values()) == set(statuses)


def test_totals_reconcile_lists_a_reports_failures_in_the_printed_unit_with_page(built):
    home, _, summary, _ = built
    with instance_at(home) as instance:
        evaluations = last_evaluations(instance, TOTALS_CHECK)
    failing = evaluations["not_adding_up.txt"]
    assert not failing.passed and failing.severity.value == "WARN"
    assert failing.description == (
        "not_adding_up.txt: 1 reconciliation failures: p. 1, table 1: Summa [forecast] "
        "sum_of_lines: printed -3 100 tkr, its parts give -3 000 tkr, difference 100 tkr"
    )
    assert evaluations["report_two.txt"].passed
    assert "totals_reconcile (WARN) not_adding_up.txt: 1 reconciliation failures" in summary


def test_an_unchanged_report_keeps_its_own_extraction_figures(built):
    home, *_ = built
    with instance_at(home) as instance:
        builds = instance.get_runs(filters=dg.RunsFilter(job_name="build_warehouse"))
        assert [run.tags.get("kommunlager/launched_by") for run in builds] == ["cli", "cli"]
        one = latest(instance, "report_one.txt", "materialization")
        two = latest(instance, "report_two.txt", "materialization")
    # report_one was not re-read by the second build, yet keeps its own figures
    assert one["extracted_in_this_run"] is False
    assert one["tables"] > 0 and one["cells"] > 0 and one["read_status"] == "ok"
    assert one["unchanged"] == 4 and one["new"] == 1
    assert two["extracted_in_this_run"] is True and two["file_name"] == "report_two.txt"


def test_each_build_fails_an_unreadable_files_partition_in_a_run_of_its_own(built):
    home, *_ = built
    with instance_at(home) as instance:
        runs = list(reversed(instance.get_runs()))  # oldest first
        failures = []
        for run in runs:
            records = instance.get_records_for_run(
                run.run_id, of_type=dg.DagsterEventType.STEP_FAILURE
            ).records
            failures += [r.event_log_entry.dagster_event.step_failure_data for r in records]
    messages = [failure.error.message for failure in failures]
    assert [
        (run.job_name, run.status.value, run.tags.get("dagster/partition")) for run in runs
    ] == [
        ("build_warehouse", "SUCCESS", None),
        ("extract_reports", "FAILURE", "truncated.pdf"),
    ] * 2
    assert len(messages) == 2 and all("truncated.pdf: " in message for message in messages)


def test_report_cards_give_the_same_status_and_failures(built, tmp_path):
    _, statuses, _, root = built
    out = root / "out"
    index = write_cards(out / "extracted", root / "raw", out / "warehouse.duckdb", tmp_path)
    listed = dict(re.findall(r'>([^<]+)</a> <span class="\w+">(\w+)</span>', index.read_text()))
    assert listed == statuses
    texts = [path.read_text(encoding="utf-8") for path in tmp_path.glob("*.html")]
    (failing,) = [text for text in texts if "<h1>not_adding_up.txt</h1>" in text]
    assert (
        "<li>p. 1, table 1: Summa [forecast] sum_of_lines: printed -3 100 tkr, its parts give"
        " -3 000 tkr, difference 100 tkr</li>"
    ) in failing
