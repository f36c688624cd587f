"""dbt nodes in Dagster: grouped by layer, every test described, old target folders pruned."""

import json
import os

from orchestration.defs.dbt import dbt_project
from orchestration.defs.dbt_nodes import (
    KEEP_NEWEST,
    dbt_test_description,
    layer_group,
    prune_target,
)


def manifest() -> dict:
    return json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))


def test_every_model_sits_in_its_layer_group_and_judging_marts_in_quality():
    nodes = manifest()["nodes"].values()
    groups = {node["name"]: layer_group(node) for node in nodes if node["resource_type"] == "model"}
    assert groups["stg_extracted__cells"] == "staging"
    assert groups["int_tables_classified"] == "intermediate"
    assert groups["fct_operating_budget"] == "marts"
    assert groups["reconciliation_checks"] == "quality"
    assert set(groups.values()) <= {"staging", "intermediate", "marts", "quality"}


def test_every_dbt_test_gets_a_description_naming_what_it_asserts():
    tests = [node for node in manifest()["nodes"].values() if node["resource_type"] == "test"]
    described = {node["name"]: dbt_test_description(node) for node in tests}
    assert all(described.values())
    assert described["unique_kommuner_municipality_code"] == (
        "dbt test `unique` on column `municipality_code`."
    )
    accepted = next(text for name, text in described.items() if name.startswith("accepted_val"))
    assert '"values": [' in accepted


def test_prune_keeps_the_newest_and_the_recent_invocation_folders(tmp_path):
    target = tmp_path / "target"
    folders = [target / f"warehouse_models-{index:07d}-abcdefg" for index in range(6)]
    for age, folder in enumerate(folders):  # folders[0] newest
        folder.mkdir(parents=True)
        os.utime(folder, (10_000 - age * 1000, 10_000 - age * 1000))
    (target / "manifest.json").write_text("{}")
    (target / "parse-scratch").mkdir()

    deleted = prune_target(target, now=7_500)  # folders[3] is 500 s old, [4] 1 500 s

    # only folders older than 15 minutes beyond the newest three go
    assert sorted(deleted) == sorted(folders[KEEP_NEWEST + 1 :])
    assert folders[KEEP_NEWEST].exists() and (target / "manifest.json").exists()
    assert (target / "parse-scratch").exists()
