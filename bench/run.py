"""`make bench`: throughput, scaling, incremental cost and memory, side by side.

Builds a corpus of distinct reports (at least `--pages` pages, or `--reports`
files) from the family mix (`bench.corpus.family_samples`: LibreOffice
renderings of the reference corpus, real reports, the independent reports and
generated ones) and the PDFs of any `--extra-dir`, then runs each stage in its
own process on the same pages: pypdfium2 text (the floor), naive pdfplumber
`extract_tables` and camelot's stream mode on every page, kommunlager's
extraction with 1 worker and with one per processor (at least 2), and the
whole build (full with 1 worker and in parallel, where the time of the full
build goes, nothing changed, one report changed, and where the time of one
changed report goes). Writes `bench/results/bench.md`, `bench.json` and
`bench.png`, and where extraction's time goes on dense real pages
(`bench.profile`: `profile.md`), and adds to bench.md the peak memory of a
build over the hostile set (`bench.memory`, `hostile.json`; `--no-hostile`
skips it, `--hostile-small` writes its large files at a 64th of their size);
then compares table readers on generated pages (`bench.table_readers`:
`table_readers.md`). With `--scale`, builds at 100,
500 and 2 000 reports instead (`--sizes`) and writes `scale.md`,
`scale.json`, `scale.png`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

from bench import memory
from bench.corpus import (
    build_corpus,
    copies_for_pages,
    family_counts,
    family_samples,
    sample_pdfs,
    touch_one,
)
from bench.profile import run as profile_extraction
from bench.report import write_report
from bench.scale import measure_size, write_scale_report
from bench.table_readers import run as compare_table_readers
from extract.worker_pool import usable_cores

SCALE_SIZES = (100, 500, 2000)

REPO = Path(__file__).resolve().parents[1]


def run_stage(stage: str, corpus: Path, work: Path, workers: int = 1) -> dict:
    """Given a stage, run it in a fresh process and return its measurements."""
    command = [sys.executable, "-m", "bench.stages", stage, str(corpus), str(work)]
    command += ["--workers", str(workers)]
    finished = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if finished.returncode != 0:
        raise SystemExit(f"stage {stage} failed:\n{finished.stderr[-4000:]}")
    result = json.loads(finished.stdout.strip().splitlines()[-1])
    print(
        f"  {stage:<8} workers={workers}: {result['seconds']:8.2f} s, "
        f"{result['pages']} pages, peak {result['peak_rss_mb']} MB",
        flush=True,
    )
    return result


def fresh(folder: Path) -> Path:
    """Given a work folder, empty it, so a build there reads every report."""
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def measure(corpus: Path, work: Path, naive_corpus: Path, workers: int) -> dict[str, dict]:
    """Given a corpus and the parallel worker count, run every stage once; return them by name."""
    results = {
        "floor": run_stage("floor", corpus, work),
        "naive": run_stage("naive", naive_corpus, work),
        "camelot": run_stage("camelot", naive_corpus, work),
        "extract_1": run_stage("extract", corpus, work / "extract", workers=1),
        "extract_parallel": run_stage("extract", corpus, work / "extract", workers=workers),
        "build_full_1": run_stage("build", corpus, fresh(work / "build_1"), workers=1),
        "build_full": run_stage("build", corpus, fresh(work / "build"), workers=workers),
        "build_full_breakdown": run_stage(
            "breakdown", corpus, fresh(work / "breakdown"), workers=workers
        ),
        "build_unchanged": run_stage("build", corpus, work / "build", workers=workers),
    }
    touch_one(sorted(corpus.glob("*.pdf"))[0])
    results["build_one_changed"] = run_stage("build", corpus, work / "build", workers=workers)
    touch_one(sorted(corpus.glob("*.pdf"))[-1])
    results["build_one_changed_breakdown"] = run_stage("breakdown", corpus, work / "build")
    return results


def scale(raw_dir: Path, sizes: list[int], work: Path, results_dir: Path) -> str:
    """Given sizes, measure the whole build at each; write and return the scale report."""
    rows = []
    for size in sizes:
        print(f"scale: {size} reports", flush=True)
        rows.append(measure_size(sample_pdfs(raw_dir), size, work / f"scale_{size}", run_stage))
        write_scale_report(rows, results_dir)  # kept after each size: a long run can be cut
    return write_scale_report(rows, results_dir)


def main(argv: list[str] | None = None) -> int:
    """Given command-line arguments, run the benchmark and write its report."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument(
        "--reports", type=int, default=None, help="corpus size (default: what --pages needs)"
    )
    parser.add_argument(
        "--pages", type=int, default=2500, help="corpus size in pages, at least (default 2500)"
    )
    parser.add_argument(
        "--generated",
        type=int,
        default=24,
        help="documents of the project's generator in the family mix (default 24)",
    )
    parser.add_argument(
        "--naive-reports",
        type=int,
        default=None,
        help="measure naive pdfplumber on the first K reports only (pages/s is per page)",
    )
    parser.add_argument(
        "--table-documents",
        type=int,
        default=None,
        help="generated documents for the table "
        "readers' comparison (bench/table_readers.py; default 3 per report up to 60)",
    )
    parser.add_argument(
        "--raw-dir", type=Path, default=REPO / "data" / "raw", help="samples of --scale"
    )
    parser.add_argument(
        "--extra-dir",
        type=Path,
        action="append",
        default=[],
        help="another folder whose PDFs join the samples in the corpus (repeatable)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=max(2, usable_cores()),
        help="workers of the parallel stages (default: one per processor, at least 2)",
    )
    parser.add_argument("--work-dir", type=Path, default=REPO / "bench" / "work")
    parser.add_argument("--results-dir", type=Path, default=REPO / "bench" / "results")
    parser.add_argument(
        "--no-hostile", action="store_true", help="skip the hostile set's peak memory"
    )
    parser.add_argument(
        "--hostile-small", action="store_true", help="the hostile set at a 64th of its size"
    )
    parser.add_argument("--scale", action="store_true", help="build at --sizes reports instead")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SCALE_SIZES))
    args = parser.parse_args(argv)
    if args.scale:
        print(scale(args.raw_dir, args.sizes, args.work_dir, args.results_dir))
        return 0
    corpus = args.work_dir / "corpus"
    families = family_samples(args.work_dir / "family_generated", args.generated)
    families.update({folder.name: sample_pdfs(folder) for folder in args.extra_dir})
    samples = [path for paths in families.values() for path in paths]
    reports = args.reports or copies_for_pages(samples, args.pages)
    print(f"building a corpus of {reports} reports in {corpus}", flush=True)
    paths = build_corpus(samples, reports, corpus)
    naive_corpus = corpus
    if args.naive_reports and args.naive_reports < len(paths):
        naive_corpus = args.work_dir / "naive_corpus"
        build_corpus(samples, args.naive_reports, naive_corpus)
    results = measure(corpus, args.work_dir, naive_corpus, args.workers)
    report = write_report(results, reports, args.results_dir, family_counts(families, reports))
    print(report)
    print(profile_extraction(args.results_dir))
    if not args.no_hostile:
        print(memory.write_peak_line(args.results_dir, args.hostile_small))
    documents = args.table_documents or min(60, 3 * reports)
    print(compare_table_readers(args.work_dir / "table_readers", args.results_dir, documents))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
