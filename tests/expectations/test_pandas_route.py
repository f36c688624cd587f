"""Why GE runs on pandas frames read from DuckDB rather than on a GE SQL datasource."""

import duckdb
import great_expectations as gx
import pytest
from great_expectations.datasource.fluent.interfaces import TestConnectionError

from expectations.reconciliation import write_quality_reconciliation


def test_ge_sql_datasource_cannot_open_a_duckdb_warehouse(tmp_path):
    """If this starts passing, GE's SQL route works and the pandas detour can be revisited."""
    warehouse = tmp_path / "warehouse.duckdb"
    duckdb.connect(str(warehouse)).close()
    context = gx.get_context(mode="ephemeral")
    with pytest.raises(TestConnectionError, match="duckdb"):
        context.data_sources.add_sql("warehouse", connection_string=f"duckdb:///{warehouse}")


def test_pandas_route_keeps_duckdb_nulls_and_row_order(tmp_path):
    """DuckDB NULL doubles must arrive as missing values, in row order, for index verdicts."""
    warehouse = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            "create table reconciliation_checks as select * from (values"
            " ('k', 'fct_operating_budget', 1, 'sum_of_lines', 'budget', 'A', 5.0, 5.0, 0.0, 0.5,"
            " 2, null),"
            " ('k', 'fct_operating_budget', 1, 'sum_of_lines', 'budget', 'B', 5.0, null, null,"
            " 0.5, 2, 'unreadable'),"
            " ('k', 'fct_operating_budget', 1, 'sum_of_lines', 'budget', 'C', 5.0, 9.0, 4.0, 0.5,"
            " 2, null))"
            " as t(report_key, relation, table_id, check_name, measure, line_item, expected,"
            " actual, difference, tolerance, n_terms, detail)"
        )
    result = write_quality_reconciliation(warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        passed = con.execute(
            "select line_item, passed from quality_reconciliation order by line_item"
        ).fetchall()
    assert passed == [("A", True), ("B", False), ("C", False)]
    assert result.n_checks == 3
