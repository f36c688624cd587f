"""The `kommunlager` command line: build a warehouse from a folder of reports."""

import argparse
import contextlib
import sys
from pathlib import Path

import dagster as dg

from extract.pipeline import ReportOutcome, discover_reports
from orchestration.defs.assets import ExtractProgress, prune_reports
from orchestration.defs.assets import reports_partitions as partitions
from orchestration.defs.jobs import build_warehouse
from orchestration.defs.resources import KommunlagerPaths

DEFAULT_RAW_DIR = Path("data/raw")
DEFAULT_WAREHOUSE = Path("data/warehouse.duckdb")
BUILD_LOG = "build.log"  # dbt's own output, written beside the warehouse
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}

DESCRIPTION = """Turn Swedish municipal committee reports (PDF, DOCX, text) into a DuckDB warehouse.

Commands:
  build   extract every report in a folder, build the dbt models, reconcile and check them
"""

BUILD_DESCRIPTION = """Extract every report file in RAW_DIR, build the dbt warehouse, and run
the reconciliation and contract checks, as the Dagster job `build_warehouse` run in-process.

Writes, beside the warehouse file: extracted/ (Parquet per report and relation),
quality/ (Great Expectations Data Docs, open quality/index.html) and build.log (dbt's
output). Progress lines go to stderr, the summary to stdout. An optional
RAW_DIR/manifest.csv states metadata the documents may not (file, municipality, ...).

Exit status: 0 when the build completed, even if some reports failed to read or some
printed totals do not reconcile (both are listed in the summary and kept in the
warehouse: dim_report.status/error, quality_reconciliation.passed); 1 when the build
itself failed (a dbt model error, an unwritable warehouse); 2 when RAW_DIR holds no reports.
"""


class PrintedProgress(ExtractProgress):
    """Prints one line per extracted report (on stderr: stdout holds the summary)."""

    def report(self, index: int, total: int, outcome: ReportOutcome) -> None:
        """Given one finished report, print its progress line."""
        found = f"{outcome.n_tables} tables, {outcome.n_cells} cells"
        status = "" if outcome.status == "ok" else f" [{outcome.status}: {outcome.error or ''}]"
        line = f"[{index}/{total}] {outcome.file_name}: {found} ({outcome.seconds:.1f} s){status}"
        print(line, file=sys.stderr, flush=True)


def build(raw_dir: Path, warehouse: Path) -> int:
    """Given a report folder and a warehouse file, build it and return the exit status."""
    paths = KommunlagerPaths.for_warehouse(raw_dir, warehouse)
    if not paths.raw().is_dir():
        print(f"error: {raw_dir} is not a folder", file=sys.stderr)
        return 2
    names = [path.name for path in discover_reports(paths.raw())]
    if not names:
        print(f"error: no report files in {raw_dir}", file=sys.stderr)
        return 2
    removed = prune_reports(paths.extracted(), set(names))
    if removed:
        print(f"Removed from the warehouse (file no longer in folder): {', '.join(removed)}")
    log_path = paths.warehouse().parent / BUILD_LOG
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w") as log, contextlib.redirect_stdout(log):
        result = run_build(paths, names)
    if not result.success:
        print(f"error: the build failed (dbt log: {log_path}):", file=sys.stderr)
        print(failure_text(result), file=sys.stderr)
        return 1
    from orchestration.summary import summary_lines  # imports GE: kept off the --help path

    print("\n".join(summary_lines(paths.warehouse(), paths.extracted())))
    failed = failed_checks(result)
    print(f"Failed asset checks: {len(failed)}")
    print("".join(f"  {line}\n" for line in failed), end="")
    print(f"Warehouse: {paths.warehouse()}\nData Docs: {paths.quality() / 'index.html'}")
    return 0


def run_build(paths: KommunlagerPaths, names: list[str]) -> dg.ExecuteInProcessResult:
    """Given paths and report file names, run build_warehouse over all of them in-process."""
    # Imported here: loading the dbt assets parses the dbt project, which --help must not wait for.
    from orchestration.defs.assemble import definitions

    instance = dg.DagsterInstance.ephemeral()
    instance.add_dynamic_partitions(partitions.name, names)
    job = definitions(paths, PrintedProgress()).resolve_job_def(build_warehouse.name)
    return job.execute_in_process(
        instance=instance,
        run_config=QUIET_LOGS,
        raise_on_error=False,
        tags={
            "dagster/asset_partition_range_start": names[0],
            "dagster/asset_partition_range_end": names[-1],
        },
    )


def failure_text(result: dg.ExecuteInProcessResult) -> str:
    """Given a failed run, return the error of each failed step."""
    failures = [e for e in result.all_events if e.is_step_failure]
    return (
        "\n".join(f"{e.step_key}: {e.step_failure_data.error.message.strip()}" for e in failures)
        or "unknown error (no step failed)"
    )


def failed_checks(result: dg.ExecuteInProcessResult) -> list[str]:
    """Given a finished run, return each failed asset check as 'asset: check (severity)'."""
    evaluations = [
        e.event_specific_data
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
    ]
    return sorted(
        f"{e.asset_key.to_user_string()}: {e.check_name} ({e.severity.value})"
        for e in evaluations
        if not e.passed
    )


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
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Given command-line arguments, run the command and return its exit status."""
    args = parser().parse_args(argv)
    return build(args.raw_dir, args.warehouse)


if __name__ == "__main__":
    sys.exit(main())
