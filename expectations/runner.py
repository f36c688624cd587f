"""Run one Great Expectations suite over a pandas frame, with HTML Data Docs on disk.

GE 1.x runs here on pandas frames read from DuckDB: its SQL datasource needs a
SQLAlchemy dialect for DuckDB (duckdb-engine), which this environment does not
have (tests/expectations/test_pandas_route.py shows both facts).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # GE is imported when a suite runs: it costs seconds to every code location
    import pandas as pd
    from great_expectations.expectations import Expectation

DOCS_SITE_NAME = "kommunlager"
RESULT_FORMAT = {"result_format": "COMPLETE"}  # COMPLETE returns every failing row index


@dataclass(frozen=True)
class ExpectationOutcome:
    """One expectation's verdict and the frame index labels of the rows it rejected."""

    expectation: str
    column: str
    success: bool
    unexpected_index: tuple[int, ...]
    error: str | None = None  # GE could not evaluate it (e.g. a missing column)


@dataclass(frozen=True)
class SuiteOutcome:
    """A suite's verdict over one frame."""

    suite_name: str
    success: bool
    expectations: tuple[ExpectationOutcome, ...]

    def failed_rows(self) -> frozenset[int]:
        """Given the outcome, return the index labels any expectation rejected."""
        return frozenset(i for e in self.expectations for i in e.unexpected_index)

    @staticmethod
    def combined(outcomes: Sequence[SuiteOutcome]) -> SuiteOutcome:
        """Given one suite's outcomes over consecutive batches of a table, return the whole."""
        merged = [
            ExpectationOutcome(
                expectation=same[0].expectation,
                column=same[0].column,
                success=all(e.success for e in same),
                unexpected_index=tuple(i for e in same for i in e.unexpected_index),
                error=next((e.error for e in same if e.error), None),
            )
            for same in zip(*(outcome.expectations for outcome in outcomes), strict=True)
        ]
        return SuiteOutcome(
            suite_name=outcomes[0].suite_name,
            success=all(outcome.success for outcome in outcomes),
            expectations=tuple(merged),
        )


def save_outcome(outcome: SuiteOutcome, path: Path) -> Path:
    """Given a suite's outcome, write it as JSON (for the quality report); return the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(asdict(outcome)), encoding="utf-8")
    return path


def load_outcome(path: Path) -> SuiteOutcome:
    """Given a file save_outcome wrote, return the suite's outcome."""
    data = json.loads(path.read_text(encoding="utf-8"))
    expectations = tuple(
        ExpectationOutcome(**{**e, "unexpected_index": tuple(e["unexpected_index"])})
        for e in data["expectations"]
    )
    return SuiteOutcome(data["suite_name"], data["success"], expectations)


def run_suite(
    frame: pd.DataFrame,
    suite_name: str,
    expectations: list[Expectation],
    docs_dir: Path | None = None,
) -> SuiteOutcome:
    """Given a frame and expectations, return GE's verdict (and write Data Docs to docs_dir)."""
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction

    context = _ephemeral_context(docs_dir)
    batch = (
        context.data_sources.add_pandas("frames")
        .add_dataframe_asset(suite_name)
        .add_batch_definition_whole_dataframe("whole_frame")
    )
    suite = context.suites.add(gx.ExpectationSuite(name=suite_name, expectations=expectations))
    validation = context.validation_definitions.add(
        gx.ValidationDefinition(name=suite_name, data=batch, suite=suite)
    )
    actions = [UpdateDataDocsAction(name="data_docs")] if docs_dir else []
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(
            name=suite_name,
            validation_definitions=[validation],
            actions=actions,
            result_format=RESULT_FORMAT,
        )
    )
    result = checkpoint.run(batch_parameters={"dataframe": frame})
    (run,) = result.run_results.values()
    return SuiteOutcome(
        suite_name=suite_name,
        success=bool(result.success),
        expectations=tuple(_expectation_outcome(r) for r in run.results),
    )


def _ephemeral_context(docs_dir: Path | None):
    """Given an optional docs folder, return an in-memory GE context that builds docs there."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    if docs_dir is not None:
        context.add_data_docs_site(
            site_name=DOCS_SITE_NAME,
            site_config={
                "class_name": "SiteBuilder",
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(Path(docs_dir).resolve()),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    return context


def _expectation_outcome(result) -> ExpectationOutcome:
    """Given one GE expectation result, return its verdict and rejected row labels."""
    config = result.expectation_config
    kwargs = config.kwargs
    column = kwargs.get("column") or f"{kwargs.get('column_A')},{kwargs.get('column_B')}"
    return ExpectationOutcome(
        expectation=config.type,
        column=column,
        success=bool(result.success),
        unexpected_index=tuple(int(i) for i in result.result.get("unexpected_index_list") or ()),
        error=_exception_message(result),
    )


def _exception_message(result) -> str | None:
    """Given one GE expectation result, return the message of the error it raised, if any."""
    info = result.exception_info or {}
    if info.get("raised_exception"):
        return str(info.get("exception_message"))
    nested = [v for v in info.values() if isinstance(v, dict) and v.get("raised_exception")]
    return str(nested[0].get("exception_message")) if nested else None
