"""Watch the raw folder and the extracts: extract new or changed files, then build once.

`raw_folder_sensor` registers partitions and starts one extract run per new
or changed file (many at once); `build_after_extraction` starts one build
when extraction has finished, however many reports it covered.
"""

import hashlib
import json
from pathlib import Path

import dagster as dg
from dagster._core.execution.backfill import BulkActionStatus

from extract.pipeline import discover_reports, file_sha256
from orchestration.defs.assets import EXTRACT_ASSET_KEYS, reports_partitions
from orchestration.defs.jobs import (
    BUILD_STAGE,
    EXTRACT_STAGE,
    STAGE_TAG,
    build_from_extracts,
    extract_reports,
)
from orchestration.defs.resources import KommunlagerPaths

MANIFEST_NAME = "manifest.csv"  # a changed manifest changes what every report says
POLL_SECONDS = 60
PUBLISHED_KEY = dg.AssetKey("published_warehouse")
UNFINISHED = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
]


def folder_state(raw_dir: Path) -> dict[str, str]:
    """Given the raw folder, return file name -> sha256 for every report (and the manifest)."""
    state = {path.name: file_sha256(path) for path in discover_reports(raw_dir)}
    manifest = raw_dir / MANIFEST_NAME
    if manifest.exists():
        state[MANIFEST_NAME] = file_sha256(manifest)
    return state


def changed_reports(previous: dict[str, str], current: dict[str, str]) -> list[str]:
    """Given the last and current folder state, return the report files to (re)extract."""
    reports = sorted(name for name in current if name != MANIFEST_NAME)
    if previous.get(MANIFEST_NAME) != current.get(MANIFEST_NAME) and previous:
        return reports
    return [name for name in reports if previous.get(name) != current[name]]


def cleanup_run(remaining: list[str], gone: list[str], state: str) -> list[dg.RunRequest]:
    """Given the reports left, those removed and the folder state, return one build run.

    Nothing needs extracting: the build sweeps the removed files' rows.
    """
    if not remaining:
        return []
    digest = hashlib.sha256(state.encode()).hexdigest()[:16]
    return [
        dg.RunRequest(
            job_name=build_from_extracts.name, run_key=f"removed:{','.join(gone)}:{digest}"
        )
    ]


@dg.sensor(
    jobs=[extract_reports, build_from_extracts],
    minimum_interval_seconds=POLL_SECONDS,
    default_status=dg.DefaultSensorStatus.STOPPED,
)
def raw_folder_sensor(context: dg.SensorEvaluationContext, paths: KommunlagerPaths):
    """Given the raw folder, add and remove partitions; extract new or changed reports.

    A removed file loses its partition, and (when nothing is extracted) one
    build drops its rows from the warehouse.
    """
    raw_dir = paths.raw()
    if not raw_dir.is_dir():
        return dg.SkipReason(f"raw folder {raw_dir} does not exist")
    previous = json.loads(context.cursor) if context.cursor else {}
    current = folder_state(raw_dir)
    changed = changed_reports(previous, current)
    known = reports_partitions.get_partition_keys(dynamic_partitions_store=context.instance)
    new = [name for name in changed if name not in known]
    gone = sorted(set(known) - set(current))
    remaining = [name for name in known if name in current] + new
    cursor = json.dumps(current, sort_keys=True)
    runs = [
        dg.RunRequest(
            job_name=extract_reports.name, partition_key=name, run_key=f"{name}:{current[name]}"
        )
        for name in changed
    ]
    return dg.SensorResult(
        run_requests=runs or (cleanup_run(remaining, gone, cursor) if gone else []),
        dynamic_partitions_requests=[
            *([reports_partitions.build_add_request(new)] if new else []),
            *([reports_partitions.build_delete_request(gone)] if gone else []),
        ],
        cursor=cursor,
    )


def latest_storage_id(instance: dg.DagsterInstance, key: dg.AssetKey) -> int:
    """Given an asset key, return the event-log id of its latest materialization (0: none)."""
    records = instance.fetch_materializations(key, limit=1).records
    return records[0].storage_id if records else 0


def unfinished_runs(instance: dg.DagsterInstance, stage: str) -> int:
    """Given a stage tag value, return how many runs of that stage are queued or running."""
    filters = dg.RunsFilter(statuses=UNFINISHED, tags={STAGE_TAG: stage})
    return instance.get_runs_count(filters=filters)


def build_request(instance: dg.DagsterInstance, cursor: int) -> dg.RunRequest | dg.SkipReason:
    """Given the last extraction built for, return one build run or why not yet.

    A build waits until no extract run is queued or running, so a backfill of
    many partitions ends in one build, and starts only for extracts newer
    than both the last build requested and the last warehouse published.
    """
    extracted = latest_storage_id(instance, EXTRACT_ASSET_KEYS["reports"])
    if extracted <= max(cursor, latest_storage_id(instance, PUBLISHED_KEY)):
        return dg.SkipReason("no extraction since the last build")
    pending = unfinished_runs(instance, EXTRACT_STAGE)
    backfills = len(instance.get_backfills(status=BulkActionStatus.REQUESTED))
    if pending or backfills or unfinished_runs(instance, BUILD_STAGE):
        return dg.SkipReason(
            f"waiting: {pending} extract runs, {backfills} backfills unfinished, or a build"
        )
    return dg.RunRequest(run_key=f"extracts:{extracted}")


@dg.sensor(
    job=build_from_extracts,
    minimum_interval_seconds=POLL_SECONDS,
    default_status=dg.DefaultSensorStatus.STOPPED,
)
def build_after_extraction(context: dg.SensorEvaluationContext):
    """Given new extract materializations and no extract run left, request one build."""
    cursor = int(context.cursor or 0)
    request = build_request(context.instance, cursor)
    if isinstance(request, dg.RunRequest):
        context.update_cursor(request.run_key.split(":")[1])
    return request
