"""The extract-only code location on Dagster's Celery executor (`dagster-celery`).

A run of `extract_reports_celery` sends its extract step to a Celery queue;
`dagster-celery worker start -A dagster_celery.app` processes, on any host
that sees the same Dagster instance and the same raw and extracted folders,
take the steps. Broker and backend come from the run config
(`execution.config.broker`, `.backend`); the workers read the same values
from their `-y` file.
"""

import dagster as dg
from dagster_celery import celery_executor

from orchestration.defs.assets import ExtractProgress, extracted_report
from orchestration.defs.jobs import EXTRACT_GROUP, EXTRACT_STAGE, STAGE_TAG
from orchestration.defs.resources import KommunlagerPaths

CELERY_JOB = "extract_reports_celery"

extract_reports_celery = dg.define_asset_job(
    name=CELERY_JOB,
    selection=dg.AssetSelection.groups(EXTRACT_GROUP),
    description="Extract report partitions, each run's step on a Celery worker.",
    executor_def=celery_executor,
    tags={STAGE_TAG: EXTRACT_STAGE},
)

defs = dg.Definitions(
    assets=[extracted_report],
    jobs=[extract_reports_celery],
    resources={"paths": KommunlagerPaths(), "progress": ExtractProgress()},
)
