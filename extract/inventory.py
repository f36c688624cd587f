"""Which reports are stored in the extracted folder, by file name, and from what.

Beside the Parquet relations, each extracted file gets a small JSON sidecar
(`_inventory/<file name>.json`) written after its Parquet: its report key and
a fingerprint of everything its rows depend on (the file's bytes, its
manifest row, the extractor version). A file whose fingerprint is unchanged
need not be read again; a sidecar is the commit marker of one extraction.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from extract.parquet_io import remove_report

# Bump when extracted rows change for a reason the code digest cannot see.
EXTRACTOR_VERSION = "1"
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


def _sidecar(out_dir: Path, file_name: str) -> Path:
    """Given the extracted folder and a file name, return its sidecar path."""
    return Path(out_dir) / INVENTORY_DIR / f"{file_name}.json"


def stored_inventory(out_dir: Path) -> dict[str, StoredReport]:
    """Given the extracted folder, return file name -> StoredReport of every recorded file."""
    folder = Path(out_dir) / INVENTORY_DIR
    stored = [
        StoredReport(**json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(folder.glob("*.json"))
    ]
    return {report.file_name: report for report in stored}


def record_report(out_dir: Path, report: StoredReport) -> None:
    """Given a finished extraction, write its sidecar atomically."""
    path = _sidecar(out_dir, report.file_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(asdict(report), handle, sort_keys=True)
    os.replace(temporary, path)


def forget_report(out_dir: Path, file_name: str) -> None:
    """Given a file name, delete its sidecar and its Parquet unless another file shares the key."""
    inventory = stored_inventory(out_dir)
    gone = inventory.pop(file_name, None)
    _sidecar(out_dir, file_name).unlink(missing_ok=True)
    if gone and gone.report_key not in {report.report_key for report in inventory.values()}:
        remove_report(Path(out_dir), gone.report_key)


def orphan_keys(out_dir: Path) -> set[str]:
    """Given the extracted folder, return report keys with Parquet but no sidecar naming them."""
    on_disk = {path.stem for path in (Path(out_dir) / "reports").glob("*.parquet")}
    return on_disk - {report.report_key for report in stored_inventory(out_dir).values()}
