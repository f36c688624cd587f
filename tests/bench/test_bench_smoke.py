"""`make bench` in its tiniest configuration: the script runs every stage and writes its report."""

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_bench_runs_every_stage_on_two_reports_and_writes_its_report(tmp_path):
    command = [sys.executable, "-m", "bench.run", "--reports", "2", "--naive-reports", "1"]
    command += ["--workers", "2", "--generated", "1", "--hostile-small"]
    command += ["--work-dir", str(tmp_path / "work"), "--results-dir", str(tmp_path / "results")]
    subprocess.run(command, check=True, cwd=REPO, capture_output=True, text=True)
    results = json.loads((tmp_path / "results" / "bench.json").read_text())
    assert set(results) == {
        "floor",
        "naive",
        "camelot",
        "extract_1",
        "extract_parallel",
        "build_full_1",
        "build_full",
        "build_full_breakdown",
        "build_unchanged",
        "build_one_changed",
        "build_one_changed_breakdown",
    }
    assert all(result["pages"] > 0 and result["seconds"] > 0 for result in results.values())
    markdown = (tmp_path / "results" / "bench.md").read_text()
    assert "vs naive pdfplumber" in markdown and "peak memory" in markdown
    assert "vs camelot stream" in markdown and "2 workers vs 1 worker" in markdown
    assert "| pdf | 2 |" in markdown  # the two reports, by kind of document
    assert results["build_full"]["first_report_s"] > 0
    assert results["build_full"]["after_last_report_s"] > 0
    assert "first report read after" in markdown
    assert "Own time per module of extract/" in (tmp_path / "results" / "profile.md").read_text()
    full = results["build_full_breakdown"]["breakdown"]
    assert full["cli_import"] > 0 and full["code_location_import"] > 0 and full["extract"] > 0
    assert (tmp_path / "results" / "bench.png").stat().st_size > 1000
    breakdown = results["build_one_changed_breakdown"]["breakdown"]
    assert breakdown["partial_parse"] is True  # the second build of a warehouse re-parses less
    assert breakdown["extract"] > 0 and breakdown["dbt_run"] > 0 and breakdown["publish"] > 0
    assert "where the time goes" in markdown
    hostile = json.loads((tmp_path / "results" / "hostile.json").read_text())
    assert hostile["exit"] == 0 and hostile["peak_tree_rss_mb"] > 0 and hostile["small"]
    assert f"peak RSS {hostile['peak_tree_rss_mb']} MB" in markdown.splitlines()[-1]


def test_bench_scale_builds_each_size_and_writes_the_table(tmp_path):
    command = [sys.executable, "-m", "bench.run", "--scale", "--sizes", "2"]
    command += ["--work-dir", str(tmp_path / "work"), "--results-dir", str(tmp_path / "results")]
    subprocess.run(command, check=True, cwd=REPO, capture_output=True, text=True)
    [row] = json.loads((tmp_path / "results" / "scale.json").read_text())
    assert row["reports"] == 2 and row["pages"] > 0
    assert row["full_s"] > 0 and row["warehouse_mb"] > 0 and row["peak_rss_mb"] > 0
    assert row["one_changed_breakdown"]["beyond_extraction"] > 0
    assert "| 2 |" in (tmp_path / "results" / "scale.md").read_text()
    assert (tmp_path / "results" / "scale.png").stat().st_size > 1000
