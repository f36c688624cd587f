"""The page a user opens to see what a build found: the offline quality report.

Written after the reconciliation and every fact table's contract check, into
the quality folder of the build in progress, and published with it. It reads
the warehouse, each contract suite's outcome the checks saved, and dbt's
run results of the same build.
"""

import json

import dagster as dg

from expectations.facts import FACT_TABLES
from expectations.runner import load_outcome
from orchestration.defs.checks import CONTRACT_DIR, QUALITY_KEY
from orchestration.defs.dbt import dbt_target
from orchestration.defs.resources import KommunlagerPaths
from orchestration.publishing import building_docs, current_build
from orchestration.quality_report import write_quality_report

REPORT_KEY = dg.AssetKey("quality_report")
REPORT_FILE = "index.html"  # the path the CLI prints and the README names
RUN_RESULTS = "run_results.json"


def _dbt_results(paths: KommunlagerPaths) -> dict | None:
    """Given the paths, return dbt's run results of this warehouse's last build, if readable."""
    try:
        return json.loads((dbt_target(paths) / RUN_RESULTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def quality_report_asset(known_assets: set[dg.AssetKey]) -> dg.AssetsDefinition:
    """Given the dbt asset keys, return the report asset, after every contract check."""
    facts = [dg.AssetKey(t) for t in FACT_TABLES if dg.AssetKey(t) in known_assets]

    @dg.asset(key=REPORT_KEY, deps=[QUALITY_KEY, *facts], group_name="quality", kinds={"html"})
    def quality_report(paths: KommunlagerPaths) -> dg.MaterializeResult:
        """Given the checked build, write its quality report (one offline HTML page)."""
        docs = building_docs(paths.quality())
        outcomes = [load_outcome(p) for p in sorted((docs / CONTRACT_DIR).glob("*.json"))]
        write_quality_report(
            current_build(paths.warehouse()), docs / REPORT_FILE, outcomes, _dbt_results(paths)
        )
        return dg.MaterializeResult(
            metadata={"report": dg.MetadataValue.path(str(paths.quality() / REPORT_FILE))}
        )

    return quality_report
