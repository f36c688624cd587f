"""The fact-table contract suite: lineage keys present, measures from the contract, pages 1-based.

A failure here means the warehouse broke its contract (docs: warehouse-contract.md),
unlike a failed reconciliation, which is the source document's own inconsistency.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import great_expectations.expectations as gxe
import pandas as pd

from expectations.runner import SuiteOutcome, run_suite

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
    expectations = [gxe.ExpectColumnValuesToNotBeNull(column=c) for c in KEY_COLUMNS]
    expectations.append(gxe.ExpectColumnValuesToBeBetween(column="page", min_value=1))
    if "measure" in columns:
        expectations += [
            gxe.ExpectColumnValuesToNotBeNull(column="measure"),
            gxe.ExpectColumnValuesToBeInSet(column="measure", value_set=sorted(CONTRACT_MEASURES)),
        ]
    return expectations


def validate_facts(
    frame: pd.DataFrame, relation: str, docs_dir: Path | None = None
) -> SuiteOutcome:
    """Given one fact table's rows, return GE's verdict on the contract."""
    frame = frame.reset_index(drop=True)
    return run_suite(frame, f"contract_{relation}", fact_expectations(list(frame)), docs_dir)


def check_fact_table(
    warehouse_path: Path, relation: str, docs_dir: Path | None = None
) -> SuiteOutcome:
    """Given a warehouse file and a fact table name, return GE's verdict on its contract."""
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        frame = con.sql(f"select * from {relation}").df()
    return validate_facts(frame, relation, docs_dir)
