with amounts as (
    select * from {{ ref('int_amounts_normalised') }}
),

reports as (
    select * from {{ ref('int_reports_keyed') }}
),

shifted_rows as (
    select * from {{ ref('int_rows_shifted') }}
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
        -- a row printed off its columns is withheld (quality_table_coverage says so)
        and not exists (
            select 1 from shifted_rows
            where
                shifted_rows.report_key = amounts.report_key
                and shifted_rows.table_id = amounts.table_id
                and shifted_rows.row_index = amounts.row_index
        )
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
        operating.sign_basis
    from operating
    inner join reports
        on operating.report_key = reports.report_key
    left join org_units
        on
            operating.report_key = org_units.report_key
            and operating.table_id = org_units.table_id
            and operating.row_index = org_units.row_index
)

select * from final
