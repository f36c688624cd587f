"""Incremental extraction: read only new or changed report files, drop removed ones.

A file is unchanged when its fingerprint (bytes, manifest row, extractor
version; see `extract.inventory`) equals the one recorded at its last
extraction. A changed file's old report key is dropped, so its facts are
replaced rather than duplicated. Extraction runs in parallel (one run per
report partition, and within a run, several worker processes when asked for:
`extract.worker_pool`); the single-writer build first sweeps the files gone from
the folder, which take their rows with them, and orphaned Parquet.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from extract.inventory import (
    StoredReport,
    forget_report,
    orphan_keys,
    outputs_intact,
    report_fingerprint,
    stored_inventory,
)
from extract.pipeline import (
    ExtractSettings,
    ReportOutcome,
    discover_reports,
    file_sha256,
    read_manifest,
    remove_report,
)
from extract.worker import extract_and_record
from extract.worker_pool import extract_in_pool, pool_size
from orchestration.folder_lock import extracts_exclusive, extracts_shared
from orchestration.publishing import published_state

OutcomeCallback = Callable[[int, int, ReportOutcome], None]


@dataclass(frozen=True)
class BuildPlan:
    """What a build must do with each report file, by file name."""

    new: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    fingerprints: dict[str, str]

    @property
    def to_extract(self) -> tuple[str, ...]:
        """Given the plan, return the files to read, sorted."""
        return tuple(sorted(self.new + self.changed))

    @property
    def nothing_changed(self) -> bool:
        """Given the plan, return whether the stored extracts already match the folder."""
        return not (self.new or self.changed or self.removed)

    def counts(self) -> dict[str, int]:
        """Given the plan, return the number of new, changed, unchanged and removed reports."""
        return {
            "new": len(self.new),
            "changed": len(self.changed),
            "unchanged": len(self.unchanged),
            "removed": len(self.removed),
        }

    def counts_line(self) -> str:
        """Given the plan, return its counts as one readable line."""
        return "Reports: " + ", ".join(f"{n} {label}" for label, n in self.counts().items())


def plan_build(
    raw_dir: Path, extracted_dir: Path, names: Collection[str] | None = None, force: bool = False
) -> BuildPlan:
    """Given the folders and the files asked for (default: all), return what must be done."""
    present = {path.name for path in discover_reports(raw_dir)}
    asked = present if names is None else present & set(names)
    manifest = read_manifest(raw_dir)
    inventory = stored_inventory(extracted_dir)
    fingerprints = {
        name: report_fingerprint(file_sha256(Path(raw_dir) / name), manifest.get(name))
        for name in sorted(asked)
    }
    stored = {n: _stored_fingerprint(extracted_dir, inventory, n, present) for n in sorted(asked)}
    stored = {name: fingerprint for name, fingerprint in stored.items() if name in inventory}
    return BuildPlan(
        new=tuple(name for name in fingerprints if name not in stored),
        changed=tuple(n for n in stored if force or stored[n] != fingerprints[n]),
        unchanged=tuple(n for n in stored if not force and stored[n] == fingerprints[n]),
        removed=tuple(sorted(set(inventory) - present)),
        fingerprints=fingerprints,
    )


def _stored_fingerprint(
    extracted_dir: Path, inventory: dict[str, StoredReport], name: str, present: set[str]
) -> str | None:
    """Given a recorded file, return its fingerprint; None when it must be read again.

    Read again when its Parquet is missing or not as recorded, or when a removed
    identical file shares its key (the stored row may name the removed file).
    """
    report = inventory.get(name)
    if report is None or not outputs_intact(extracted_dir, report):
        return None
    removed = {r.report_key for n, r in inventory.items() if n not in present}
    return None if report.report_key in removed else report.fingerprint


def apply_plan(
    raw_dir: Path,
    extracted_dir: Path,
    plan: BuildPlan,
    on_outcome: OutcomeCallback,
    workers: int = 1,
) -> list[ReportOutcome]:
    """Given a plan, extract its new and changed files; return their outcomes.

    `workers` reports at a time (0: one per core, as memory allows; see
    `extract.worker_pool`). Safe beside other extractions of other files: the
    reports are written under the folder's shared lock, and nothing here
    deletes another file's rows (removed files and orphans are the build's
    job: `sweep_extracted`).
    """
    manifest = read_manifest(raw_dir)
    names = list(plan.to_extract)
    size = pool_size(workers, len(names), ExtractSettings.from_env().max_memory_bytes)
    if size == 1:
        return [
            _extract_locked(raw_dir, extracted_dir, name, manifest, index, len(names), on_outcome)
            for index, name in enumerate(names, start=1)
        ]
    with extracts_shared(extracted_dir):
        for name in names:  # old keys first: a worker's fresh rows are never a stale key's
            forget_report(extracted_dir, name)
        return extract_in_pool(raw_dir, extracted_dir, names, manifest, size, on_outcome)


def _extract_locked(
    raw_dir: Path,
    extracted_dir: Path,
    name: str,
    manifest: dict[str, dict],
    index: int,
    total: int,
    on_outcome: OutcomeCallback,
) -> ReportOutcome:
    """Given one file, extract it under the folder's shared lock, announce and return it."""
    with extracts_shared(extracted_dir):
        forget_report(extracted_dir, name)  # its old key: a changed file leaves no stale rows
        outcome = extract_and_record(raw_dir, extracted_dir, name, manifest.get(name))
    on_outcome(index, total, outcome)
    return outcome


def sweep_extracted(raw_dir: Path, extracted_dir: Path) -> dict[str, int]:
    """Given the folders, drop files gone from the raw folder and orphaned Parquet; count them.

    The build's first step, under the folder's exclusive lock: an orphan
    (Parquet whose report key no sidecar names) is an interrupted or older
    extraction only when no extraction is in flight.
    """
    with extracts_exclusive(extracted_dir):
        present = {path.name for path in discover_reports(raw_dir)}
        removed = sorted(set(stored_inventory(extracted_dir)) - present)
        for name in removed:
            forget_report(extracted_dir, name)
        orphans = orphan_keys(extracted_dir)
        for key in orphans:
            remove_report(extracted_dir, key)
    return {"removed": len(removed), "orphans": len(orphans)}


def extract_state(extracted_dir: Path) -> str:
    """Given the extracted folder, return a digest of every stored file and its fingerprint."""
    stored = {name: r.fingerprint for name, r in stored_inventory(extracted_dir).items()}
    return hashlib.sha256(json.dumps(stored, sort_keys=True).encode()).hexdigest()


def is_current(plan: BuildPlan, extracted_dir: Path, warehouse: Path) -> bool:
    """Given a plan, return whether the live warehouse was built from exactly these extracts."""
    return plan.nothing_changed and published_state(warehouse) == extract_state(extracted_dir)
