{% test prior_year_coded_one_way(model) %}
    {#- The year before the report's is coded one way: its outcome is outcome_prior_year or
        outcome_ytd_prior_year (never outcome or outcome_ytd of that year, never a deviation
        standing for it), and those two measures are of that year only. A deviation of the
        earlier year stays a deviation (`Budgetavvikelse Mar 2021` in a 2022 report is that
        period's deviation): what decides is what the figure's source names, its row's
        measure word in a transposed table (int_cells_transposed), else its column's header
        (int_columns_measured), so a figure its source names an outcome is never a deviation. -#}
with facts as (
    select * from {{ model }}
),

reports as (
    select report_key, fiscal_year as report_fiscal_year from {{ ref('dim_report') }}
),

columns_measured as (
    select * from {{ ref('int_columns_measured') }}
),

transposed as (
    select * from {{ ref('int_cells_transposed') }}
),

sourced as (
    select
        facts.fact_key,
        facts.measure,
        facts.fiscal_year,
        reports.report_fiscal_year,
        coalesce(transposed.measure, columns_measured.header_role) as source_role,
        columns_measured.column_header
    from facts
    inner join reports
        on facts.report_key = reports.report_key
    left join columns_measured
        on
            facts.report_key = columns_measured.report_key
            and facts.table_id = columns_measured.table_id
            and facts.col_index = columns_measured.col_index
    left join transposed
        on
            facts.report_key = transposed.report_key
            and facts.table_id = transposed.table_id
            and facts.row_index = transposed.row_index
            and facts.col_index = transposed.col_index
),

final as (
    select * from sourced
    where
        (measure in ('outcome', 'outcome_ytd') and fiscal_year = report_fiscal_year - 1)
        or (
            measure in ('outcome_prior_year', 'outcome_ytd_prior_year')
            and fiscal_year is distinct from report_fiscal_year - 1
        )
        or (
            measure in ('deviation', 'deviation_ytd', 'deviation_forecast')
            and source_role like 'outcome%'
        )
)

select * from final
{% endtest %}
