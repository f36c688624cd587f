"""The last step of a build: swap the checked warehouse in for readers."""

import dagster as dg

from expectations.facts import FACT_TABLES
from orchestration.defs.checks import QUALITY_KEY
from orchestration.defs.quality_report import REPORT_KEY
from orchestration.defs.resources import KommunlagerPaths, WarehouseLock
from orchestration.incremental import extract_state
from orchestration.publishing import publish

PUBLISHED_KEY = dg.AssetKey("published_warehouse")


def published_warehouse_asset(known_assets: set[dg.AssetKey]) -> dg.AssetsDefinition:
    """Given the dbt asset keys, return the publish asset, downstream of every checked table.

    Depending on the fact tables puts it behind their blocking contract
    checks: a failed ERROR check skips it, and the live warehouse stays.
    """
    facts = [dg.AssetKey(t) for t in FACT_TABLES if dg.AssetKey(t) in known_assets]

    @dg.asset(key=PUBLISHED_KEY, deps=[QUALITY_KEY, REPORT_KEY, *facts], group_name="publish")
    def published_warehouse(
        paths: KommunlagerPaths, warehouse_lock: WarehouseLock
    ) -> dg.MaterializeResult:
        """Given a finished, checked build beside the warehouse, make it the live warehouse."""
        live = publish(paths.warehouse(), extract_state(paths.extracted()), paths.quality())
        return dg.MaterializeResult(metadata={"warehouse": dg.MetadataValue.path(str(live))})

    return published_warehouse
