"""`make bench` in its tiniest configuration: the script runs every stage and writes its report."""

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_bench_runs_every_stage_on_two_reports_and_writes_its_report(tmp_path):
    command = [sys.executable, "-m", "bench.run", "--reports", "2", "--naive-reports", "1"]
    command += ["--work-dir", str(tmp_path / "work"), "--results-dir", str(tmp_path / "results")]
    subprocess.run(command, check=True, cwd=REPO, capture_output=True, text=True)
    results = json.loads((tmp_path / "results" / "bench.json").read_text())
    assert set(results) == {
        "floor",
        "naive",
        "extract_1",
        "extract_2",
        "build_full",
        "build_unchanged",
        "build_one_changed",
    }
    assert all(result["pages"] > 0 and result["seconds"] > 0 for result in results.values())
    markdown = (tmp_path / "results" / "bench.md").read_text()
    assert "vs naive pdfplumber" in markdown and "peak memory" in markdown
    assert (tmp_path / "results" / "bench.png").stat().st_size > 1000
