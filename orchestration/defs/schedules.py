"""Nightly build of every registered report: skipped when nothing changed."""

import dagster as dg

from orchestration.defs.assets import reports_partitions
from orchestration.defs.jobs import build_warehouse
from orchestration.defs.resources import KommunlagerPaths
from orchestration.incremental import is_current, plan_build

NIGHTLY_CRON = "0 2 * * *"
TIMEZONE = "Europe/Stockholm"


def all_reports_run(
    instance: dg.DagsterInstance, paths: KommunlagerPaths | None = None
) -> dg.RunRequest | dg.SkipReason:
    """Given the instance (and paths, to skip an unchanged folder), return one run or why not."""
    keys = reports_partitions.get_partition_keys(dynamic_partitions_store=instance)
    if not keys:
        return dg.SkipReason("no reports registered yet: the raw-folder sensor adds them")
    if paths and paths.raw().is_dir():
        plan = plan_build(paths.raw(), paths.extracted())
        if is_current(plan, paths.extracted(), paths.warehouse()):
            return dg.SkipReason(f"nothing changed since the last build ({plan.counts_line()})")
    return dg.RunRequest(
        tags={
            "dagster/asset_partition_range_start": keys[0],
            "dagster/asset_partition_range_end": keys[-1],
        }
    )


@dg.schedule(
    cron_schedule=NIGHTLY_CRON,
    execution_timezone=TIMEZONE,
    job=build_warehouse,
    default_status=dg.DefaultScheduleStatus.STOPPED,
)
def nightly_build(context: dg.ScheduleEvaluationContext, paths: KommunlagerPaths):
    """Given the nightly tick, return a run over all reports unless the folder is unchanged."""
    return all_reports_run(context.instance, paths)
