"""Which reports are stored in the extracted folder, by file name, and from what.

Beside the Parquet relations, each extracted file gets a small JSON sidecar
in `_inventory/`, written after its Parquet: its file name, report key, a
fingerprint of everything its rows depend on (the file's bytes, its manifest
row, the extractor version) and the sha256 of each Parquet file written. A
file whose fingerprint is unchanged and whose Parquet files are as recorded
need not be read again; a sidecar is the commit marker of one extraction.
A sidecar is named by a digest of the file name, so any name a filesystem
allows gets one; a sidecar that cannot be read means "read that file again".
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from extract.parquet_io import relation_path, remove_report
from extract.schema import RELATIONS

# Bump when extracted rows change for a reason the code digest cannot see.
EXTRACTOR_VERSION = "2"
INVENTORY_DIR = "_inventory"
EXTRACT_PACKAGE = Path(__file__).resolve().parent
CODE_SUFFIXES = (".py", ".csv")  # the code and the vocabulary shape every row


@dataclass(frozen=True)
class StoredReport:
    """One extracted file: its name, its report key and the fingerprint it was extracted at."""

    file_name: str
    report_key: str
    fingerprint: str
    extractor_version: str
    outputs: dict[str, str] = field(default_factory=dict)  # relation -> sha256 of its Parquet


@cache
def extractor_version() -> str:
    """Given nothing, return EXTRACTOR_VERSION plus a digest of the extract code and vocabulary."""
    digest = hashlib.sha256()
    for path in sorted(EXTRACT_PACKAGE.rglob("*")):
        if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(EXTRACT_PACKAGE)).encode())
            digest.update(path.read_bytes())
    return f"{EXTRACTOR_VERSION}+{digest.hexdigest()[:12]}"


def report_fingerprint(sha256: str, manifest_row: dict | None) -> str:
    """Given a file's sha256 and its manifest row, return what its extraction depends on."""
    state = {"sha256": sha256, "manifest": manifest_row or {}, "extractor": extractor_version()}
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()


def sidecar_path(out_dir: Path, file_name: str) -> Path:
    """Given the extracted folder and a file name, return its sidecar path."""
    digest = hashlib.sha256(file_name.encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return Path(out_dir) / INVENTORY_DIR / f"{digest}.json"


def _read_sidecar(path: Path) -> StoredReport | None:
    """Given a sidecar file, return what it records, or None when it is not a valid record."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        report = StoredReport(**record)
    except (OSError, ValueError, TypeError):
        return None
    fields = (report.file_name, report.report_key, report.fingerprint, report.extractor_version)
    valid = all(isinstance(value, str) and value for value in fields)
    return report if valid and isinstance(report.outputs, dict) else None


def _sidecars(out_dir: Path) -> list[tuple[Path, StoredReport | None]]:
    """Given the extracted folder, return every sidecar file with its record (None: unreadable)."""
    folder = Path(out_dir) / INVENTORY_DIR
    return [(path, _read_sidecar(path)) for path in sorted(folder.glob("*.json"))]


def stored_inventory(out_dir: Path) -> dict[str, StoredReport]:
    """Given the extracted folder, return file name -> StoredReport of every readable record."""
    return {report.file_name: report for _, report in _sidecars(out_dir) if report}


def output_digests(out_dir: Path, report_key: str) -> dict[str, str]:
    """Given a report key, return relation -> sha256 of each of its Parquet files present."""
    digests = {}
    for relation in RELATIONS:
        path = relation_path(Path(out_dir), relation, report_key)
        if path.is_file():
            digests[relation] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests


def outputs_intact(out_dir: Path, report: StoredReport) -> bool:
    """Given a stored report, return whether every relation's Parquet is as recorded."""
    return set(report.outputs) == set(RELATIONS) and report.outputs == output_digests(
        out_dir, report.report_key
    )


def record_report(out_dir: Path, report: StoredReport) -> None:
    """Given a finished extraction, write its sidecar (with its Parquet digests) atomically."""
    path = sidecar_path(out_dir, report.file_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    record = {**asdict(report), "outputs": output_digests(out_dir, report.report_key)}
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(record, handle, sort_keys=True)
    os.replace(temporary, path)


def forget_report(out_dir: Path, file_name: str) -> None:
    """Given a file name, delete its sidecars and its Parquet unless another file shares the key."""
    sidecars = _sidecars(out_dir)
    gone = [(path, report) for path, report in sidecars if report and report.file_name == file_name]
    for path, _ in gone:
        path.unlink(missing_ok=True)
    sidecar_path(out_dir, file_name).unlink(missing_ok=True)
    kept = {report.report_key for _, report in sidecars if report and report.file_name != file_name}
    for key in {report.report_key for _, report in gone} - kept:
        remove_report(Path(out_dir), key)


def orphan_keys(out_dir: Path) -> set[str]:
    """Given the extracted folder, return report keys with Parquet but no sidecar naming them."""
    on_disk = {path.stem for path in (Path(out_dir) / "reports").glob("*.parquet")}
    return on_disk - {report.report_key for report in stored_inventory(out_dir).values()}
