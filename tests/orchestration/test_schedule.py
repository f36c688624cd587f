"""The nightly schedule asks for one run over every registered report, unless unchanged."""

import dagster as dg
import duckdb

from orchestration.defs.resources import KommunlagerPaths
from orchestration.defs.schedules import all_reports_run
from orchestration.incremental import apply_plan, extract_state, plan_build
from orchestration.publishing import building_path, publish


def test_nightly_run_covers_every_registered_report():
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions("reports", ["b.pdf", "a.docx", "c.txt"])
    request = all_reports_run(instance)
    assert request.tags["dagster/asset_partition_range_start"] == "b.pdf"
    assert request.tags["dagster/asset_partition_range_end"] == "c.txt"


def test_nightly_run_skips_when_no_report_is_registered():
    assert isinstance(all_reports_run(dg.DagsterInstance.ephemeral()), dg.SkipReason)


def test_nightly_run_skips_when_the_warehouse_is_built_from_the_current_folder(raw_dir, tmp_path):
    paths = KommunlagerPaths.for_warehouse(raw_dir, tmp_path / "out" / "warehouse.duckdb")
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions("reports", ["report_one.txt", "report_two.txt"])
    assert isinstance(all_reports_run(instance, paths), dg.RunRequest)  # never built
    plan = plan_build(paths.raw(), paths.extracted())
    apply_plan(paths.raw(), paths.extracted(), plan, lambda *_: None)
    duckdb.connect(str(building_path(paths.warehouse()))).close()  # an empty finished build
    publish(paths.warehouse(), extract_state(paths.extracted()))
    skipped = all_reports_run(instance, paths)
    assert isinstance(skipped, dg.SkipReason) and "nothing changed" in skipped.skip_message
    (raw_dir / "report_two.txt").write_text("Ändrad rapport\n")
    assert isinstance(all_reports_run(instance, paths), dg.RunRequest)
