"""The fact-table contract suite: lineage keys present, measures from the contract, pages 1-based.

A failure here means the warehouse broke its contract (docs: warehouse-contract.md),
unlike a failed reconciliation, which is the source document's own inconsistency.
A fact table is validated in batches of `BATCH_ROWS`, so memory stays bounded
however many reports the warehouse holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from expectations.runner import SuiteOutcome, run_suite

if TYPE_CHECKING:
    import pandas as pd

BATCH_ROWS = 100_000  # rows per GE validation; a national fact table is tens of millions
FACT_TABLES = ("fct_operating_budget", "fct_investment_budget", "fct_staffing", "fct_sick_leave")

# Every fact row names where it came from (contract: Lineage).
KEY_COLUMNS = ("report_key", "page")

# The contract's measure vocabulary (warehouse-contract.md, Measures).
CONTRACT_MEASURES = frozenset(
    {
        "budget",
        "budget_ytd",
        "outcome_ytd",
        "outcome_ytd_prior_year",
        "outcome",
        "outcome_prior_year",
        "forecast",
        "forecast_previous",
        "deviation_ytd",
        "deviation_forecast",
        "deviation",
        "consumption_pct",
        "plan",
        "budget_cumulative",
        "project_budget_total",
        "project_forecast_total",
        "project_cost_to_date",
        "project_deviation_total",
    }
)


def fact_expectations(columns: list[str]) -> list:
    """Given a fact table's columns, return the contract expectations that apply to it."""
    import great_expectations.expectations as gxe

    expectations = [gxe.ExpectColumnValuesToNotBeNull(column=c) for c in KEY_COLUMNS]
    expectations.append(gxe.ExpectColumnValuesToBeBetween(column="page", min_value=1))
    if "measure" in columns:
        expectations += [
            gxe.ExpectColumnValuesToNotBeNull(column="measure"),
            gxe.ExpectColumnValuesToBeInSet(column="measure", value_set=sorted(CONTRACT_MEASURES)),
        ]
    return expectations


def validate_facts(
    frame: pd.DataFrame, relation: str, docs_dir: Path | None = None, first_row: int = 0
) -> SuiteOutcome:
    """Given rows of one fact table (from row `first_row` on), return GE's contract verdict."""
    frame = frame.reset_index(drop=True)
    frame.index += first_row  # rejected rows are named by their position in the whole table
    return run_suite(frame, f"contract_{relation}", fact_expectations(list(frame)), docs_dir)


def check_fact_table(
    warehouse_path: Path,
    relation: str,
    docs_dir: Path | None = None,
    batch_rows: int = BATCH_ROWS,
    report_keys: Sequence[str] | None = None,
) -> SuiteOutcome:
    """Given a warehouse file and a fact table name, return GE's verdict on its contract.

    With `report_keys`, only those reports' rows (and any row without a report key, the
    contract's own breach) are validated: an incremental build's changed reports, whose
    other rows the published build's check passed. Rows are then named by their position
    among those validated.
    """
    outcomes = []
    rows = f"select * from {relation}"
    if report_keys is not None:
        rows += " where report_key is null or report_key in (select unnest($keys))"
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        keys = None if report_keys is None else {"keys": list(report_keys)}
        batches = con.sql(rows, params=keys).to_arrow_reader(batch_rows)
        first_row = 0
        for batch in batches:
            frame = batch.to_pandas()
            outcomes.append(validate_facts(frame, relation, docs_dir, first_row))
            first_row += len(frame)
        if not outcomes:  # an empty table still gets its verdict (and its Data Docs page)
            empty = con.execute(f"select * from {relation} limit 0").df()
            outcomes.append(validate_facts(empty, relation, docs_dir))
    return SuiteOutcome.combined(outcomes)
