"""`make ui` started in the background stops on SIGTERM, with the webserver and daemon it started.

A shell without job control starts a background command with SIGINT ignored;
`dagster dev` maps SIGTERM onto SIGINT's handler and so ignored it.
"""

import os
import signal
import subprocess
import sys

import requests

from orchestration.defs.resources import REPO_ROOT
from tests.orchestration.dagster_runs import wait_until
from tests.orchestration.test_webserver import HOST, free_port, webserver_env


def group_alive(group: int) -> bool:
    """Given a process group, return whether any process of it is left."""
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def served(url: str) -> bool:
    """Given a webserver URL, return whether it answers."""
    try:
        return requests.get(f"{url}/server_info", timeout=2).ok
    except requests.ConnectionError:
        return False


def test_make_ui_started_in_the_background_stops_on_sigterm(tmp_path):
    port = free_port()
    command = [sys.executable, "-m", "orchestration.ui", "-m", "orchestration.definitions"]
    ui = subprocess.Popen(
        [*command, "-h", HOST, "-p", str(port)],
        cwd=REPO_ROOT,
        env=webserver_env(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),  # as `make ui &` does
    )
    try:
        wait_until(lambda: served(f"http://{HOST}:{port}") or ui.poll() is not None, "served")
        assert ui.poll() is None, "dagster dev exited before serving"
        ui.send_signal(signal.SIGTERM)
        wait_until(lambda: ui.poll() is not None, "dagster dev stopped on SIGTERM")
        wait_until(lambda: not group_alive(ui.pid), "its webserver and daemon stopped")
    finally:
        if group_alive(ui.pid):
            os.killpg(ui.pid, signal.SIGKILL)
