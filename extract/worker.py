"""One extraction worker: `python -m extract.worker PARENT_PID` reads reports sent to it.

A fresh interpreter, not a fork of the build: polars' thread pool does not
survive a fork of a process that has used it (the forked child's first
Parquet write waits forever), and the build has written Parquet by then.
The worker imports only `extract`. It dies with the build that started it
(`PR_SET_PDEATHSIG`) and reads each report as a serial build does, in a
limited child of its own (`extract.limits`), so each worker's reading stays
within the report's memory budget.

Protocol, one JSON object per line: the worker says `{"ready": true}` once
its imports are done; the build sends a job
`{"raw_dir", "extracted_dir", "names", "manifest"}` on stdin; the worker
answers each name in order with `{"outcome": {...}}`, or `{"error": "..."}`
when writing failed (a full disk: the build's failure, not the report's).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict
from pathlib import Path

from extract.inventory import StoredReport, extractor_version, record_report, report_fingerprint
from extract.limits import die_with_parent
from extract.pipeline import ReportOutcome, extract_report


def extract_and_record(
    raw_dir: Path, extracted_dir: Path, name: str, manifest_row: dict | None
) -> ReportOutcome:
    """Given one report file, extract it and record its sidecar; return its outcome.

    The caller has forgotten the file's previous extraction and holds the
    extracted folder's lock (`orchestration.folder_lock`).
    """
    outcome = extract_report(Path(raw_dir) / name, extracted_dir, manifest_row)
    fingerprint = report_fingerprint(outcome.sha256, manifest_row)  # of the bytes read
    stored = StoredReport(name, outcome.report_key, fingerprint, extractor_version())
    record_report(extracted_dir, stored)
    return outcome


def outcome_from_json(values: dict) -> ReportOutcome:
    """Given a ReportOutcome sent as JSON, return it (warnings back to a tuple)."""
    return ReportOutcome(**{**values, "warnings": tuple(values["warnings"])})


def serve(jobs, answers) -> None:
    """Given a stream of job lines and one for answers, extract each job's files in order."""
    for line in jobs:
        job = json.loads(line)
        raw_dir, extracted_dir = Path(job["raw_dir"]), Path(job["extracted_dir"])
        for name in job["names"]:
            try:
                row = job["manifest"].get(name)
                outcome = extract_and_record(raw_dir, extracted_dir, name, row)
                answer = {"outcome": asdict(outcome)}
            except Exception as error:  # only writing raises (see extract_report): say why
                answer = {"error": f"{type(error).__name__}: {error}"}
            answers.write(json.dumps(answer) + "\n")
            answers.flush()


def main(argv: list[str]) -> int:
    """Given the build's process id, serve jobs until the build closes stdin."""
    die_with_parent()
    if os.getppid() != int(argv[0]):  # the build died before the line above took effect
        return 1
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # a library's print cannot break a line
    answers.write(json.dumps({"ready": True}) + "\n")  # imported: jobs sent now start at once
    answers.flush()
    serve(sys.stdin, answers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
