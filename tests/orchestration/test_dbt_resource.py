"""The build's dbt resource knows the version of the dbt it runs without starting dbt."""

import re
import subprocess

from orchestration.defs.dbt import (
    DBT_EXECUTABLE,
    STEP_TESTS_ENV,
    VenvDbtResource,
    build_command,
    dbt_resource,
)


def test_the_version_the_resource_assumes_is_the_one_its_dbt_prints():
    resource = dbt_resource()
    printed = subprocess.run(
        [str(DBT_EXECUTABLE), "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert isinstance(resource, VenvDbtResource)
    assert re.search(r"installed:\s+(\S+)", printed)[1] == str(resource._cli_version)


def test_the_resource_opens_no_dbt_adapter_in_the_build_process():
    assert dbt_resource()._initialize_dbt_core_adapter(["build"]) is None


def test_a_build_runs_the_steps_data_tests_only_when_asked(monkeypatch):
    monkeypatch.delenv(STEP_TESTS_ENV, raising=False)
    assert build_command()[-2:] == ["--exclude", "tag:step_invariant"]
    monkeypatch.setenv(STEP_TESTS_ENV, "1")
    assert "tag:step_invariant" not in build_command()
