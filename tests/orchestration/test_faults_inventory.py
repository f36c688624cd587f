"""The inventory of extracted files: sidecars that are corrupt, long-named or out of step."""

from pathlib import Path

import polars as pl
import pytest

from extract.inventory import INVENTORY_DIR, sidecar_path, stored_inventory
from orchestration.incremental import apply_plan, plan_build
from tests.orchestration.conftest import FIXTURES


def extract_all(raw: Path, extracted: Path) -> list[str]:
    """Given the folders, plan and apply one extraction; return the files read."""
    outcomes = apply_plan(raw, extracted, plan_build(raw, extracted), lambda *_: None)
    return [outcome.file_name for outcome in outcomes]


@pytest.mark.parametrize("content", ["{bad", "", '{"file_name": "report_one.txt"}', "[]"])
def test_a_corrupt_sidecar_means_read_that_file_again(raw_dir, tmp_path, content):
    extracted = tmp_path / "extracted"
    extract_all(raw_dir, extracted)
    sidecar_path(extracted, "report_one.txt").write_text(content, encoding="utf-8")
    assert sorted(stored_inventory(extracted)) == ["report_two.txt"]
    assert plan_build(raw_dir, extracted, force=True).to_extract == (
        "report_one.txt",
        "report_two.txt",
    )
    assert extract_all(raw_dir, extracted) == ["report_one.txt"]
    assert sorted(stored_inventory(extracted)) == ["report_one.txt", "report_two.txt"]


def test_a_file_name_of_252_bytes_gets_a_sidecar(raw_dir, tmp_path):
    long_name = "å" * 124 + ".txt"  # 252 bytes in UTF-8, the most a Linux name can hold
    assert len(long_name.encode()) == 252
    (raw_dir / long_name).write_bytes((FIXTURES / "report_one.txt").read_bytes() + b"\nx\n")
    extracted = tmp_path / "extracted"
    assert long_name in extract_all(raw_dir, extracted)
    assert long_name in stored_inventory(extracted)
    names = [path.name for path in (extracted / INVENTORY_DIR).iterdir()]
    assert max(len(name.encode()) for name in names) < 100


@pytest.mark.parametrize("relation", ["cells", "reports", "tables"])
def test_a_missing_or_altered_parquet_file_means_read_that_file_again(raw_dir, tmp_path, relation):
    extracted = tmp_path / "extracted"
    extract_all(raw_dir, extracted)
    key = stored_inventory(extracted)["report_one.txt"].report_key
    (extracted / relation / f"{key}.parquet").unlink()
    plan = plan_build(raw_dir, extracted)
    assert plan.changed == ("report_one.txt",) and not plan.nothing_changed
    assert extract_all(raw_dir, extracted) == ["report_one.txt"]
    (extracted / relation / f"{key}.parquet").write_bytes(b"not the parquet recorded")
    assert plan_build(raw_dir, extracted).changed == ("report_one.txt",)


def test_removing_one_of_two_identical_files_re_reads_the_other(raw_dir, tmp_path):
    (raw_dir / "copy.txt").write_bytes((raw_dir / "report_one.txt").read_bytes())
    extracted = tmp_path / "extracted"
    extract_all(raw_dir, extracted)
    (raw_dir / "report_one.txt").unlink()
    plan = plan_build(raw_dir, extracted)
    assert plan.removed == ("report_one.txt",) and plan.changed == ("copy.txt",)
    extract_all(raw_dir, extracted)
    key = stored_inventory(extracted)["copy.txt"].report_key
    row = pl.read_parquet(extracted / "reports" / f"{key}.parquet").row(0, named=True)
    assert row["file_name"] == "copy.txt"
