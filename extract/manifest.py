"""The optional `manifest.csv` of a raw folder: what a document itself may not say.

Columns: `file` (required) and any of `municipality` (name or SCB code),
`committee`, `period_end` (ISO date), `report_kind`, `source_url`. Values
here win over what is detected from the text.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from extract import vocabulary

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("file", "municipality", "committee", "period_end", "report_kind", "source_url")


class ManifestError(ValueError):
    """A manifest that cannot be used as written."""


def read_manifest(raw_dir: Path) -> dict[str, dict]:
    """Given the raw folder, return its manifest rows by file name (empty if none)."""
    path = Path(raw_dir) / MANIFEST_NAME
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if "file" not in (reader.fieldnames or []):
            raise ManifestError(f"{path}: the column 'file' is required")
        unknown = set(reader.fieldnames or []) - set(MANIFEST_COLUMNS)
        if unknown:
            raise ManifestError(f"{path}: unknown columns {sorted(unknown)}")
        return {row["file"].strip(): _clean(row) for row in reader if row["file"].strip()}


def _clean(row: dict) -> dict:
    """Given a manifest row, return it with blanks dropped and whitespace trimmed."""
    return {key: value.strip() for key, value in row.items() if value and value.strip()}


def municipality_code(name_or_code: str) -> str:
    """Given a municipality name or SCB code from the manifest, return the SCB code."""
    wanted = name_or_code.strip().casefold()
    for municipality in vocabulary.municipalities():
        if wanted in (municipality.code, municipality.name.casefold()):
            return municipality.code
    raise ManifestError(f"manifest municipality '{name_or_code}' is not one of the 290")


def period_end(text: str) -> date:
    """Given the manifest's period_end, return it as a date."""
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise ManifestError(f"manifest period_end '{text}' is not an ISO date") from error
