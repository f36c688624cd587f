"""The optional `manifest.csv` of a raw folder: what a document itself may not say.

Columns: `file` (required) and any of `municipality` (name or SCB code),
`committee`, `period_end` (ISO date), `report_kind` (a kind of the vocabulary),
`source_url` (http or https). Values here win over what is detected from the
text. What Excel writes is read: a byte-order mark, `;` or tab separators,
cp1252 text, header names in any case, other columns (ignored, with a
finding). What cannot be used as written (no `file` column, a row with more
values than the header names, a row with values but no file, broken quoting)
is a ManifestError naming the row and the column. An invalid value of a valid
row is a warning of that report, and only that value is ignored.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from extract import vocabulary

MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("file", "municipality", "committee", "period_end", "report_kind", "source_url")
SEPARATORS = (",", ";", "\t")
FALLBACK_ENCODING = "cp1252"  # what Swedish Excel writes as "CSV" without UTF-8
URL_SCHEMES = ("http", "https")


class ManifestError(ValueError):
    """A manifest that cannot be used as written."""


@dataclass(frozen=True)
class Manifest:
    """A read manifest: its rows by file name, their row numbers, and findings about it."""

    rows: dict[str, dict]
    row_numbers: dict[str, int]
    findings: tuple[str, ...]


def read_manifest(raw_dir: Path) -> dict[str, dict]:
    """Given the raw folder, return its manifest rows by file name (empty if none)."""
    return load_manifest(raw_dir).rows


def load_manifest(raw_dir: Path) -> Manifest:
    """Given the raw folder, return its manifest; raise ManifestError if it is unusable."""
    path = Path(raw_dir) / MANIFEST_NAME
    if not path.exists():
        return Manifest({}, {}, ())
    records = _records(path)
    header = [name.strip().casefold() for name in (records[0] if records else [])]
    if "file" not in header:
        raise ManifestError(f"{path}: row 1: no column 'file' (columns: {header})")
    unknown = [raw.strip() for raw in records[0] if raw.strip().casefold() not in MANIFEST_COLUMNS]
    findings = [f"{path.name}: columns {unknown} are not read"] if unknown else []
    rows: dict[str, dict] = {}
    numbers: dict[str, int] = {}
    for number, values in enumerate(records[1:], start=2):
        row = _row(path, number, header, values)
        if row is None:
            continue
        if row["file"] in rows:
            findings.append(
                f"{path.name}: row {number} repeats file '{row['file']}' of row "
                f"{numbers[row['file']]}; row {number} is ignored"
            )
            continue
        rows[row["file"]], numbers[row["file"]] = row, number
    return Manifest(rows, numbers, tuple(findings))


def manifest_findings(raw_dir: Path, present: list[str]) -> list[str]:
    """Given the raw folder and its report file names, return findings about its manifest."""
    manifest = load_manifest(raw_dir)
    missing = [
        f"{MANIFEST_NAME}: row {manifest.row_numbers[name]} names '{name}', "
        "which is not in the folder"
        for name in manifest.rows
        if name not in set(present)
    ]
    return [*manifest.findings, *missing]


def _records(path: Path) -> list[list[str]]:
    """Given the manifest file, return its records; raise ManifestError where it breaks."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode(FALLBACK_ENCODING, errors="replace")
    first = text.split("\n", 1)[0]
    separator = max(SEPARATORS, key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    records = []
    try:
        for values in reader:
            records.append(values)
    except csv.Error as error:
        raise ManifestError(f"{path}: row {len(records) + 1}: {error}") from error
    return records


def _row(path: Path, number: int, header: list[str], values: list[str]) -> dict | None:
    """Given one record, return its known columns with blanks dropped; None for a blank row."""
    if not any(value.strip() for value in values):
        return None
    if len(values) > len(header):
        raise ManifestError(
            f"{path}: row {number}: {len(values)} values but {len(header)} columns in the header"
        )
    row = {
        name: value.strip()
        for name, value in zip(header, values, strict=False)
        if name in MANIFEST_COLUMNS and value.strip()
    }
    if "file" not in row:
        raise ManifestError(f"{path}: row {number}, column file: empty")
    return row


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


def report_kind(text: str) -> str:
    """Given the manifest's report_kind, return it if the vocabulary knows it."""
    known = {kind.report_kind for kind in vocabulary.report_kinds()}
    if text.casefold() not in known:
        raise ManifestError(f"manifest report_kind '{text}' is not one of {sorted(known)}")
    return text.casefold()


def source_url(text: str) -> str:
    """Given the manifest's source_url, return it if it is an http(s) address."""
    parts = urlsplit(text)
    if parts.scheme.lower() not in URL_SCHEMES or not parts.netloc:
        raise ManifestError(f"manifest source_url '{text}' is not an http or https address")
    return text


RESOLVERS = {  # manifest column -> (metadata field, check)
    "municipality": ("municipality_code", municipality_code),
    "committee": ("committee_name", str),
    "period_end": ("period_end", period_end),
    "report_kind": ("report_kind", report_kind),
    "source_url": ("source_url", source_url),
}


def resolve_row(row: dict | None) -> tuple[dict, list[str]]:
    """Given a manifest row, return its valid values by metadata field, and a warning per
    invalid value (which is then ignored)."""
    values: dict = {}
    warnings: list[str] = []
    for column, (target, check) in RESOLVERS.items():
        if column in (row or {}):
            try:
                values[target] = check(row[column])
            except ManifestError as error:
                warnings.append(f"{error}; the value is ignored")
    return values, warnings
