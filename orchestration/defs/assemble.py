"""Given resources, return the Definitions: shared by the code location, the CLI and tests."""

import dagster as dg

from orchestration.defs import assets, checks, dbt, jobs, schedules, sensors
from orchestration.defs.resources import KommunlagerPaths


def definitions(
    paths: KommunlagerPaths | None = None, progress: assets.ExtractProgress | None = None
) -> dg.Definitions:
    """Given paths and a progress reporter (defaults: repo data folders, silent), return defs."""
    return dg.Definitions(
        assets=[assets.extracted_report, dbt.warehouse_models, checks.quality_reconciliation],
        asset_checks=checks.fact_contract_checks(set(dbt.warehouse_models.keys)),
        jobs=[jobs.build_warehouse],
        schedules=[schedules.nightly_build],
        sensors=[sensors.raw_folder_sensor],
        resources={
            "paths": paths or KommunlagerPaths(),
            "progress": progress or assets.ExtractProgress(),
            "dbt": dbt.dbt_resource(),
        },
    )
