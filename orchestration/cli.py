"""The `kommunlager` command line: build a warehouse from a folder of reports."""

import argparse
import contextlib
import os
import sys
from pathlib import Path

import duckdb

from extract.manifest import ManifestError, manifest_findings
from extract.pipeline import SETTINGS_ENV, discover_reports
from extract.worker_pool import WORKERS_ENV
from orchestration.dbt_parse import parse_ahead
from orchestration.defs.resources import KommunlagerPaths
from orchestration.incremental import is_current, plan_build
from orchestration.lock import LockHeld, warehouse_lock
from orchestration.run import failed_checks, failure_text, published, run_build
from orchestration.summary import summary_lines

DEFAULT_RAW_DIR = Path("data/raw")
DEFAULT_WAREHOUSE = Path("data/warehouse.duckdb")
BUILD_LOG = "build.log"  # dbt's own output, written beside the warehouse
RUNNING_SUFFIX = ".running"  # the log of a build in progress; a killed build leaves it
LIMIT_FLAGS = {  # flag -> (ExtractSettings field, help)
    "--max-memory-mb": ("max_memory_bytes", "memory one report's reading may use (default 1024)"),
    "--max-text-mb": ("max_text_bytes", "text export size / DOCX XML uncompressed (default 16)"),
    "--max-file-mb": ("max_file_bytes", "size of one report file (default 500)"),
    "--max-seconds": ("max_seconds", "time to read one report (default 300)"),
    "--max-pages": ("max_pages", "pages read of one PDF (default 2000)"),
}

DESCRIPTION = """Turn Swedish municipal committee reports (PDF, DOCX, text) into a DuckDB warehouse.

Commands:
  build   extract new or changed reports, build the dbt models, check them, publish
"""

BUILD_DESCRIPTION = """Build the DuckDB warehouse FILE from the report files in RAW_DIR: extract,
run dbt, reconcile and check, as the Dagster job `build_warehouse` run in-process.

Incremental: only new or changed files are read (a file is known by its content, its
manifest row and the extractor version); files gone from RAW_DIR leave the warehouse.
When nothing changed and FILE exists, dbt and the checks are skipped (said in the summary).

Never breaks a reader: the build is written beside FILE (FILE.building); only when it and
its blocking (ERROR) contract checks succeed is it kept as a file of its own and FILE, a
symbolic link, atomically pointed at it. Analysts should connect read-only. One build per
folder at a time: the folder is locked, FILE.lock names the holder.

Parallel: --workers N reports are read at once, each in a worker process of its own
(also from the environment, KOMMUNLAGER_WORKERS; default 0: one per processor, no more than
the available memory holds at --max-memory-mb each). Progress lines come as reports
finish; the warehouse is the same as a build with --workers 1 makes.

Limits per report (also from the environment, KOMMUNLAGER_MAX_MEMORY_MB, ..._TEXT_MB,
..._FILE_MB, ..._SECONDS, ..._PAGES): a report over one is a failed report, not a failed
build. Each report is read in a child process whose memory is limited.

Writes, beside FILE: extracted/ (Parquet per report and relation), quality/ (the quality
report, open quality/index.html) and build.log (dbt's output). Progress
lines go to stderr, the summary to stdout. An optional RAW_DIR/manifest.csv states
metadata the documents may not (file, municipality, ...).

Exit status:
  0  built and published, or nothing changed. Reports that failed to read, printed
     totals that do not reconcile and a report's rows that would break the warehouse
     contract (withheld, the report partial or failed) are data findings: listed in the
     summary and kept in the warehouse (dim_report.status/error,
     quality_reconciliation.passed, quality_quarantine)
  1  the build failed (a dbt model error, a failed ERROR contract check on the
     published tables, an unwritable file): nothing published, the previous warehouse
     is untouched
  2  bad usage: RAW_DIR is not a folder or holds no report files, or its manifest.csv
     cannot be used (the message names the row and the column)
  3  another build holds the warehouse lock (use --wait to wait for it)
"""


def build(
    raw_dir: Path, warehouse: Path, wait: bool = False, force: bool = False, workers: int = 0
) -> int:
    """Given a report folder and a warehouse file, build it and return the exit status.

    `workers` reports are read at once (0: one per processor, as memory allows).
    """
    paths = KommunlagerPaths.for_warehouse(raw_dir, warehouse)
    if not paths.raw().is_dir():
        print(f"error: {raw_dir} is not a folder", file=sys.stderr)
        return 2
    names = [path.name for path in discover_reports(paths.raw())]
    if not names:
        print(f"error: no report files in {raw_dir}", file=sys.stderr)
        return 2
    try:
        findings = manifest_findings(paths.raw(), names)
    except ManifestError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print("".join(f"warning: {line}\n" for line in findings), end="", file=sys.stderr)
    try:
        with warehouse_lock(paths.warehouse(), wait=wait):
            return build_locked(paths, names, force, workers)
    except LockHeld as error:
        print(f"error: {error}", file=sys.stderr)
        return 3


def build_locked(paths: KommunlagerPaths, names: list[str], force: bool, workers: int) -> int:
    """Given the held lock, build (or skip when nothing changed) and return the exit status."""
    plan = plan_build(paths.raw(), paths.extracted(), force=force)
    if is_current(plan, paths.extracted(), paths.warehouse()):
        print(plan.counts_line())
        print("Nothing changed since the last build: extraction, dbt and checks skipped.")
        print_summary(paths, None)
        return 0
    log_path = paths.warehouse().parent / BUILD_LOG
    running = log_path.with_name(BUILD_LOG + RUNNING_SUFFIX)
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(running, "w") as log, contextlib.redirect_stdout(log), parse_ahead(paths):
            result = run_build(paths, names, force, workers)
        os.replace(running, log_path)  # the last finished build's log; a kill keeps the old
    except OSError as error:
        print(f"error: the build failed, nothing was published: {error}", file=sys.stderr)
        return 1
    if not published(result):
        print(
            "error: the build failed; nothing was published and the previous warehouse is"
            f" untouched (dbt log: {log_path}):",
            file=sys.stderr,
        )
        print(failure_text(result), file=sys.stderr)
        return 1
    print(plan.counts_line())
    print_summary(paths, failed_checks(result))
    return 0


def print_summary(paths: KommunlagerPaths, failed: list[str] | None) -> None:
    """Given a published warehouse and its run's failed checks (None: no run), print it."""
    try:
        print("\n".join(summary_lines(paths.warehouse(), paths.extracted())))
    except duckdb.Error as error:  # e.g. an analyst's read-write connection holds the file
        print(f"Summary unavailable: the warehouse cannot be opened read-only now ({error})")
    if failed is None:
        print("Asset checks: not run (nothing changed); the warehouse is as last published")
        failed = []
    else:
        print(f"Failed asset checks: {len(failed)}")
    print("".join(f"  {line}\n" for line in failed), end="")
    print(f"Warehouse: {paths.warehouse()}\nQuality report: {paths.quality() / 'index.html'}")


def parser() -> argparse.ArgumentParser:
    """Given nothing, return the argument parser of `kommunlager`."""
    main_parser = argparse.ArgumentParser(
        prog="kommunlager", description=DESCRIPTION, formatter_class=argparse.RawTextHelpFormatter
    )
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    build_parser = commands.add_parser(
        "build",
        help="build the warehouse from a folder of reports",
        description=BUILD_DESCRIPTION,
        formatter_class=argparse.RawTextHelpFormatter,
    )
    build_parser.add_argument(
        "--raw-dir",
        type=Path,
        default=DEFAULT_RAW_DIR,
        metavar="RAW_DIR",
        help=f"folder of report files (.pdf, .docx, .txt, .md) (default: {DEFAULT_RAW_DIR})",
    )
    build_parser.add_argument(
        "--warehouse",
        type=Path,
        default=DEFAULT_WAREHOUSE,
        metavar="FILE",
        help=f"DuckDB warehouse file to create or update (default: {DEFAULT_WAREHOUSE})",
    )
    build_parser.add_argument(
        "--wait", action="store_true", help="wait for another build's lock instead of exiting 3"
    )
    build_parser.add_argument(
        "--force", action="store_true", help="re-read every report, even unchanged ones"
    )
    build_parser.add_argument(
        "--workers",
        type=worker_number,
        metavar="N",
        help=f"reports read at once (default: ${WORKERS_ENV}, else 0: one per processor)",
    )
    for flag, (setting, text) in LIMIT_FLAGS.items():
        build_parser.add_argument(flag, type=float, metavar="N", dest=setting, help=text)
    return main_parser


def worker_number(text: str) -> int:
    """Given --workers' value, return it as a count of workers (0: one per processor)."""
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"not a number of workers (0 or more): {text!r}")
    return number


def requested_workers(args: argparse.Namespace) -> int:
    """Given parsed arguments, return the workers asked for: the flag, else the environment."""
    if args.workers is not None:
        return args.workers
    try:
        return worker_number(os.environ.get(WORKERS_ENV, "").strip() or "0")
    except argparse.ArgumentTypeError as error:
        parser().error(f"{WORKERS_ENV}: {error}")


def set_limits(args: argparse.Namespace) -> None:
    """Given parsed arguments, pass each limit given to the extraction by its variable."""
    for setting, (variable, _) in SETTINGS_ENV.items():
        if getattr(args, setting, None) is not None:
            os.environ[variable] = f"{getattr(args, setting):g}"


def main(argv: list[str] | None = None) -> int:
    """Given command-line arguments, run the command and return its exit status."""
    args = parser().parse_args(argv)
    set_limits(args)
    workers = requested_workers(args)
    return build(args.raw_dir, args.warehouse, wait=args.wait, force=args.force, workers=workers)


if __name__ == "__main__":
    sys.exit(main())
