"""Shared by every test: no test records into the developer's Dagster instance."""

import pytest


@pytest.fixture(autouse=True)
def _no_dagster_home(monkeypatch):
    """Given `make test` exporting DAGSTER_HOME, unset it: a test that wants one sets its own."""
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
