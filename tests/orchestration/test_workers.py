"""`kommunlager build --workers N`: reports read side by side, the warehouse as a serial build's.

Real reports (the two text fixtures, two sample PDFs and a copy with the
same bytes as one of them under another name), real worker processes, real
dbt and DuckDB; the two warehouses are compared by checksums of every
contract table. A parallel build killed while reading: `test_faults.py`.
"""

import re
import shutil
from pathlib import Path

import pytest

from extract.worker_pool import jobs_by_content, largest_first, pool_size
from orchestration.cli import main
from tests.orchestration.conftest import FIXTURES, run_cli
from tests.orchestration.contract_tables import contract_checksums

REPO = Path(__file__).resolve().parents[2]
SAMPLES = ("000_2fa4f77e9635ad75.pdf", "004_ead8df3d1c6ccb3c.pdf")
PROGRESS = re.compile(r"^\[(\d+)/(\d+)\] (\S+): ", re.MULTILINE)
GIB = 1024**3


@pytest.fixture(scope="module")
def mixed_raw(tmp_path_factory) -> Path:
    """Given a tmp folder, return a raw folder of text and PDF reports, one file twice."""
    raw = tmp_path_factory.mktemp("workers") / "raw"
    raw.mkdir()
    for name in ("report_one.txt", "report_two.txt"):
        shutil.copyfile(FIXTURES / name, raw / name)
    for name in SAMPLES:
        shutil.copyfile(REPO / "data" / "raw" / name, raw / name)
    shutil.copyfile(raw / "report_one.txt", raw / "report_one_copy.txt")  # one key, two files
    return raw


def test_a_parallel_build_equals_a_serial_build(mixed_raw, tmp_path):
    serial = run_cli(mixed_raw, tmp_path / "serial" / "warehouse.duckdb", "--workers", "1")
    parallel = run_cli(mixed_raw, tmp_path / "parallel" / "warehouse.duckdb", "--workers", "3")
    assert serial.status == 0, serial.err
    assert parallel.status == 0, parallel.err
    serial_sums = contract_checksums(tmp_path / "serial" / "warehouse.duckdb")
    assert contract_checksums(tmp_path / "parallel" / "warehouse.duckdb") == serial_sums
    assert serial_sums["fct_operating_budget"][0] > 0


def test_progress_counts_reports_as_they_finish(mixed_raw, tmp_path):
    run = run_cli(mixed_raw, tmp_path / "warehouse.duckdb", "--workers", "2")
    assert run.status == 0, run.err
    lines = PROGRESS.findall(run.err)
    files = sorted(path.name for path in mixed_raw.iterdir())
    assert [int(index) for index, _, _ in lines] == list(range(1, len(files) + 1))
    assert {int(total) for _, total, _ in lines} == {len(files)}
    assert sorted(name for _, _, name in lines) == files


def test_files_with_the_same_bytes_are_one_job_in_name_order(mixed_raw):
    names = sorted(path.name for path in mixed_raw.iterdir())
    jobs = jobs_by_content(mixed_raw, names)
    assert ["report_one.txt", "report_one_copy.txt"] in jobs
    assert sorted(name for job in jobs for name in job) == names


def test_jobs_are_handed_out_largest_first_so_the_readers_finish_together(tmp_path):
    sizes = {"a.txt": 10, "b.txt": 300, "c.txt": 120, "c_copy.txt": 120, "d.txt": 200}
    for name, size in sizes.items():
        (tmp_path / name).write_text(name[0] * size)  # c_copy.txt: c.txt's bytes
    jobs = jobs_by_content(tmp_path, sorted(sizes))
    assert ["c.txt", "c_copy.txt"] in jobs  # one job of 240 bytes, its files in order
    assert largest_first(tmp_path, jobs) == [
        ["b.txt"],
        ["c.txt", "c_copy.txt"],
        ["d.txt"],
        ["a.txt"],
    ]


def test_workers_by_default_are_one_per_core_as_memory_allows(monkeypatch):
    monkeypatch.setattr("extract.worker_pool.usable_cores", lambda: 4)
    monkeypatch.setattr("extract.worker_pool.available_memory", lambda: 3 * GIB)
    assert pool_size(0, jobs=10, memory_per_report=GIB) == 3  # memory for three budgets
    assert pool_size(0, jobs=10, memory_per_report=GIB // 2) == 4  # one per core
    assert pool_size(0, jobs=2, memory_per_report=GIB // 2) == 2  # no idle worker
    assert pool_size(0, jobs=10, memory_per_report=8 * GIB) == 1  # never none
    assert pool_size(6, jobs=10, memory_per_report=8 * GIB) == 6  # asked for: as asked


def test_a_bad_workers_value_is_bad_usage(mixed_raw, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KOMMUNLAGER_WORKERS", "two")
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "--raw-dir", str(mixed_raw), "--warehouse", str(tmp_path / "w.duckdb")])
    assert exit_info.value.code == 2
    assert "KOMMUNLAGER_WORKERS" in capsys.readouterr().err
