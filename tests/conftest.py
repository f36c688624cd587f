"""Shared by every test: no test records into the developer's Dagster instance, and the
wall time of the slow, marked tests (faults, fuzz) is printed at the end of the run."""

from collections import defaultdict

import pytest

TIMED_MARKERS = ("faults", "fuzz")  # their runtime is watched: keep it modest on 2 cores
_seconds: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
_properties: dict[str, list] = {}


@pytest.fixture(autouse=True, scope="session")
def _no_dagster_home():
    """Given `make test` exporting DAGSTER_HOME, unset it: a test that wants one sets its own.

    Session-scoped so that it comes before every module fixture: a module's build
    that saw the exported home shared one instance with the other xdist worker,
    whose builds dropped this worker's report partitions.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("DAGSTER_HOME", raising=False)
        yield


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Given a phase of a test (also from an xdist worker), add its time if it is timed."""
    for marker in TIMED_MARKERS:
        if marker in report.keywords:
            _seconds[marker][report.nodeid] += report.duration  # setup holds module fixtures
            _properties[report.nodeid] = report.user_properties


def pytest_terminal_summary(terminalreporter) -> None:
    """Given the finished run, print each timed test's wall time and each marker's total."""
    for marker, tests in _seconds.items():
        terminalreporter.section(f"runtime of the {marker} tests: {sum(tests.values()):.0f} s")
        for nodeid, seconds in tests.items():
            extra = "".join(f", {name} {value}" for name, value in _properties[nodeid])
            terminalreporter.write_line(f"{seconds:7.1f} s  {nodeid}{extra}")
