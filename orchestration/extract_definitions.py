"""The extract-only code location: what an extraction worker loads (no dbt, no GE).

`dagster job execute -m orchestration.extract_definitions -j extract_reports`
runs one extract run; Celery workers and extract pods load this module, so a
worker starts in the time it takes to import Dagster and the extract package.
Paths come from the `KOMMUNLAGER_*` environment variables, read at run time.
"""

import dagster as dg

from orchestration.defs.assets import ExtractProgress, extracted_report
from orchestration.defs.jobs import extract_reports
from orchestration.defs.resources import KommunlagerPaths


def extract_definitions(paths: KommunlagerPaths | None = None) -> dg.Definitions:
    """Given paths (default: from the environment at run time), return the extract defs."""
    return dg.Definitions(
        assets=[extracted_report],
        jobs=[extract_reports],
        resources={"paths": paths or KommunlagerPaths(), "progress": ExtractProgress()},
    )


defs = extract_definitions()


def extract_job() -> dg.JobDefinition:
    """Given nothing, return the extract job (for `dg.reconstructable` in other processes)."""
    return defs.resolve_job_def(extract_reports.name)
