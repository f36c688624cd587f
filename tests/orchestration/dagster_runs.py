"""Helpers for tests that launch real Dagster runs in other processes on one instance."""

import os
import sys
import time
from pathlib import Path

import dagster as dg

from orchestration.defs.resources import (
    EXTRACTED_DIR_ENV,
    QUALITY_DIR_ENV,
    RAW_DIR_ENV,
    WAREHOUSE_ENV,
    KommunlagerPaths,
)

HANG_LIMIT_SECONDS = 600  # only against a hang; nothing is timed


def run_env(paths: KommunlagerPaths, dagster_home) -> dict:
    """Given paths and a Dagster home, return the environment another run process needs."""
    env = {**os.environ, "DAGSTER_HOME": str(dagster_home)}
    # the venv's programs (dagster-celery starts `celery` by name), without an activated venv
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    for variable, path in (
        (RAW_DIR_ENV, paths.raw()),
        (EXTRACTED_DIR_ENV, paths.extracted()),
        (WAREHOUSE_ENV, paths.warehouse()),
        (QUALITY_DIR_ENV, paths.quality()),
    ):
        env[variable[0]] = str(path)
    return env


def step_events(instance: dg.DagsterInstance, event: dg.DagsterEventType) -> dict[str, object]:
    """Given an event type, return run id -> the first such step event's log entry, per run."""
    entries = {}
    for run in instance.get_runs():
        records = instance.get_records_for_run(run.run_id, of_type=event).records
        if records:
            entries[run.run_id] = records[0].event_log_entry
    return entries


def wait_until(condition, what: str) -> None:
    """Given a condition, poll it until true; fail only if it never becomes true (a hang)."""
    deadline = time.monotonic() + HANG_LIMIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.5)
