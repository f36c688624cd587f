with amounts as (
    select * from {{ changed_only(ref('int_amounts_normalised')) }}
),

reports as (
    select * from {{ changed_only(ref('int_reports_keyed')) }}
),

shifted_rows as (
    select * from {{ changed_only(ref('int_rows_shifted')) }}
),

investment as (
    select * from amounts
    where
        table_kind = 'investment'
        and measure not in ('ignore', 'label', 'unknown', 'target', 'consumption_pct')
        -- a row printed off its columns is withheld (quality_table_coverage says so)
        and {{ not_withheld('amounts', 'shifted_rows') }}
),

totals as (
    -- the table's grand total is its last printed sum line, below every part it sums
    select
        report_key,
        table_id,
        max(row_index) as primary_total_row
    from investment
    where is_total and not coalesce(is_subline, false)
    group by report_key, table_id
),

final as (
    select
        concat_ws('-', investment.report_key, investment.table_id, investment.row_index, investment.col_index)
            as fact_key,
        investment.report_key,
        reports.municipality_code,
        reports.committee_key,
        reports.period_key,
        investment.page,
        investment.table_id,
        investment.row_index,
        investment.col_index,
        cast(null as varchar) as org_unit,
        investment.line_item as project,
        {{ project_code('investment.line_item') }} as project_code,
        investment.is_total,
        coalesce(investment.row_index = totals.primary_total_row, false) as is_primary_total,
        investment.is_subline,
        investment.parent_line_item,
        investment.column_header,
        investment.measure,
        investment.measure_warning,
        investment.fiscal_year,
        investment.amount_sek,
        investment.amount_as_printed,
        investment.number_flag,
        investment.unit,
        investment.unit_source,
        investment.sign_factor,
        investment.sign_basis
    from investment
    inner join reports
        on investment.report_key = reports.report_key
    left join totals
        on investment.report_key = totals.report_key and investment.table_id = totals.table_id
)

select * from final
