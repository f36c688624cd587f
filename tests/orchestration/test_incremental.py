"""Which files a build reads: new or changed ones only; removed ones leave (no dbt here)."""

from pathlib import Path

import duckdb
import pytest

import extract.inventory as inventory
from extract.inventory import orphan_keys, stored_inventory
from orchestration.incremental import (
    apply_plan,
    extract_state,
    is_current,
    plan_build,
    sweep_extracted,
)
from orchestration.publishing import building_path, publish


def extract_all(raw: Path, extracted: Path) -> list[str]:
    """Given the folders, sweep as the build does, then extract; return the files read."""
    sweep_extracted(raw, extracted)
    outcomes = apply_plan(raw, extracted, plan_build(raw, extracted), lambda *_: None)
    return [outcome.file_name for outcome in outcomes]


def test_first_plan_reads_every_file_and_second_reads_none(raw_dir, tmp_path):
    extracted = tmp_path / "extracted"
    assert plan_build(raw_dir, extracted).counts() == {
        "new": 2,
        "changed": 0,
        "unchanged": 0,
        "removed": 0,
    }
    assert extract_all(raw_dir, extracted) == ["report_one.txt", "report_two.txt"]
    again = plan_build(raw_dir, extracted)
    assert again.nothing_changed and again.unchanged == ("report_one.txt", "report_two.txt")
    assert plan_build(raw_dir, extracted, force=True).to_extract == again.unchanged


def test_changed_file_is_read_again_under_its_new_key_and_the_old_key_is_gone(raw_dir, tmp_path):
    extracted = tmp_path / "extracted"
    extract_all(raw_dir, extracted)
    old_key = stored_inventory(extracted)["report_one.txt"].report_key
    with open(raw_dir / "report_one.txt", "a", encoding="utf-8") as handle:
        handle.write("\nTillägg.\n")
    plan = plan_build(raw_dir, extracted)
    assert (plan.changed, plan.unchanged) == (("report_one.txt",), ("report_two.txt",))
    assert extract_all(raw_dir, extracted) == ["report_one.txt"]
    new_key = stored_inventory(extracted)["report_one.txt"].report_key
    assert new_key != old_key
    stored = {path.stem for path in (extracted / "cells").glob("*.parquet")}
    assert new_key in stored and old_key not in stored


def test_removed_file_leaves_every_relation(raw_dir, tmp_path):
    extracted = tmp_path / "extracted"
    extract_all(raw_dir, extracted)
    key = stored_inventory(extracted)["report_two.txt"].report_key
    (raw_dir / "report_two.txt").unlink()
    plan = plan_build(raw_dir, extracted)
    assert plan.removed == ("report_two.txt",)
    apply_plan(raw_dir, extracted, plan, lambda *_: None)  # extraction leaves removals alone
    assert sorted(stored_inventory(extracted)) == ["report_one.txt", "report_two.txt"]
    assert sweep_extracted(raw_dir, extracted) == {"removed": 1, "orphans": 0}
    assert list(stored_inventory(extracted)) == ["report_one.txt"]
    assert not list(extracted.glob(f"*/{key}.parquet"))


def test_changed_manifest_row_or_extractor_version_reads_the_file_again(
    raw_dir, tmp_path, monkeypatch
):
    extracted = tmp_path / "extracted"
    extract_all(raw_dir, extracted)
    (raw_dir / "manifest.csv").write_text("file,municipality\nreport_two.txt,0834\n")
    assert plan_build(raw_dir, extracted).changed == ("report_two.txt",)
    extract_all(raw_dir, extracted)
    monkeypatch.setattr(inventory, "EXTRACTOR_VERSION", "next")
    inventory.extractor_version.cache_clear()
    try:
        assert plan_build(raw_dir, extracted).changed == ("report_one.txt", "report_two.txt")
    finally:
        monkeypatch.undo()
        inventory.extractor_version.cache_clear()


def test_parquet_without_a_sidecar_is_dropped_as_an_orphan(raw_dir, tmp_path):
    extracted = tmp_path / "extracted"
    extract_all(raw_dir, extracted)
    inventory.sidecar_path(extracted, "report_two.txt").unlink()  # as if interrupted
    assert len(orphan_keys(extracted)) == 1
    assert sweep_extracted(raw_dir, extracted) == {"removed": 0, "orphans": 1}
    assert orphan_keys(extracted) == set()
    assert extract_all(raw_dir, extracted) == ["report_two.txt"]


def test_warehouse_is_current_only_when_published_from_these_extracts(raw_dir, tmp_path):
    extracted, live = tmp_path / "extracted", tmp_path / "warehouse.duckdb"
    extract_all(raw_dir, extracted)
    plan = plan_build(raw_dir, extracted)
    assert not is_current(plan, extracted, live)  # never published
    duckdb.connect(str(building_path(live))).close()  # an empty finished build
    publish(live, extract_state(extracted))
    assert is_current(plan, extracted, live)
    assert not building_path(live).exists()
    (raw_dir / "report_two.txt").unlink()
    extract_all(raw_dir, extracted)
    assert not is_current(plan_build(raw_dir, extracted), extracted, live)


def test_publish_without_a_finished_build_refuses(tmp_path):
    with pytest.raises(FileNotFoundError, match="no finished build"):
        publish(tmp_path / "warehouse.duckdb", "state")
