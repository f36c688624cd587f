"""The Dagster webserver serves the code location: assets, checks, schedule and sensor over GraphQL.

Starts `dagster-webserver` on a free port of 127.0.0.1 with a temporary
DAGSTER_HOME and the project's paths pointed into tmp_path, so the test
touches neither the repo's data folders nor the network.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from orchestration.dagster_home import write_dagster_yaml
from orchestration.defs.resources import (
    EXTRACTED_DIR_ENV,
    QUALITY_DIR_ENV,
    RAW_DIR_ENV,
    REPO_ROOT,
    WAREHOUSE_ENV,
)

HOST = "127.0.0.1"
STARTUP_SECONDS = 90  # loading the code location parses the dbt manifest: ~20 s on a busy machine
POLL_SECONDS = 0.5
STOP_SECONDS = 15
WEBSERVER = Path(sys.executable).with_name("dagster-webserver")

ASSETS_QUERY = """
{ assetNodes { assetKey { path } assetChecksOrError { ... on AssetChecks { checks { name } } } } }
"""
AUTOMATION_QUERY = """
{ repositoriesOrError { ... on RepositoryConnection { nodes {
    schedules { name cronSchedule executionTimezone }
    sensors { name targets { pipelineName } }
} } } }
"""
LOCATIONS_QUERY = """
{ workspaceOrError { ... on Workspace { locationEntries {
    name loadStatus locationOrLoadError { __typename ... on PythonError { message } }
} } } }
"""


def free_port() -> int:
    """Given nothing, return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def webserver_env(tmp_path: Path) -> dict[str, str]:
    """Given a tmp folder, return an environment with Dagster home and data paths inside it."""
    home = tmp_path / "dagster_home"
    write_dagster_yaml(home)
    env = dict(os.environ, DAGSTER_HOME=str(home), DO_NOT_TRACK="1")
    env["GX_ANALYTICS_ENABLED"] = "false"
    for name, default in (RAW_DIR_ENV, EXTRACTED_DIR_ENV, WAREHOUSE_ENV, QUALITY_DIR_ENV):
        env[name] = str(tmp_path / default)
    return env


def wait_until_served(url: str, process: subprocess.Popen, log: Path) -> None:
    """Given the server URL and its process, return once it answers; fail if it dies or stalls."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"dagster-webserver exited ({process.returncode}):\n{log.read_text()}")
        try:
            if requests.get(f"{url}/server_info", timeout=2).ok:
                return
        except requests.ConnectionError:
            pass
        time.sleep(POLL_SECONDS)
    pytest.fail(f"dagster-webserver did not answer in {STARTUP_SECONDS} s:\n{log.read_text()}")


def stop(process: subprocess.Popen) -> None:
    """Given the server process (a group leader), stop it with its code server."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="module")
def webserver(tmp_path_factory) -> Iterator[str]:
    """Given nothing, serve orchestration.definitions on 127.0.0.1 and return its URL."""
    tmp_path = tmp_path_factory.mktemp("webserver")
    port = free_port()
    log = tmp_path / "webserver.log"
    command = [str(WEBSERVER), "-m", "orchestration.definitions", "-h", HOST, "-p", str(port)]
    with open(log, "w") as out:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env=webserver_env(tmp_path),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        url = f"http://{HOST}:{port}"
        wait_until_served(url, process, log)
        yield url
    finally:
        stop(process)


def graphql(url: str, query: str) -> dict:
    """Given the server URL and a query, return the `data` of its answer (failing on errors)."""
    answer = requests.post(f"{url}/graphql", json={"query": query}, timeout=30)
    answer.raise_for_status()
    body = answer.json()
    assert "errors" not in body, body["errors"]
    return body["data"]


def test_webserver_loads_the_code_location_without_errors(webserver):
    entries = graphql(webserver, LOCATIONS_QUERY)["workspaceOrError"]["locationEntries"]
    loaded = [(e["name"], e["loadStatus"], e["locationOrLoadError"]) for e in entries]
    assert loaded == [("orchestration.definitions", "LOADED", {"__typename": "RepositoryLocation"})]


def test_webserver_serves_extract_assets_and_dbt_marts(webserver):
    nodes = graphql(webserver, ASSETS_QUERY)["assetNodes"]
    keys = {"/".join(node["assetKey"]["path"]) for node in nodes}
    extract = {f"extracted/{name}" for name in ("reports", "tables", "cells", "text_blocks")}
    marts = {"fct_operating_budget", "fct_investment_budget", "fct_staffing", "fct_sick_leave"}
    assert extract | marts | {"quality_reconciliation"} <= keys


def test_webserver_serves_ge_checks_on_reconciliation_and_facts(webserver):
    nodes = graphql(webserver, ASSETS_QUERY)["assetNodes"]
    checks = {
        ("/".join(node["assetKey"]["path"]), check["name"])
        for node in nodes
        for check in node["assetChecksOrError"].get("checks", [])
    }
    assert ("quality_reconciliation", "reconciliation_agrees") in checks
    assert ("fct_operating_budget", "contract_holds") in checks
    assert ("fct_sick_leave", "contract_holds") in checks


def test_webserver_serves_nightly_schedule_and_raw_folder_sensor(webserver):
    (repository,) = graphql(webserver, AUTOMATION_QUERY)["repositoriesOrError"]["nodes"]
    schedules = {
        (s["name"], s["cronSchedule"], s["executionTimezone"]) for s in repository["schedules"]
    }
    sensors = {s["name"]: s["targets"] for s in repository["sensors"]}
    assert ("nightly_build", "0 2 * * *", "Europe/Stockholm") in schedules
    assert sorted(t["pipelineName"] for t in sensors["raw_folder_sensor"]) == [
        "build_from_extracts",
        "extract_reports",
    ]
    assert list(sensors) == ["raw_folder_sensor"]
