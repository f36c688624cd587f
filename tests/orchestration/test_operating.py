"""The README's "Nightly setup", step by step on a real instance: a dropped file reaches dim_report.

The daemon's part is played by evaluating the sensor and schedule the README
names on their ticks and running each run they request on the instance, once
per run key (as the daemon does).
"""

import re
import shutil
from pathlib import Path

import dagster as dg
import duckdb

from orchestration import dagster_home
from orchestration.defs.assemble import definitions
from orchestration.defs.resources import (
    EXTRACTED_DIR_ENV,
    QUALITY_DIR_ENV,
    RAW_DIR_ENV,
    WAREHOUSE_ENV,
    KommunlagerPaths,
)
from tests.orchestration.conftest import FIXTURES, copy_reports, run_cli

README = Path(__file__).resolve().parents[2] / "README.md"


def nightly_setup() -> str:
    """Given the README, return its "Nightly setup" paragraph."""
    text = README.read_text(encoding="utf-8")
    return text[text.index("**Nightly setup.**") : text.index("**Incremental.**")]


def turned_on(setup: str) -> set[str]:
    """Given the paragraph, return the automations it says to turn on."""
    sentence = re.search(r"turn on (.*?);", setup, re.S).group(1)
    return set(re.findall(r"`(\w+)`", sentence))


class Daemon:
    """Ticks the sensor on a real instance and runs what it requests, each run key once."""

    def __init__(self, defs: dg.Definitions, instance: dg.DagsterInstance) -> None:
        self.defs, self.instance = defs, instance
        self.cursor: str | None = None
        self.run_keys: set[str] = set()

    def tick(self) -> list[dg.RunRequest]:
        """Given the folder now, evaluate the sensor once; run and return its new requests."""
        context = dg.build_sensor_context(
            instance=self.instance, cursor=self.cursor, resources={"paths": KommunlagerPaths()}
        )
        result = self.defs.resolve_sensor_def("raw_folder_sensor")(context)
        for request in result.dynamic_partitions_requests:
            if isinstance(request, dg.AddDynamicPartitionsRequest):
                self.instance.add_dynamic_partitions("reports", request.partition_keys)
        self.cursor = result.cursor
        fresh = [r for r in result.run_requests if r.run_key not in self.run_keys]
        for request in fresh:
            self.run_keys.add(request.run_key)
            job = self.defs.resolve_job_def(request.job_name)
            run = job.execute_in_process(
                instance=self.instance, partition_key=request.partition_key, tags=request.tags
            )
            assert run.success, request
        return fresh


def test_turned_on_as_the_readme_says_the_sensor_brings_a_dropped_file_into_dim_report(
    tmp_path, monkeypatch
):
    raw = copy_reports(tmp_path / "raw", names=("report_one.txt",))
    out = tmp_path / "out"
    for (variable, _), path in (
        (RAW_DIR_ENV, raw),
        (EXTRACTED_DIR_ENV, out / "extracted"),
        (WAREHOUSE_ENV, out / "warehouse.duckdb"),
        (QUALITY_DIR_ENV, out / "quality"),
    ):
        monkeypatch.setenv(variable, str(path))  # "Folders come from KOMMUNLAGER_RAW_DIR, ..."
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    assert run_cli(raw, out / "warehouse.duckdb").status == 0  # a warehouse built before
    assert dagster_home.main() == 0  # `make ui`: dagster.yaml, partitions of what is extracted
    defs = definitions()
    setup = nightly_setup()
    assert turned_on(setup) == {"raw_folder_sensor", "nightly_build"}
    assert [s.name for s in defs.sensors] == ["raw_folder_sensor"]  # nothing else to turn on
    assert defs.resolve_schedule_def("nightly_build").job_name == "build_warehouse"

    with dg.DagsterInstance.get() as instance:
        daemon = Daemon(defs, instance)
        assert daemon.tick() == []  # first tick: the extracted file is not read again
        shutil.copyfile(FIXTURES / "report_two.txt", raw / "report_two.txt")
        extract, *more = daemon.tick()
        assert (extract.job_name, extract.partition_key, more) == (
            "extract_reports",
            "report_two.txt",
            [],
        )
        (build,) = daemon.tick()
        assert build.job_name == "build_from_extracts"
        assert daemon.tick() == []  # built once
        nightly = defs.resolve_schedule_def("nightly_build")
        with dg.build_schedule_context(
            instance=instance, resources={"paths": KommunlagerPaths()}
        ) as context:
            skipped = nightly.evaluate_tick(context).skip_message
    assert "nothing changed" in skipped

    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        files = con.execute("select file_name from dim_report order by file_name").fetchall()
    assert files == [("report_one.txt",), ("report_two.txt",)]
