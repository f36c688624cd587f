with columns_classified as (
    select * from {{ ref('int_columns_classified') }}
),

reports as (
    select * from {{ ref('stg_extracted__reports') }}
),

in_context as (
    select
        columns_classified.*,
        -- a deviation beside a forecast column is one against the forecast
        bool_or(columns_classified.header_role = 'forecast') over (
            partition by columns_classified.report_key, columns_classified.table_id
        ) as has_forecast_column,
        reports.period_kind,
        reports.fiscal_year as report_fiscal_year,
        -- `Utfall fg år` names the year before the report's without printing it
        coalesce(
            columns_classified.header_year,
            case when columns_classified.names_prior_year then reports.fiscal_year - 1 end,
            reports.fiscal_year
        ) as fiscal_year
    from columns_classified
    inner join reports
        on columns_classified.report_key = reports.report_key
),

resolved as (
    select
        *,
        {{ resolve_measure(
            'header_role', 'fiscal_year', 'report_fiscal_year', 'period_kind',
            'has_ytd_marker', 'mentions_forecast', 'has_forecast_column'
        ) }} as resolved_measure,
        -- forecast rounds of one year (`Prognos T1` beside `Prognos T2`): the latest is the forecast
        count(*) filter (where header_role = 'forecast') over by_year as n_forecasts,
        count(distinct round_rank) filter (where header_role = 'forecast') over by_year as n_rounds,
        max(round_rank) filter (where header_role = 'forecast') over by_year as latest_round
    from in_context
    window by_year as (partition by report_key, table_id, fiscal_year)
),

rounded as (
    select
        *,
        case
            when resolved_measure != 'forecast' or n_forecasts = 1 then resolved_measure
            when n_forecasts = 2 and n_rounds = 2 and round_rank = latest_round then 'forecast'
            when n_forecasts = 2 and n_rounds = 2 then 'forecast_previous'
            else 'unknown'
        end as measure
    from resolved
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
            when header_ambiguity is not null then 'ambiguous header: ' || header_ambiguity
            when resolved_measure = 'forecast' and measure = 'unknown'
                then 'several forecasts of one year whose rounds are not told apart'
            when header_role = 'deviation' and measure = 'deviation' and period_kind != 'annual'
                then 'deviation of unknown basis: no forecast, no date, not an annual report'
        end as measure_warning
    from rounded
)

select * from final
