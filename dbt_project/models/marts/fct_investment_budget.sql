with amounts as (
    select * from {{ ref('int_amounts_normalised') }}
),

reports as (
    select * from {{ ref('int_reports_keyed') }}
),

shifted_rows as (
    select * from {{ ref('int_rows_shifted') }}
),

investment as (
    select * from amounts
    where
        table_kind = 'investment'
        and measure not in ('ignore', 'label', 'unknown', 'target', 'consumption_pct')
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
        -- a project number printed before the name (`77023 Brandbergens centrum`)
        nullif(regexp_extract(investment.line_item, '^(\d{2,})\s+\S', 1), '') as project_code,
        investment.is_total,
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
)

select * from final
