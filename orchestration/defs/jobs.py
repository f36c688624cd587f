"""The one job: extract the selected reports, build dbt, write quality results, run checks."""

import dagster as dg

build_warehouse = dg.define_asset_job(
    name="build_warehouse",
    selection=dg.AssetSelection.all(),
    description="Extract reports, build the dbt warehouse, reconcile and check it.",
)
