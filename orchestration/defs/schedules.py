"""Nightly rebuild of every registered report and the warehouse."""

import dagster as dg

from orchestration.defs.assets import reports_partitions
from orchestration.defs.jobs import build_warehouse

NIGHTLY_CRON = "0 2 * * *"
TIMEZONE = "Europe/Stockholm"


def all_reports_run(instance: dg.DagsterInstance) -> dg.RunRequest | dg.SkipReason:
    """Given the instance, return one run over every registered report, or why not."""
    keys = reports_partitions.get_partition_keys(dynamic_partitions_store=instance)
    if not keys:
        return dg.SkipReason("no reports registered yet: the raw-folder sensor adds them")
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
def nightly_build(context: dg.ScheduleEvaluationContext):
    """Given the nightly tick, return a run that rebuilds all reports and the warehouse."""
    return all_reports_run(context.instance)
