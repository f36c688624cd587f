"""One benchmark stage per process, so each one's time and peak memory are its own.

`python -m bench.stages STAGE CORPUS_DIR WORK_DIR [--workers N]` prints one JSON
line: {"stage", "seconds", "pages", "peak_rss_mb"}. `extract` and `build` read
`--workers N` reports at once as the CLI does (`apply_plan`, `kommunlager build
--workers N`); `camelot` and `naive` read every page's tables with camelot's
stream mode and pdfplumber's default `extract_tables`.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from bench.breakdown import measure_breakdown
from bench.corpus import count_pages
from bench.table_readers import camelot_rows
from orchestration.incremental import apply_plan, plan_build

PROGRESS_LINE = re.compile(r"^\[\d+/\d+\] ")  # the CLI's line per report read (stderr)


def pdfium_text(paths: list[Path]) -> None:
    """Given PDFs, extract the raw text of every page with pypdfium2 (the floor)."""
    for path in paths:
        document = pdfium.PdfDocument(path)
        for page in document:
            page.get_textpage().get_text_range()
        document.close()


def naive_tables(paths: list[Path]) -> None:
    """Given PDFs, run pdfplumber's default `extract_tables` on every page."""
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.close()


def camelot_stream(paths: list[Path]) -> None:
    """Given PDFs, run camelot's stream mode on every page."""
    for path in paths:
        camelot_rows(path)


def extraction(corpus_dir: Path, workers: int, work_dir: Path) -> None:
    """Given a folder of reports, extract all of them as a build does, `workers` at once."""
    out_dir = work_dir / f"extracted_{workers}"
    shutil.rmtree(out_dir, ignore_errors=True)  # every report new: nothing skipped
    plan = plan_build(corpus_dir, out_dir)
    apply_plan(corpus_dir, out_dir, plan, lambda *_: None, workers)


def build(corpus_dir: Path, warehouse: Path, workers: int) -> dict:
    """Given a folder of reports, run the whole build (extract, dbt, checks) as a user would;
    return the seconds until its first report was read and after its last (none read: {}).

    What a build pays before its first report and after its last is its fixed cost,
    read off the CLI's own progress lines.
    """
    command = [sys.executable, "-m", "orchestration.cli", "build", "--workers", str(workers)]
    command += ["--raw-dir", str(corpus_dir), "--warehouse", str(warehouse)]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    read_at = [
        time.perf_counter() - started for line in process.stderr if PROGRESS_LINE.match(line)
    ]
    if process.wait() != 0:
        raise subprocess.CalledProcessError(process.returncode, command)
    if not read_at:
        return {}
    after_last = time.perf_counter() - started - read_at[-1]
    return {"first_report_s": round(read_at[0], 2), "after_last_report_s": round(after_last, 2)}


def peak_rss_mb() -> float:
    """Return the peak resident memory of this process and its children, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def run_stage(stage: str, corpus_dir: Path, work_dir: Path, workers: int) -> dict:
    """Given a stage name, run it once over the corpus and return its measurements."""
    paths = sorted(corpus_dir.glob("*.pdf"))
    started = time.perf_counter()
    extra = {}
    if stage == "floor":
        pdfium_text(paths)
    elif stage == "naive":
        naive_tables(paths)
    elif stage == "camelot":
        camelot_stream(paths)
    elif stage == "extract":
        extraction(corpus_dir, workers, work_dir)
    elif stage == "build":
        extra = build(corpus_dir, work_dir / "warehouse.duckdb", workers)
    elif stage == "breakdown":
        extra["breakdown"] = measure_breakdown(corpus_dir, work_dir / "warehouse.duckdb", workers)
    else:
        raise ValueError(f"unknown stage {stage}")
    seconds = time.perf_counter() - started
    return {
        **extra,
        "stage": stage,
        "workers": workers,
        "seconds": round(seconds, 3),
        "pages": count_pages(paths),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Given command-line arguments, run one stage and print its measurements as JSON."""
    parser = argparse.ArgumentParser(prog="python -m bench.stages")
    stages = ["floor", "naive", "camelot", "extract", "build", "breakdown"]
    parser.add_argument("stage", choices=stages)
    parser.add_argument("corpus_dir", type=Path)
    parser.add_argument("work_dir", type=Path)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    args.work_dir.mkdir(parents=True, exist_ok=True)
    print(json.dumps(run_stage(args.stage, args.corpus_dir, args.work_dir, args.workers)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
