with amounts as (
    select * from {{ ref('int_amounts_normalised') }}
),

reports as (
    select * from {{ ref('int_reports_keyed') }}
),

org_units as (
    select * from {{ ref('int_rows_org_units_assigned') }}
),

operating as (
    select * from amounts
    where
        table_kind = 'operating'
        and measure not in ('ignore', 'label', 'unknown', 'target')
        and coalesce(line_role, '') not in (
            'annual_work_units', 'employees', 'employees_women', 'employees_men',
            'salary_cost_sek', 'sick_leave', 'ratio_or_count'
        )
),

verification as (
    select * from {{ ref('reconciliation_table_status') }}
    where relation = 'fct_operating_budget'
),

totals as (
    -- the table's grand total is its last printed sum line, below every part it sums
    select
        report_key,
        table_id,
        max(row_index) as primary_total_row
    from operating
    where is_total and not coalesce(is_subline, false)
    group by report_key, table_id
),

final as (
    select
        concat_ws('-', operating.report_key, operating.table_id, operating.row_index, operating.col_index)
            as fact_key,
        operating.report_key,
        reports.municipality_code,
        reports.committee_key,
        reports.period_key,
        operating.page,
        operating.table_id,
        operating.row_index,
        operating.col_index,
        org_units.org_unit,
        operating.line_item,
        operating.is_total,
        coalesce(operating.row_index = totals.primary_total_row, false) as is_primary_total,
        operating.is_subline,
        operating.parent_line_item,
        operating.line_role,
        operating.column_header,
        operating.measure,
        operating.measure_warning,
        operating.fiscal_year,
        operating.amount_sek,
        operating.amount_pct,
        operating.amount_as_printed,
        operating.number_flag,
        operating.unit,
        operating.unit_source,
        operating.sign_factor,
        operating.sign_basis,
        coalesce(verification.verification_status, 'not_checked') as verification_status
    from operating
    inner join reports
        on operating.report_key = reports.report_key
    left join totals
        on operating.report_key = totals.report_key and operating.table_id = totals.table_id
    left join verification
        on operating.report_key = verification.report_key and operating.table_id = verification.table_id
    left join org_units
        on
            operating.report_key = org_units.report_key
            and operating.table_id = org_units.table_id
            and operating.row_index = org_units.row_index
)

select * from final
