"""Watch the raw folder: extract new or changed files, then build once, so the warehouse follows.

`raw_folder_sensor` is the one sensor to turn on. Each tick it compares the
folder with the stored extracts (`orchestration.incremental.plan_build`: a
file is re-read only when its bytes, its manifest row or the extractor
changed, so a first tick over an extracted folder reads nothing again),
registers partitions, and starts one extract run per file to read (many at
once). When no extraction is left to start or running, and the live
warehouse was not built from exactly the current extracts (a file read, or
one removed from the folder), it starts one `build_from_extracts` run,
however many reports the extractions covered; a UI backfill of extract
partitions ends in one build the same way.
"""

import json
from dataclasses import dataclass, field

import dagster as dg
from dagster._core.execution.backfill import BulkActionStatus

from extract.inventory import stored_inventory
from orchestration.dagster_home import UNFINISHED_STATUSES, vanished_partitions
from orchestration.defs.assets import reports_partitions
from orchestration.defs.jobs import (
    BUILD_STAGE,
    EXTRACT_STAGE,
    STAGE_TAG,
    build_from_extracts,
    extract_reports,
)
from orchestration.defs.resources import KommunlagerPaths
from orchestration.incremental import BuildPlan, extract_state, is_current, plan_build
from orchestration.partition_keys import partition_key, partition_keys

POLL_SECONDS = 60
REPORTS = reports_partitions.name


@dataclass(frozen=True)
class FolderCursor:
    """What the sensor remembers between ticks: the files seen, and the reads requested."""

    seen: tuple[str, ...] = ()
    requested: dict[str, str] = field(default_factory=dict)  # file -> fingerprint asked to read

    @classmethod
    def parse(cls, text: str | None) -> "FolderCursor":
        """Given the stored cursor (or none), return it; an older cursor's format starts anew."""
        stored = json.loads(text) if text else {}
        if not isinstance(stored.get("requested"), dict):
            return cls()
        return cls(tuple(stored.get("seen", ())), stored["requested"])

    def dumps(self) -> str:
        """Given the cursor, return it as stored."""
        return json.dumps({"seen": list(self.seen), "requested": self.requested}, sort_keys=True)


def extract_requests(plan: BuildPlan, cursor: FolderCursor) -> list[dg.RunRequest]:
    """Given the folder's plan and the reads already asked for, return one run per file to read.

    A file already asked for at the same fingerprint is not asked again: a run that
    ended without reading it (killed) then does not hold back the build of the rest.
    """
    return [
        dg.RunRequest(
            job_name=extract_reports.name,
            partition_key=partition_key(name),
            run_key=f"{partition_key(name)}:{plan.fingerprints[name]}",
        )
        for name in plan.to_extract
        if cursor.requested.get(name) != plan.fingerprints[name]
    ]


def unfinished_runs(instance: dg.DagsterInstance, stage: str) -> int:
    """Given a stage tag value, return how many runs of that stage are queued or running."""
    filters = dg.RunsFilter(statuses=UNFINISHED_STATUSES, tags={STAGE_TAG: stage})
    return instance.get_runs_count(filters=filters)


def build_request(instance: dg.DagsterInstance, paths: KommunlagerPaths, plan: BuildPlan):
    """Given the folder's plan, return one build run, or why not now.

    A build waits until no extract run is queued or running, no backfill is in
    progress and no build runs, and starts only when the live warehouse was not
    built from exactly the current extracts; its run key is that state, so one
    state is built once.
    """
    if is_current(plan, paths.extracted(), paths.warehouse()):
        return dg.SkipReason("the warehouse is built from the current folder")
    pending = unfinished_runs(instance, EXTRACT_STAGE)
    backfills = len(instance.get_backfills(status=BulkActionStatus.REQUESTED))
    if pending or backfills or unfinished_runs(instance, BUILD_STAGE):
        return dg.SkipReason(
            f"waiting: {pending} extract runs, {backfills} backfills unfinished, or a build"
        )
    state = extract_state(paths.extracted())
    return dg.RunRequest(job_name=build_from_extracts.name, run_key=f"build:{state[:16]}")


def partition_requests(
    instance: dg.DagsterInstance, present: list[str], gone: list[str]
) -> list[dg.AddDynamicPartitionsRequest | dg.DeleteDynamicPartitionsRequest]:
    """Given the files present and the vanished ones to drop, return the partition requests."""
    known = set(reports_partitions.get_partition_keys(dynamic_partitions_store=instance))
    new = [name for name in present if name not in known]
    return [
        *([reports_partitions.build_add_request(new)] if new else []),
        *([reports_partitions.build_delete_request(gone)] if gone else []),
    ]


@dg.sensor(
    jobs=[extract_reports, build_from_extracts],
    minimum_interval_seconds=POLL_SECONDS,
    default_status=dg.DefaultSensorStatus.STOPPED,
)
def raw_folder_sensor(context: dg.SensorEvaluationContext, paths: KommunlagerPaths):
    """Given the raw folder, extract new or changed reports, then build the warehouse once."""
    if not paths.raw().is_dir():
        return dg.SkipReason(f"raw folder {paths.raw()} does not exist")
    cursor = FolderCursor.parse(context.cursor)
    plan = plan_build(paths.raw(), paths.extracted())
    present = sorted(plan.fingerprints)
    # only partitions of files this folder held are dropped: another folder's builds on the
    # same instance keep theirs; one kept while a run may use it stays remembered
    once_here = set(cursor.seen) | set(stored_inventory(paths.extracted()))
    gone = vanished_partitions(context.instance, partition_keys(present), partition_keys(once_here))
    vanished = once_here - set(present)
    kept = {
        name
        for name in vanished
        if partition_key(name) not in gone
        and context.instance.has_dynamic_partition(REPORTS, partition_key(name))
    }
    runs = extract_requests(plan, cursor)
    build = None if runs else build_request(context.instance, paths, plan)
    requested = {name: plan.fingerprints[name] for name in plan.to_extract}
    return dg.SensorResult(
        run_requests=[*runs, *([build] if isinstance(build, dg.RunRequest) else [])],
        skip_reason=build if isinstance(build, dg.SkipReason) else None,
        dynamic_partitions_requests=partition_requests(
            context.instance, partition_keys(present), gone
        ),
        cursor=FolderCursor(tuple(sorted({*present, *kept})), requested).dumps(),
    )
