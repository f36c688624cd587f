"""The jobs: extract (many runs at once), build from the extracts (one), or both in one run.

The run queue reads the stage tag: many `extract` runs at once, one `build`
run per warehouse (`orchestration.dagster_home`).
"""

import dagster as dg

from orchestration.defs.build_fates import report_fate_checks
from orchestration.defs.quarantine import report_contract_kept

STAGE_TAG = "kommunlager/stage"
EXTRACT_STAGE = "extract"
BUILD_STAGE = "build"
EXTRACT_GROUP = "extract"

build_warehouse = dg.define_asset_job(
    name="build_warehouse",
    selection=dg.AssetSelection.all(),
    description=(
        "Extract new or changed reports, build the dbt warehouse beside the live one, "
        "reconcile and check it, and swap it in when the blocking checks pass."
    ),
    executor_def=dg.in_process_executor,  # the warehouse lock is held for the whole run
    tags={STAGE_TAG: BUILD_STAGE},
)

extract_reports = dg.define_asset_job(
    name="extract_reports",
    # no checks: each report's are judged on the build it goes into (build_fates, quarantine)
    selection=dg.AssetSelection.groups(EXTRACT_GROUP).without_checks(),
    description=(
        "Extract report partitions to Parquet, no warehouse lock: backfilled, it runs as "
        "many runs at once as the run queue allows."
    ),
    executor_def=dg.in_process_executor,  # one step per run: the run process is the worker
    tags={STAGE_TAG: EXTRACT_STAGE},
)

build_from_extracts = dg.define_asset_job(
    name="build_from_extracts",
    # each report's checks are evaluated after dbt, though their asset is extracted
    selection=(
        dg.AssetSelection.all() - dg.AssetSelection.groups(EXTRACT_GROUP)
        | dg.AssetSelection.checks(report_contract_kept, report_fate_checks)
    ),
    description=(
        "Sweep removed and orphaned extracts, build dbt from every extracted report, "
        "reconcile, check and publish; started once an extraction has finished."
    ),
    executor_def=dg.in_process_executor,  # the warehouse lock is held for the whole run
    tags={STAGE_TAG: BUILD_STAGE},
)
