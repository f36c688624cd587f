"""The one job: extract the selected reports, build dbt, check, and publish the warehouse."""

import dagster as dg

build_warehouse = dg.define_asset_job(
    name="build_warehouse",
    selection=dg.AssetSelection.all(),
    description=(
        "Extract new or changed reports, build the dbt warehouse beside the live one, "
        "reconcile and check it, and swap it in when the blocking checks pass."
    ),
    executor_def=dg.in_process_executor,  # the warehouse lock is held for the whole run
)
