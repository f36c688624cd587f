"""The CLI's in-process Dagster run of `build_warehouse`, and what its events say."""

import sys

import dagster as dg

from extract.pipeline import ReportOutcome
from orchestration.dagster_home import open_instance, sync_partitions
from orchestration.defs.assets import ExtractProgress
from orchestration.defs.jobs import build_warehouse, extract_reports
from orchestration.defs.report_fate import unreadable_reports
from orchestration.defs.resources import KommunlagerPaths

PUBLISHED_KEY = dg.AssetKey("published_warehouse")  # orchestration.defs.publish: loads dbt
RUN_TAGS = {"kommunlager/launched_by": "cli"}  # tells a CLI build from a sensor run in the UI
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
SILENT_LOGS = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}  # failing by design


class PrintedProgress(ExtractProgress):
    """Prints one line per extracted report as it finishes (on stderr: stdout holds the
    summary); with several workers `[i/N]` counts finished reports, not the file order."""

    def report(self, index: int, total: int, outcome: ReportOutcome) -> None:
        """Given one finished report, print its progress line."""
        found = f"{outcome.n_tables} tables, {outcome.n_cells} cells"
        status = "" if outcome.status == "ok" else f" [{outcome.status}: {outcome.error or ''}]"
        line = f"[{index}/{total}] {outcome.file_name}: {found} ({outcome.seconds:.1f} s){status}"
        print(line, file=sys.stderr, flush=True)


def run_build(
    paths: KommunlagerPaths, names: list[str], force: bool, workers: int = 0
) -> dg.ExecuteInProcessResult:
    """Given paths and report file names, run build_warehouse over all of them in-process,
    reading `workers` reports at once (0: one per core, as memory allows).

    The run, its materializations and check results land in the instance of
    $DAGSTER_HOME when it is set (`make run` sets it: `make ui` then shows the
    build), else in a throwaway in-memory instance.
    """
    # Imported here: loading the dbt assets parses the dbt project, which --help must not wait for.
    from orchestration.defs.assemble import definitions

    extract_config = {"force": force, "workers": workers}
    with open_instance() as instance:
        keys = sync_partitions(instance, names, paths.extracted())
        built = definitions(paths, PrintedProgress())
        result = built.resolve_job_def(build_warehouse.name).execute_in_process(
            instance=instance,
            run_config={**QUIET_LOGS, "ops": {"extracted_report": {"config": extract_config}}},
            raise_on_error=False,
            tags={
                **RUN_TAGS,
                "dagster/asset_partition_range_start": keys[0],
                "dagster/asset_partition_range_end": keys[-1],
            },
        )
        if result.success and not instance.is_ephemeral:  # an in-memory instance shows nothing
            mark_unreadable(instance, built, unreadable_reports(paths.extracted(), keys, []))
        return result


def mark_unreadable(
    instance: dg.DagsterInstance, built: dg.Definitions, unreadable: dict[str, str]
) -> None:
    """Given the build's unreadable reports, run each one's extraction alone, failing.

    The build materialized every partition of its range, an unreadable file's too
    (as `failed`: one run over many partitions cannot fail one of them), so the UI
    would show it green. A run that plans that partition and fails, with the
    reader's reason, is what Dagster shows as a failed (red) partition; the file is
    not read again (unchanged), and the next build's materialization replaces it.
    """
    job = built.resolve_job_def(extract_reports.name)
    config = {"workers": 1, "fail_unreadable": True}
    for name in unreadable:
        job.execute_in_process(
            instance=instance,
            partition_key=name,
            run_config={**SILENT_LOGS, "ops": {"extracted_report": {"config": config}}},
            raise_on_error=False,
            tags=RUN_TAGS,
        )


def published(result: dg.ExecuteInProcessResult) -> bool:
    """Given a finished run, return whether it swapped the new warehouse in."""
    events = result.get_asset_materialization_events()
    return result.success and any(e.asset_key == PUBLISHED_KEY for e in events)


def failure_text(result: dg.ExecuteInProcessResult) -> str:
    """Given a failed run, return the error of each failed step."""
    failures = [e for e in result.all_events if e.is_step_failure]
    lines = [f"{e.step_key}: {root_cause(e.step_failure_data.error)}" for e in failures]
    lines += [f"failed check {line}" for line in failed_checks(result) if "(ERROR)" in line]
    skipped = [e.step_key for e in result.all_events if e.event_type_value == "STEP_SKIPPED"]
    lines += [f"{step}: skipped (an upstream step produced no result)" for step in skipped]
    return "\n".join(lines) or "the run ended without publishing (no step failed)"


def root_cause(error) -> str:
    """Given a step's serialized error, return the message of the exception that caused it.

    Dagster wraps a step's exception in its own ("Error occurred while ..."); the
    cause, such as `OSError: [Errno 28] No space left on device`, is at the chain's end.
    """
    while error.cause is not None:
        error = error.cause
    return error.message.strip()


def failed_checks(result: dg.ExecuteInProcessResult) -> list[str]:
    """Given a finished run, return each failed check as 'asset: check (severity)', with why.

    A check evaluated per report partition adds its description: file name and reason.
    """
    evaluations = [
        e.event_specific_data
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION"
    ]
    return sorted(
        f"{e.asset_key.to_user_string()}: {e.check_name} ({e.severity.value})"
        + (f" {e.description}" if e.partition else "")
        for e in evaluations
        if not e.passed
    )
