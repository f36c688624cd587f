"""In the Dagster UI every asset and check says what it is, and dbt models sit in their layer."""

from orchestration.definitions import defs


def test_every_asset_and_check_has_a_description():
    graph = defs.resolve_asset_graph()
    undescribed = [key for key in graph.get_all_asset_keys() if not graph.get(key).description]
    checks = [
        spec for assets in defs.resolve_asset_graph().assets_defs for spec in assets.check_specs
    ]
    assert undescribed == []
    assert len(checks) > 100
    assert [spec.key for spec in checks if not spec.description] == []


def test_dbt_assets_are_grouped_by_layer_not_default():
    graph = defs.resolve_asset_graph()
    groups = {key.to_user_string(): graph.get(key).group_name for key in graph.get_all_asset_keys()}
    assert groups["staging/stg_extracted__cells"] == "staging"
    assert groups["intermediate/int_tables_classified"] == "intermediate"
    assert groups["fct_operating_budget"] == "marts"
    assert groups["reconciliation_checks"] == "quality"
    assert "default" not in set(groups.values())


def test_descriptions_say_what_an_asset_is_without_its_code():
    graph = defs.resolve_asset_graph()
    descriptions = {
        key.to_user_string(): graph.get(key).description for key in graph.get_all_asset_keys()
    }
    assert [key for key, text in descriptions.items() if "Raw SQL" in text] == []
    assert descriptions["quality_reconciliation"].startswith("One row per reconciliation check")


def test_the_dbt_checks_are_the_published_tables_and_seeds_tests_not_the_steps():
    graph = defs.resolve_asset_graph()
    checked = {spec.asset_key for assets in graph.assets_defs for spec in assets.check_specs}
    groups = {graph.get(key).group_name for key in checked}
    # a build runs no staging or intermediate data test (dbt_project.yml's step_invariant)
    assert {"marts", "quality", "vocabulary"} <= groups
    assert not groups & {"staging", "intermediate"}
