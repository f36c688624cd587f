"""Watch the raw folder: register new files, rerun new or changed ones, drop removed ones."""

import hashlib
import json
from pathlib import Path

import dagster as dg

from extract.pipeline import discover_reports, file_sha256
from orchestration.defs.assets import reports_partitions
from orchestration.defs.jobs import build_warehouse
from orchestration.defs.resources import KommunlagerPaths

MANIFEST_NAME = "manifest.csv"  # a changed manifest changes what every report says
POLL_SECONDS = 60


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
    """Given the reports left, those removed and the folder state, return one rebuild run."""
    if not remaining:
        return []
    digest = hashlib.sha256(state.encode()).hexdigest()[:16]
    return [
        dg.RunRequest(
            run_key=f"removed:{','.join(gone)}:{digest}",
            tags={
                "dagster/asset_partition_range_start": remaining[0],
                "dagster/asset_partition_range_end": remaining[-1],
            },
        )
    ]


@dg.sensor(
    job=build_warehouse,
    minimum_interval_seconds=POLL_SECONDS,
    default_status=dg.DefaultSensorStatus.STOPPED,
)
def raw_folder_sensor(context: dg.SensorEvaluationContext, paths: KommunlagerPaths):
    """Given the raw folder, add and remove partitions; run new, changed or removed reports.

    A removed file loses its partition, and (when nothing else runs) one
    cleanup run over the remaining reports drops its rows from the warehouse.
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
        dg.RunRequest(partition_key=name, run_key=f"{name}:{current[name]}") for name in changed
    ]
    return dg.SensorResult(
        run_requests=runs or (cleanup_run(remaining, gone, cursor) if gone else []),
        dynamic_partitions_requests=[
            *([reports_partitions.build_add_request(new)] if new else []),
            *([reports_partitions.build_delete_request(gone)] if gone else []),
        ],
        cursor=cursor,
    )
