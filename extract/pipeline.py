"""Extract one report (or a folder of them) into the Parquet relations dbt reads.

A report is identified by its content: `report_key` is the start of the
file's sha256, so a renamed file is the same report and a changed file is a
new one. Bad input never raises here: it becomes a `reports` row with status
`failed` and a human-readable error, and every other report still loads.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from extract import frames, report_rows, sniff
from extract.detect import detect_metadata, tables_to_blocks
from extract.limits import time_limit
from extract.manifest import read_manifest
from extract.model import Document, ReadError
from extract.parquet_io import remove_report, write_report
from extract.prose import scan_prose
from extract.readers import read_document, supported_suffixes
from extract.regions import document_to_regions
from extract.report_rows import report_key_for_sha
from extract.structure import structure_table

__all__ = [
    "ExtractSettings",
    "ReportOutcome",
    "discover_reports",
    "extract_report",
    "file_sha256",
    "read_manifest",
    "remove_report",
    "report_key_for_sha",
]

LOG = logging.getLogger(__name__)
IGNORED_FILES = frozenset({"manifest.csv"})


@dataclass(frozen=True)
class ExtractSettings:
    """Per-report limits; the defaults keep one pathological file from stalling a night."""

    max_pages: int = 2000
    max_seconds: float = 300.0
    max_file_bytes: int = 500 * 1024 * 1024


@dataclass(frozen=True)
class ReportOutcome:
    """What extracting one report produced, for progress lines and Dagster metadata."""

    report_key: str
    file_name: str
    status: str
    error: str | None
    page_count: int
    n_tables: int
    n_cells: int
    n_prose_facts: int
    warnings: tuple[str, ...] = field(default_factory=tuple)
    seconds: float = 0.0


def discover_reports(raw_dir: Path) -> list[Path]:
    """Given the raw folder, return every file in it that is a candidate report, sorted."""
    return sorted(
        path
        for path in Path(raw_dir).iterdir()
        if path.is_file() and not path.name.startswith(".") and path.name not in IGNORED_FILES
    )


def file_sha256(path: Path) -> str:
    """Given a file, return the hex sha256 of its bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def extract_report(
    path: Path,
    out_dir: Path,
    manifest_row: dict | None = None,
    settings: ExtractSettings = ExtractSettings(),
) -> ReportOutcome:
    """Given one report file, write its relations under out_dir and say what was found."""
    started = time.perf_counter()
    path, out_dir = Path(path), Path(out_dir)
    sha256 = file_sha256(path)
    report_key = report_key_for_sha(sha256)
    try:
        document = _read_within_limits(path, settings)
    except ReadError as error:
        return _write_failed(path, out_dir, sha256, manifest_row, str(error), started)
    except Exception as error:  # a reader bug must fail this report, not the whole build
        LOG.exception("unexpected error reading %s", path)
        message = f"unexpected {type(error).__name__} while reading: {error}"
        return _write_failed(path, out_dir, sha256, manifest_row, message, started)
    tables = [structure_table(table) for table in document.tables]
    prose = scan_prose(document.text_blocks)
    facts = prose.facts
    table_text = tables_to_blocks(document.tables)
    metadata = detect_metadata(document.text_blocks, path.name, table_text=table_text)
    report = report_rows.report_row(path, sha256, document, metadata, manifest_row)
    report["warnings"] = [*report["warnings"], *prose.warnings]
    regions = document_to_regions(document)
    content = frames.document_frames(report_key, document, tables, facts, regions)
    write_report(out_dir, report_key, {**content, "reports": report_rows.report_frame(report)})
    return ReportOutcome(
        report_key=report_key,
        file_name=path.name,
        status=report["status"],
        error=report["error"],
        page_count=document.page_count,
        n_tables=len(tables),
        n_cells=content["cells"].height,
        n_prose_facts=len(facts),
        warnings=tuple(report["warnings"]),
        seconds=time.perf_counter() - started,
    )


def _read_within_limits(path: Path, settings: ExtractSettings) -> Document:
    """Given a file, read it with the reader for its type, within the configured limits."""
    if path.suffix.lower() not in supported_suffixes():
        known = ", ".join(sorted(supported_suffixes()))
        raise ReadError(f"unsupported file type '{path.suffix or path.name}' (expected {known})")
    size = path.stat().st_size
    if size == 0:
        raise ReadError("empty file (0 bytes)")
    if size > settings.max_file_bytes:
        raise ReadError(f"file is {size} bytes, over the limit of {settings.max_file_bytes}")
    if path.suffix.lower() == ".pdf" and (found := sniff.describe(path)) != "a PDF":
        raise ReadError(f"not a PDF: the file is {found}")
    with time_limit(settings.max_seconds):
        return read_document(path, max_pages=settings.max_pages)


def _write_failed(
    path: Path, out_dir: Path, sha256: str, manifest_row: dict | None, error: str, started: float
) -> ReportOutcome:
    """Given a report that could not be read, record it as failed with its error."""
    report_key = report_key_for_sha(sha256)
    report = report_rows.failed_report_row(path, sha256, manifest_row, error)
    content = frames.empty_document_frames(report_key)
    write_report(out_dir, report_key, {**content, "reports": report_rows.report_frame(report)})
    return ReportOutcome(
        report_key=report_key,
        file_name=path.name,
        status="failed",
        error=error,
        page_count=0,
        n_tables=0,
        n_cells=0,
        n_prose_facts=0,
        seconds=time.perf_counter() - started,
    )


if __name__ == "__main__":
    from extract.__main__ import main

    raise SystemExit(main())
