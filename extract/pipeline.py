"""Extract one report (or a folder of them) into the Parquet relations dbt reads.

A report is identified by its content: `report_key` is the start of the
file's sha256, so a renamed file is the same report and a changed file is a
new one. The file is copied once, hashing the bytes copied, and the copy is
read, so key and rows always describe the same bytes even when the file is
replaced meanwhile. Each report is read in a child process within the limits
of `ExtractSettings`. A symbolic link is followed only to a file inside the
raw folder. Bad input never raises here: it becomes a `reports` row with
status `failed` and a human-readable error, and every other report still loads.

Its command line is `python -m extract` (`extract/__main__.py`), which imports this
module; this module never imports it back.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from extract import frames, report_rows, sniff
from extract.detect import detect_metadata, tables_to_blocks
from extract.detect.prose import scan_prose
from extract.limits import MB, run_limited, time_limit
from extract.manifest import read_manifest
from extract.model import Document, ReadError
from extract.parquet_io import remove_report, write_report
from extract.readers import DOCX_SUFFIXES, TEXT_SUFFIXES, read_document, supported_suffixes
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
XML_PARTS = (".xml", ".rels")  # the DOCX parts parsed into trees; media stay bytes


# Setting -> (environment variable, factor from the variable's unit to the setting's).
SETTINGS_ENV = {
    "max_pages": ("KOMMUNLAGER_MAX_PAGES", 1),
    "max_seconds": ("KOMMUNLAGER_MAX_SECONDS", 1),
    "max_file_bytes": ("KOMMUNLAGER_MAX_FILE_MB", MB),
    "max_text_bytes": ("KOMMUNLAGER_MAX_TEXT_MB", MB),
    "max_memory_bytes": ("KOMMUNLAGER_MAX_MEMORY_MB", MB),
}


@dataclass(frozen=True)
class ExtractSettings:
    """Per-report limits; the defaults keep one pathological file from stalling a night.

    `max_text_bytes` bounds the text a reader must parse: a text export's size,
    a DOCX's XML uncompressed (parsing takes about 20 times that in memory).
    `max_memory_bytes` bounds the memory one report's reading may add.
    """

    max_pages: int = 2000
    max_seconds: float = 300.0
    max_file_bytes: int = 500 * MB
    max_text_bytes: int = 16 * MB
    max_memory_bytes: int = 1024 * MB

    @classmethod
    def from_env(cls) -> ExtractSettings:
        """Given the environment (`KOMMUNLAGER_MAX_*`), return the settings, defaults elsewhere."""
        values = {}
        for name, (variable, factor) in SETTINGS_ENV.items():
            if os.environ.get(variable, "").strip():
                values[name] = type(getattr(cls, name))(float(os.environ[variable]) * factor)
        return cls(**values)


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
    sha256: str = ""  # of the bytes read


def discover_reports(raw_dir: Path) -> list[Path]:
    """Given the raw folder, return every file (or link) in it that is a candidate report."""
    return sorted(
        path
        for path in Path(raw_dir).iterdir()
        if (path.is_file() or path.is_symlink())
        and not path.name.startswith(".")
        and path.name not in IGNORED_FILES
    )


def link_problem(path: Path) -> str | None:
    """Given a file in the raw folder, return why it is a link not to follow, else None."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    if not target.exists():
        return f"broken symbolic link to {os.readlink(path)} (not read)"
    if path.parent.resolve() not in target.parents:
        return f"symbolic link to {target}, outside the raw folder (not followed)"
    if not target.is_file():
        return f"symbolic link to {target}, which is not a file (not read)"
    return None


def file_sha256(path: Path) -> str:
    """Given a file, return the hex sha256 of its bytes (of the link, for a link not followed)."""
    if link_problem(path):
        return hashlib.sha256(b"symlink:" + os.fsencode(os.readlink(path))).hexdigest()
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _snapshot(path: Path, folder: Path, max_bytes: int) -> tuple[Path, str, str | None]:
    """Given a report file, return a private copy, the sha256 of the bytes copied, and why
    it must not be read (None if it may be); the copy has the file's name."""
    copy = folder / path.name
    problem = link_problem(path)
    if problem is None and path.stat().st_size > max_bytes:
        problem = f"file is {path.stat().st_size} bytes, over the limit of {max_bytes}"
    if problem:
        copy.touch()
        return copy, file_sha256(path), problem
    digest = hashlib.sha256()
    with open(path, "rb") as source, open(copy, "wb") as target:
        for chunk in iter(lambda: source.read(1 << 20), b""):
            digest.update(chunk)
            target.write(chunk)
    return copy, digest.hexdigest(), None


def extract_report(
    path: Path,
    out_dir: Path,
    manifest_row: dict | None = None,
    settings: ExtractSettings | None = None,
) -> ReportOutcome:
    """Given one report file, write its relations under out_dir and say what was found.

    Whatever the file holds, the report gets a `reports` row: an error reading it or
    making rows of what was read makes it `failed` with the error. Only a failure to
    write (a full disk, a folder not writable) raises: it is not the report's, and the
    next build reads the report again.
    """
    started = time.perf_counter()
    path, out_dir = Path(path), Path(out_dir)
    settings = settings or ExtractSettings.from_env()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".reading-") as scratch:
        copy, sha256, problem = _snapshot(path, Path(scratch), settings.max_file_bytes)
        if problem:
            return _write_failed(copy, out_dir, sha256, manifest_row, problem, started)
        try:
            document = _read_within_limits(copy, settings)
            extracted = _document_rows(copy, sha256, manifest_row, document)
        except ReadError as error:  # named by the file, not by its private copy
            message = str(error).replace(str(copy), str(path))
            return _write_failed(copy, out_dir, sha256, manifest_row, message, started)
        except Exception as error:  # a check's bug must fail this report, not the whole build
            LOG.exception("unexpected error extracting %s", path)
            message = f"unexpected {type(error).__name__} while extracting: {error}"
            return _write_failed(copy, out_dir, sha256, manifest_row, message, started)
        return _write_extracted(out_dir, extracted, started)


@dataclass(frozen=True)
class _Extracted:
    """One read report as rows: its `reports` row and every relation's frame."""

    file_name: str
    sha256: str
    document: Document
    report: dict
    frames: dict[str, pl.DataFrame]
    n_prose_facts: int


def _document_rows(
    path: Path, sha256: str, manifest_row: dict | None, document: Document
) -> _Extracted:
    """Given a read document and the sha256 of the bytes read, return its rows."""
    report_key = report_key_for_sha(sha256)
    tables = [structure_table(table) for table in document.tables]
    table_text = tables_to_blocks(document.tables)
    captions = [table.caption for table in document.tables]
    metadata = detect_metadata(
        document.text_blocks, path.name, table_text=table_text, captions=captions
    )
    report = report_rows.report_row(path, sha256, document, metadata, manifest_row)
    # a sentence's figure is this report's only if the time it names is the report's period
    prose = scan_prose(document.text_blocks, report["period_end"])
    report["warnings"] = [*report["warnings"], *prose.warnings]
    regions = document_to_regions(document)
    content = frames.document_frames(report_key, document, tables, prose.facts, regions)
    content["reports"] = report_rows.report_frame(report)
    return _Extracted(path.name, sha256, document, report, content, len(prose.facts))


def _write_extracted(out_dir: Path, extracted: _Extracted, started: float) -> ReportOutcome:
    """Given a report's rows, write its relations and say what was found."""
    report_key = report_key_for_sha(extracted.sha256)
    try:
        write_report(out_dir, report_key, extracted.frames)
    except BaseException:
        remove_report(out_dir, report_key)  # no half-written report for dbt to read
        raise
    return ReportOutcome(
        report_key=report_key,
        file_name=extracted.file_name,
        status=extracted.report["status"],
        error=extracted.report["error"],
        page_count=extracted.document.page_count,
        n_tables=extracted.frames["tables"].height,
        n_cells=extracted.frames["cells"].height,
        n_prose_facts=extracted.n_prose_facts,
        warnings=tuple(extracted.report["warnings"]),
        seconds=time.perf_counter() - started,
        sha256=extracted.sha256,
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
    _check_text_size(path, settings.max_text_bytes)
    return run_limited(
        _read_timed, (path, settings), settings.max_memory_bytes, settings.max_seconds
    )


def _read_timed(path: Path, settings: ExtractSettings) -> Document:
    """Given a file, read it within the time limit (in the reading child)."""
    with time_limit(settings.max_seconds):
        return read_document(path, max_pages=settings.max_pages)


def _check_text_size(path: Path, limit: int) -> None:
    """Given a text or DOCX file, raise ReadError if the text to parse is over the limit."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES and (size := path.stat().st_size) > limit:
        raise ReadError(f"text export is {size} bytes, over the limit of {limit} (max_text_bytes)")
    if suffix not in DOCX_SUFFIXES:
        return
    try:
        with zipfile.ZipFile(path) as package:
            xml = sum(i.file_size for i in package.infolist() if i.filename.endswith(XML_PARTS))
    except zipfile.BadZipFile:
        return  # not a readable zip: the DOCX reader says what it is
    if xml > limit:
        raise ReadError(
            f"DOCX XML is {xml} bytes uncompressed, over the limit of {limit} (max_text_bytes)"
        )


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
        sha256=sha256,
    )
