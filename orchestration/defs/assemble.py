"""Given resources, return the Definitions: shared by the code location, the CLI and tests."""

import dagster as dg

from orchestration.defs import (
    assets,
    build_fates,
    checks,
    dbt,
    jobs,
    publish,
    quality_report,
    quarantine,
    schedules,
    sensors,
)
from orchestration.defs.resources import KommunlagerPaths, WarehouseLock


def definitions(
    paths: KommunlagerPaths | None = None, progress: assets.ExtractProgress | None = None
) -> dg.Definitions:
    """Given paths and a progress reporter (defaults: repo data folders, silent), return defs."""
    paths = paths or KommunlagerPaths()
    dbt_keys = set(dbt.warehouse_models.keys)
    return dg.Definitions(
        assets=[
            assets.extracted_report,
            dbt.warehouse_models,
            checks.quality_reconciliation,
            quality_report.quality_report_asset(dbt_keys),
            publish.published_warehouse_asset(dbt_keys),
        ],
        asset_checks=[
            *checks.fact_contract_checks(dbt_keys),
            quarantine.report_contract_kept,
            build_fates.report_fate_checks,
        ],
        jobs=[jobs.build_warehouse, jobs.extract_reports, jobs.build_from_extracts],
        schedules=[schedules.nightly_build],
        sensors=[sensors.raw_folder_sensor],
        resources={
            "paths": paths,
            "warehouse_lock": WarehouseLock(paths=paths),
            "progress": progress or assets.ExtractProgress(),
            "dbt": dbt.dbt_resource(),
        },
        executor=dg.in_process_executor,  # one process per run, so the lock spans the run
    )
