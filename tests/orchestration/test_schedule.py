"""The nightly schedule asks for one run over every registered report."""

import dagster as dg

from orchestration.defs.schedules import all_reports_run


def test_nightly_run_covers_every_registered_report():
    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions("reports", ["b.pdf", "a.docx", "c.txt"])
    request = all_reports_run(instance)
    assert request.tags["dagster/asset_partition_range_start"] == "b.pdf"
    assert request.tags["dagster/asset_partition_range_end"] == "c.txt"


def test_nightly_run_skips_when_no_report_is_registered():
    assert isinstance(all_reports_run(dg.DagsterInstance.ephemeral()), dg.SkipReason)
