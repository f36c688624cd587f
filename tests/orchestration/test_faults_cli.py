"""CLI usage faults: an unusable manifest is bad usage (exit 2), limits reach the extraction."""

import os
import subprocess
import sys

import duckdb
import pytest

from extract.pipeline import ExtractSettings
from orchestration.cli import main, parser, set_limits
from orchestration.incremental import apply_plan, extract_state, plan_build
from orchestration.publishing import building_path, publish
from tests.orchestration.conftest import run_cli

MB = 1024 * 1024


def test_a_malformed_manifest_exits_2_naming_row_and_column(raw_dir, tmp_path, capsys):
    (raw_dir / "manifest.csv").write_text("file;municipality\n;Malmö\n", encoding="utf-8")
    status = main(["build", "--raw-dir", str(raw_dir), "--warehouse", str(tmp_path / "w.duckdb")])
    err = capsys.readouterr().err
    assert status == 2 and "row 2, column file: empty" in err and "Traceback" not in err
    assert not (tmp_path / "extracted").exists()


def test_limits_given_on_the_command_line_reach_the_extraction(monkeypatch):
    for variable in ("KOMMUNLAGER_MAX_MEMORY_MB", "KOMMUNLAGER_MAX_TEXT_MB"):
        monkeypatch.delenv(variable, raising=False)
    args = parser().parse_args(["build", "--max-memory-mb", "512", "--max-text-mb", "2"])
    set_limits(args)
    try:
        settings = ExtractSettings.from_env()
        assert (settings.max_memory_bytes, settings.max_text_bytes) == (512 * MB, 2 * MB)
    finally:
        os.environ.pop("KOMMUNLAGER_MAX_MEMORY_MB", None)
        os.environ.pop("KOMMUNLAGER_MAX_TEXT_MB", None)


@pytest.mark.parametrize("flag", ["--max-memory-mb", "--max-text-mb", "--max-seconds"])
def test_every_limit_is_in_the_help(flag, capsys):
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    assert flag in capsys.readouterr().out


RW_ANALYST = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
"""


def test_nothing_changed_with_a_read_write_analyst_exits_0_without_traceback(raw_dir, tmp_path):
    live = tmp_path / "out" / "warehouse.duckdb"
    extracted = live.parent / "extracted"
    apply_plan(raw_dir, extracted, plan_build(raw_dir, extracted), lambda *_: None)
    duckdb.connect(str(building_path(live))).close()  # an empty finished build
    publish(live, extract_state(extracted))
    analyst = subprocess.Popen(
        [sys.executable, "-c", RW_ANALYST, str(live)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert analyst.stdout.readline().strip() == "open"
    try:
        run = run_cli(raw_dir, live)
    finally:
        analyst.communicate("\n", timeout=30)
    assert run.status == 0 and "Traceback" not in run.err
    assert "Nothing changed" in run.out and "Summary unavailable" in run.out
