"""One `reports` row per input file: identity, status, errors and metadata.

Status: `failed` when the file could not be read at all; `partial` when some
pages had no text layer or a limit cut the reading short; else `ok`. Metadata
comes from the manifest where it says something, else from the text; a field
neither states stays NULL with a warning, written `field: message`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import polars as pl

from extract import manifest
from extract.detect import DetectedMetadata
from extract.model import Document
from extract.parquet_io import frame
from extract.readers.encodable import clean_text

KEY_LENGTH = 16
# which detection warning a value from the manifest settles, by the metadata field it sets
SETTLES = {
    "municipality_code": "municipality",
    "committee_name": "committee",
    "report_kind": "report_kind",
    "period_end": "period",
}

NO_METADATA = DetectedMetadata(
    municipality_code=None,
    municipality_name=None,
    committee_name=None,
    report_kind=None,
    period_kind=None,
    period_start=None,
    period_end=None,
    fiscal_year=None,
    title=None,
    warnings=(),
)


def report_row(
    path: Path,
    sha256: str,
    document: Document,
    detected: DetectedMetadata,
    manifest_row: dict | None,
) -> dict:
    """Given a read document and its detected metadata, return its `reports` row."""
    metadata, manifest_warnings = apply_manifest(detected, manifest_row)
    warnings = [*document.warnings, *map(str, metadata.warnings), *manifest_warnings]
    status, error = _status(document)
    return {
        **_identity(path, sha256),
        "page_count": document.page_count,
        "status": status,
        "error": error,
        "warnings": warnings,
        "pages_without_text": document.pages_without_text,
        "title": metadata.title,
        "municipality_code": metadata.municipality_code,
        "municipality_source": _source(manifest_row, "municipality", metadata.municipality_code),
        "committee_name": metadata.committee_name,
        "report_kind": metadata.report_kind,
        "period_start": metadata.period_start,
        "period_end": metadata.period_end,
        "period_kind": metadata.period_kind,
        "fiscal_year": metadata.fiscal_year,
        "source_url": manifest.resolve_row(manifest_row)[0].get("source_url"),
    }


def failed_report_row(path: Path, sha256: str, manifest_row: dict | None, error: str) -> dict:
    """Given a file that could not be read, return its `reports` row with the error."""
    metadata, warnings = apply_manifest(NO_METADATA, manifest_row)
    return {
        **report_row(path, sha256, Document(page_count=0), metadata, None),
        "status": "failed",
        "error": error,
        "warnings": list(warnings),
        "municipality_source": _source(manifest_row, "municipality", metadata.municipality_code),
        "source_url": manifest.resolve_row(manifest_row)[0].get("source_url"),
    }


def report_key_for_sha(sha256: str) -> str:
    """Given a file's sha256, return its stable report key."""
    return sha256[:KEY_LENGTH]


def report_frame(row: dict) -> pl.DataFrame:
    """Given a `reports` row, return it as a one-row frame with the explicit schema."""
    return frame("reports", [row])


def apply_manifest(
    detected: DetectedMetadata, manifest_row: dict | None
) -> tuple[DetectedMetadata, list[str]]:
    """Given detected metadata and a manifest row, return the merged metadata and warnings."""
    if not manifest_row:
        return detected, []
    values, warnings = manifest.resolve_row(manifest_row)  # each valid value applies
    changes = {k: v for k, v in values.items() if k not in ("period_end", "source_url")}
    if "period_end" in values:
        changes.update(_period_from_manifest(values["period_end"]))
    settled = {SETTLES[name] for name in changes if name in SETTLES}
    kept = tuple(warning for warning in detected.warnings if warning.field not in settled)
    return replace(detected, **changes, warnings=kept), warnings


def _period_from_manifest(end: date) -> dict:
    """Given the manifest's period end, return the period fields it settles."""
    return {"period_end": end, "fiscal_year": end.year}


def _source(manifest_row: dict | None, column: str, value: str | None) -> str | None:
    """Given the manifest row and a resolved value, return where the value came from."""
    if value is None:
        return None
    applied, _ = manifest.resolve_row(manifest_row)
    return "manifest" if manifest.RESOLVERS[column][0] in applied else "text"


def _status(document: Document) -> tuple[str, str | None]:
    """Given a read document, return its status and, if not ok, why."""
    if document.page_count and len(document.pages_without_text) == document.page_count:
        return "failed", "no page has a text layer (scanned or image-only document)"
    if document.pages_without_text:
        pages = ", ".join(str(page) for page in document.pages_without_text)
        return "partial", f"pages without a text layer: {pages}"
    if document.truncated:
        return "partial", "a limit stopped the reading early: " + "; ".join(document.warnings)
    return "ok", None


def _identity(path: Path, sha256: str) -> dict:
    """Given a file and its hash, return the identity columns of its row."""
    return {
        "report_key": report_key_for_sha(sha256),
        # a name in bytes that are not UTF-8 (an unzipped Windows archive) keeps what it can
        "file_name": clean_text(path.name)[0],
        "sha256": sha256,
        "file_size": path.stat().st_size,
        "file_format": path.suffix.lower().lstrip(".") or None,
    }
