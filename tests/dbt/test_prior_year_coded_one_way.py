"""The prior_year_coded_one_way test fails on a prior-year outcome coded any other way.

Real dbt (`dbt show --inline` of the generic test, with the project graph) over a
real DuckDB warehouse holding a report of 2022, its columns as read and its facts:
a prior-year outcome stored as outcome_ytd of 2021, as a deviation of 2021 from an
outcome column, and outcome_prior_year of 2020 fail; outcome_ytd_prior_year of 2021,
a real deviation column of 2021 (`Budgetavvikelse Mar 2021`), an outcome of 2020,
and a deviation of 2021 named by its row in a table whose columns are bare years
(read as outcomes) pass.
"""

import duckdb

from tests.dbt.test_contract_breaches import show

REPORTS = "select 'r' as report_key, 2022 as fiscal_year"
COLUMNS = """
    select * from (values
        ('r', 1, 1, 'Utfall mar 2021', 'outcome'),
        ('r', 1, 2, 'Budgetavvikelse Mar 2021', 'deviation'),
        ('r', 1, 3, 'Utfall 2020', 'outcome'),
        ('r', 2, 1, '2021', 'outcome')
    ) as columns_measured(report_key, table_id, col_index, column_header, header_role)
"""
TRANSPOSED = """
    select * from (values
        ('r', 2, 2, 1, 'deviation')
    ) as transposed(report_key, table_id, row_index, col_index, measure)
"""
FACTS = """
    select * from (values
        ('kept prior-year outcome', 'r', 1, 1, 1, 'outcome_ytd_prior_year', 2021),
        ('kept prior-year deviation', 'r', 1, 1, 2, 'deviation_ytd', 2021),
        ('kept earlier outcome', 'r', 1, 1, 3, 'outcome', 2020),
        ('kept deviation its row names', 'r', 2, 2, 1, 'deviation', 2021),
        ('outcome of the prior year', 'r', 1, 1, 1, 'outcome_ytd', 2021),
        ('outcome column as a deviation', 'r', 1, 1, 1, 'deviation_ytd', 2021),
        ('prior-year measure of another year', 'r', 1, 1, 3, 'outcome_prior_year', 2020)
    ) as facts(fact_key, report_key, table_id, row_index, col_index, measure, fiscal_year)
"""
TEST = (
    "{{ test_prior_year_coded_one_way(api.Relation.create("
    "database='facts', schema='main', identifier='facts')) }}"
)


def test_fails_on_each_other_coding_of_a_prior_year_outcome_and_keeps_a_real_deviation(tmp_path):
    warehouse = tmp_path / "facts.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute(f"create table dim_report as {REPORTS}")
        con.execute("create schema intermediate")
        con.execute(f"create table intermediate.int_columns_measured as {COLUMNS}")
        con.execute(f"create table intermediate.int_cells_transposed as {TRANSPOSED}")
        con.execute(f"create table facts as {FACTS}")
    failing = sorted(row["fact_key"] for row in show(warehouse, TEST, tmp_path))
    assert failing == [
        "outcome column as a deviation",
        "outcome of the prior year",
        "prior-year measure of another year",
    ]
