"""The fact-table contract suite, on frames read back from a real DuckDB file."""

import duckdb

from expectations.facts import check_fact_table


def write_facts(tmp_path, sql: str):
    """Given a select statement, return a warehouse file holding it as fct_operating_budget."""
    warehouse = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute(f"create table fct_operating_budget as {sql}")
    return warehouse


def test_facts_with_keys_and_contract_measures_hold_the_contract(tmp_path):
    warehouse = write_facts(
        tmp_path,
        "select * from (values ('0123456789abcdef', 3, 'budget'), ('0123456789abcdef', 4,"
        " 'outcome_ytd')) as t(report_key, page, measure)",
    )
    outcome = check_fact_table(warehouse, "fct_operating_budget")
    assert outcome.success


def test_null_key_unknown_measure_and_page_zero_break_the_contract(tmp_path):
    warehouse = write_facts(
        tmp_path,
        "select * from (values ('0123456789abcdef', 3, 'budget'), (null, 4, 'budget'),"
        " ('0123456789abcdef', 0, 'utfall')) as t(report_key, page, measure)",
    )
    outcome = check_fact_table(warehouse, "fct_operating_budget")
    broken = {(e.expectation, e.column): e.unexpected_index for e in outcome.expectations}
    assert not outcome.success
    assert broken[("expect_column_values_to_not_be_null", "report_key")] == (1,)
    assert broken[("expect_column_values_to_be_between", "page")] == (2,)
    assert broken[("expect_column_values_to_be_in_set", "measure")] == (2,)


def test_fact_table_without_measure_is_checked_for_keys_only(tmp_path):
    warehouse = write_facts(tmp_path, "select 'k' as report_key, 2 as page, 4.1 as sick_leave_pct")
    outcome = check_fact_table(warehouse, "fct_operating_budget")
    assert outcome.success
    assert {e.column for e in outcome.expectations} == {"report_key", "page"}


def test_batched_validation_names_rows_of_the_whole_table_like_one_batch(tmp_path):
    warehouse = write_facts(
        tmp_path,
        "select * from (values ('k', 1, 'budget'), ('k', 2, 'budget'), ('k', 3, 'budget'),"
        " (null, 4, 'budget'), ('k', 0, 'utfall')) as t(report_key, page, measure)",
    )
    whole = check_fact_table(warehouse, "fct_operating_budget")
    batched = check_fact_table(warehouse, "fct_operating_budget", batch_rows=2)
    broken = {(e.expectation, e.column): e.unexpected_index for e in batched.expectations}
    assert not batched.success
    assert broken[("expect_column_values_to_not_be_null", "report_key")] == (3,)
    assert broken[("expect_column_values_to_be_in_set", "measure")] == (4,)
    assert batched.expectations == whole.expectations


def test_empty_fact_table_holds_the_contract(tmp_path):
    warehouse = write_facts(
        tmp_path, "select 'k' as report_key, 1 as page, 'budget' as measure limit 0"
    )
    outcome = check_fact_table(warehouse, "fct_operating_budget")
    assert outcome.success and len(outcome.expectations) == 5


def test_checking_some_reports_validates_their_rows_and_rows_without_a_report(tmp_path):
    warehouse = write_facts(
        tmp_path,
        "select * from (values ('kept', 0, 'utfall'), ('changed', 2, 'budget'),"
        " ('changed', 0, 'budget'), (null, 4, 'budget')) as t(report_key, page, measure)",
    )
    outcome = check_fact_table(warehouse, "fct_operating_budget", report_keys=["changed"])
    broken = {(e.expectation, e.column): e.unexpected_index for e in outcome.expectations}
    assert broken[("expect_column_values_to_be_between", "page")] == (1,)
    assert broken[("expect_column_values_to_not_be_null", "report_key")] == (2,)
    assert broken[("expect_column_values_to_be_in_set", "measure")] == ()
    keyless_only = check_fact_table(warehouse, "fct_operating_budget", report_keys=[])
    assert [e.column for e in keyless_only.expectations if not e.success] == ["report_key"]
