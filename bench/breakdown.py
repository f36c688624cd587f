"""Where the time of one build goes: start-up, then each step of the run.

Start-up is what a build pays before its first report: a fresh interpreter
importing the CLI (timed in a process of its own), loading the code location
(the dbt project's manifest included) and the run's own overhead (instance,
partitions, everything between steps). Runs the CLI's own in-process run
(`orchestration.run.run_build`) and reads each step's duration from its
STEP_SUCCESS event, and dbt's own run time from `run_results.json`: what is
left of the dbt step is dbt's start-up and parse. `partial_parse` says
whether dbt re-parsed only what changed (read from dbt's own log in the
warehouse's dbt target folder).
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import time
from pathlib import Path

UNABLE_TO_PARTIAL_PARSE = "I024"  # dbt's event code: "Unable to do partial parsing because ..."
STEP_GROUPS = {  # step key -> row of the breakdown; every other step is a contract check
    "extracted_report": "extract",
    "warehouse_models": "dbt",
    "quality_reconciliation": "ge_reconciliation",
    "published_warehouse": "publish",
}


def step_seconds(result) -> dict[str, float]:
    """Given a finished in-process run, return the seconds of each group of steps."""
    seconds: dict[str, float] = {}
    for event in result.all_events:
        if event.is_step_success:
            group = STEP_GROUPS.get(event.step_key, "ge_contract_checks")
            duration = event.event_specific_data.duration_ms / 1000
            seconds[group] = seconds.get(group, 0.0) + duration
    return seconds


def used_partial_parse(dbt_log: Path) -> bool:
    """Given dbt's JSON log, return whether its last invocation did without a full parse."""
    events = [json.loads(line) for line in dbt_log.read_text(encoding="utf-8").splitlines()]
    last = events[-1]["info"]["invocation_id"]
    codes = {e["info"]["code"] for e in events if e["info"]["invocation_id"] == last}
    return UNABLE_TO_PARTIAL_PARSE not in codes


def cli_import_seconds() -> float:
    """Return how long a fresh interpreter takes to start and import the CLI."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import orchestration.cli"], check=True)
    return time.perf_counter() - started


def measure_breakdown(corpus_dir: Path, warehouse: Path, workers: int = 1) -> dict[str, float]:
    """Given a report folder and its warehouse, build it once reading `workers` reports at
    once; return where the time went."""
    cli_import = cli_import_seconds()
    started = time.perf_counter()
    from orchestration.defs.assemble import definitions  # noqa: F401 - the code location

    loaded = time.perf_counter()
    from extract.pipeline import discover_reports
    from orchestration.dbt_parse import dbt_target, parse_ahead
    from orchestration.defs.resources import KommunlagerPaths
    from orchestration.run import published, run_build

    paths = KommunlagerPaths.for_warehouse(corpus_dir, warehouse)
    names = [path.name for path in discover_reports(paths.raw())]
    with contextlib.redirect_stdout(io.StringIO()), parse_ahead(paths):  # as the CLI builds
        result = run_build(paths, names, force=False, workers=workers)
    if not published(result):
        raise RuntimeError("the measured build did not publish")
    finished = time.perf_counter()
    steps = step_seconds(result)
    dbt_run = json.loads((dbt_target(paths) / "run_results.json").read_text())["elapsed_time"]
    return {
        "cli_import": round(cli_import, 2),
        "code_location_import": round(loaded - started, 2),
        "run_overhead": round(finished - loaded - sum(steps.values()), 2),
        **{name: round(value, 2) for name, value in sorted(steps.items())},
        "dbt_run": round(dbt_run, 2),
        "dbt_parse_and_start": round(steps["dbt"] - dbt_run, 2),
        "total": round(finished - started, 2),
        "beyond_extraction": round(finished - started - steps.get("extract", 0.0), 2),
        "partial_parse": used_partial_parse(dbt_target(paths) / "dbt.log"),
    }
