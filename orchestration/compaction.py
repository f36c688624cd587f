"""Compact the extracted Parquet: per relation, a few files of bounded size for dbt to read.

Extraction writes one file per report and relation (`extracted/<relation>/<key>.parquet`),
which stays its own output and the source of truth. dbt would glob them all in every
build: 435 000 files at national size. The single-writer build first compacts them
into parts (`extracted/_compacted/current/<relation>/part-*.parquet`, the layout of the
extracted folder, so dbt's sources read it unchanged through the var `extracted_dir`).

A part holds whole reports, sorted by report key, and at most `PART_BYTES` of their
per-report files (one report larger than that gets a part of its own). A compaction
rewrites only the parts holding a report added, changed or removed since the last one
(its `parts.json` records each report's digest and which part holds it), plus the
small ones, merged; every other part is hard-linked into the new set unchanged. So a
changed report's rows are replaced exactly, and a one-report change rewrites about one
part per relation, however many reports the folder holds.

Crash-safe like the publish: a new set is written in a folder of its own, renamed
whole, and the link `current` is then swapped onto it (`os.replace`); a killed
compaction leaves `current` naming the previous, complete set. Sets no longer current
are deleted after the swap (an open reader keeps its files). Run under the extracted
folder's exclusive lock (the build's), so no extraction writes meanwhile.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb

from extract.parquet_io import relation_path
from extract.schema import RELATIONS
from orchestration.incremental_dbt import changed_keys, report_fingerprints

COMPACTED_DIR = "_compacted"
CURRENT_LINK = "current"
MANIFEST = "parts.json"
PART_BYTES = 64 * 2**20  # per-report Parquet bytes gathered in one part
PART_BYTES_ENV = "KOMMUNLAGER_COMPACT_PART_BYTES"  # another bound (tests: many small parts)
SMALL_PART_SHARE = 4  # a part below 1/4 of the bound is merged again with what is rewritten
NEW_SET_PREFIX = ".new-"


@dataclass(frozen=True)
class Part:
    """One compacted file: the reports it holds, and the bytes of their per-report files."""

    file: str
    keys: tuple[str, ...]
    size: int


@dataclass(frozen=True)
class CompactionResult:
    """What one compaction did: reports changed, parts written and kept (all relations)."""

    changed_reports: int
    parts_written: int
    parts_kept: int

    def line(self) -> str:
        """Given the result, return it as one readable line for the log."""
        return (
            f"Compaction: {self.changed_reports} reports added, changed or removed; "
            f"{self.parts_written} parts written, {self.parts_kept} kept"
        )


def compacted_dir(extracted_dir: Path) -> Path:
    """Given the extracted folder, return the link to its current compacted set (dbt's source)."""
    return Path(extracted_dir) / COMPACTED_DIR / CURRENT_LINK


def part_bytes_from_env() -> int:
    """Given the environment, return the bound on a part's bytes: PART_BYTES unless set."""
    value = os.environ.get(PART_BYTES_ENV, "").strip()
    return int(value) if value else PART_BYTES


def compact(extracted_dir: Path, part_bytes: int = PART_BYTES) -> CompactionResult:
    """Given the extracted folder, bring its compacted set up to date; say what it did."""
    extracted_dir = Path(extracted_dir)
    root = extracted_dir / COMPACTED_DIR
    root.mkdir(parents=True, exist_ok=True)
    _delete_stale_sets(root)
    built, parts = _read_manifest(compacted_dir(extracted_dir))
    current = report_fingerprints(extracted_dir)
    changed = set(changed_keys(built, current))
    if not changed and parts:
        return CompactionResult(0, 0, sum(len(p) for p in parts.values()))
    new_set = root / f"{NEW_SET_PREFIX}{uuid.uuid4().hex}"
    new_parts = {
        relation: _compact_relation(
            extracted_dir, relation, parts.get(relation, []), changed, current, new_set, part_bytes
        )
        for relation in RELATIONS
    }
    _write_manifest(
        new_set, current, {r: [p for p, _ in listed] for r, listed in new_parts.items()}
    )
    _swap_current(root, new_set)
    _delete_stale_sets(root)
    written = sum(1 for listed in new_parts.values() for _, fresh in listed if fresh)
    kept = sum(1 for listed in new_parts.values() for _, fresh in listed if not fresh)
    return CompactionResult(len(changed), written, kept)


def _compact_relation(
    extracted_dir: Path,
    relation: str,
    old: list[Part],
    changed: set[str],
    current: dict[str, str],
    new_set: Path,
    part_bytes: int,
) -> list[tuple[Part, bool]]:
    """Given one relation's parts and the changed reports, write its parts into the new set:
    each kept part linked, the rest of its reports and the changed ones packed anew; return
    every part, by first report, and whether it was written now."""
    stays = [part for part in old if _full_and_unchanged(part, changed, part_bytes)]
    pooled = {key for part in old if part not in stays for key in part.keys} - changed
    pooled |= changed & current.keys()
    sizes = {key: relation_path(extracted_dir, relation, key).stat().st_size for key in pooled}
    fresh = [_part(relation, keys, sizes, current) for keys in pack(sizes, part_bytes)]
    folder = new_set / relation
    folder.mkdir(parents=True)
    for part in stays:  # a hard link: the kept part's bytes are not copied
        os.link(compacted_dir(extracted_dir) / relation / part.file, folder / part.file)
    for part in fresh:
        _write_part(extracted_dir, relation, part, folder / part.file)
    listed = [(part, False) for part in stays] + [(part, True) for part in fresh]
    return sorted(listed, key=lambda entry: entry[0].keys[0])


def _full_and_unchanged(part: Part, changed: set[str], part_bytes: int) -> bool:
    """Given a part, return whether it stays as it is: no report of it changed, and it is
    not small (small parts are merged, so a long history of changes leaves no crumbs)."""
    return part.size * SMALL_PART_SHARE >= part_bytes and not changed.intersection(part.keys)


def pack(sizes: dict[str, int], part_bytes: int) -> list[tuple[str, ...]]:
    """Given report key -> bytes, return the keys, sorted, in runs of at most `part_bytes`
    (a report larger than that alone)."""
    runs: list[list[str]] = []
    total = 0
    for key in sorted(sizes):
        if not runs or total + sizes[key] > part_bytes:
            runs.append([])
            total = 0
        runs[-1].append(key)
        total += sizes[key]
    return [tuple(run) for run in runs]


def _part(
    relation: str, keys: tuple[str, ...], sizes: dict[str, int], digests: dict[str, str]
) -> Part:
    """Given a relation and the reports of a new part, name it by what it holds."""
    held = [relation, [(key, digests[key]) for key in keys]]
    digest = hashlib.sha256(json.dumps(held).encode()).hexdigest()[:16]
    return Part(f"part-{digest}.parquet", keys, sum(sizes[key] for key in keys))


def _write_part(extracted_dir: Path, relation: str, part: Part, path: Path) -> None:
    """Given the reports of a part, write their rows into one file, report by report, each in
    the order its own file holds them (so dbt reads the rows a glob would have read)."""
    files = [relation_path(extracted_dir, relation, key).as_posix() for key in part.keys]
    query = (
        "copy (select * exclude (filename, file_row_number) from read_parquet($files, "
        "union_by_name = true, filename = true, file_row_number = true) "
        f"order by report_key, filename, file_row_number) to '{_quoted(path)}' "
        "(format parquet, compression zstd)"
    )
    with duckdb.connect() as con:
        con.execute(query, {"files": files})


def _quoted(path: Path) -> str:
    """Given a path, return it as the inside of a SQL string literal."""
    return path.as_posix().replace("'", "''")


def _read_manifest(folder: Path) -> tuple[dict[str, str], dict[str, list[Part]]]:
    """Given a compacted set, return the report digests it holds and its parts by relation.

    Nothing (a full compaction follows) when there is no set yet, its record is
    unreadable, or it was made for other relations.
    """
    try:
        recorded = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        parts = {
            relation: [Part(p["file"], tuple(p["keys"]), p["size"]) for p in listed]
            for relation, listed in recorded["parts"].items()
        }
        reports = dict(recorded["reports"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}, {}
    if set(parts) != set(RELATIONS):
        return {}, {}
    return reports, parts


def _write_manifest(new_set: Path, reports: dict[str, str], parts: dict[str, list[Part]]) -> None:
    """Given a new set's folder, record the report digests it holds and its parts."""
    record = {
        "reports": dict(sorted(reports.items())),
        "parts": {
            relation: [{"file": p.file, "keys": list(p.keys), "size": p.size} for p in listed]
            for relation, listed in parts.items()
        },
    }
    (new_set / MANIFEST).write_text(json.dumps(record), encoding="utf-8")


def _swap_current(root: Path, new_set: Path) -> None:
    """Given a finished new set, rename it whole, then point `current` at it atomically."""
    finished = root / new_set.name.removeprefix(NEW_SET_PREFIX)
    os.replace(new_set, finished)
    link = root / f".{CURRENT_LINK}.{os.getpid()}.link"
    link.unlink(missing_ok=True)
    link.symlink_to(finished.name)  # relative: the folder may be mounted elsewhere
    os.replace(link, root / CURRENT_LINK)


def _delete_stale_sets(root: Path) -> None:
    """Given the compacted folder, delete every set but the current one (and half-written
    ones a killed compaction left)."""
    link = root / CURRENT_LINK
    current = os.readlink(link) if link.is_symlink() else None
    for entry in root.iterdir():
        if entry.is_dir() and not entry.is_symlink() and entry.name != current:
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.endswith(".link"):
            entry.unlink(missing_ok=True)
