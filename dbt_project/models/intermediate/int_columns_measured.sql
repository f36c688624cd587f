with columns_classified as (
    select * from {{ ref('int_columns_classified') }}
),

tables_classified as (
    select * from {{ ref('int_tables_classified') }}
),

reports as (
    select * from {{ ref('stg_extracted__reports') }}
),

in_context as (
    select
        columns_classified.*,
        tables_classified.has_forecast_column,
        reports.period_kind,
        reports.fiscal_year as report_fiscal_year,
        coalesce(columns_classified.header_year, reports.fiscal_year) as fiscal_year
    from columns_classified
    inner join tables_classified
        on
            columns_classified.report_key = tables_classified.report_key
            and columns_classified.table_id = tables_classified.table_id
    inner join reports
        on columns_classified.report_key = reports.report_key
),

resolved as (
    select
        *,
        {{ resolve_measure(
            'header_role', 'fiscal_year', 'report_fiscal_year', 'period_kind',
            'has_ytd_marker', 'mentions_forecast', 'has_forecast_column'
        ) }} as measure
    from in_context
),

final as (
    select
        report_key,
        table_id,
        col_index,
        column_header,
        header_role,
        measure,
        fiscal_year,
        has_ytd_marker,
        case
            when header_role = 'deviation' and measure = 'deviation' and period_kind != 'annual'
                then 'deviation of unknown basis: no forecast, no date, not an annual report'
        end as measure_warning
    from resolved
)

select * from final
