with columns_classified as (
    select * from {{ changed_only(ref('int_columns_classified')) }}
),

reports as (
    select * from {{ changed_only(ref('stg_extracted__reports')) }}
),

segmented as (
    -- the columns between one deviation and the one before it are its operands (`Ack.
    -- budget | Ack. utfall | Avvikelse | Helårsprognos | Avv. mot årsbudget`)
    select
        *,
        coalesce(
            count(*) filter (where header_role = 'deviation') over (
                partition by report_key, table_id order by col_index
                rows between unbounded preceding and 1 preceding
            ),
            0
        ) as operand_segment
    from columns_classified
),

segment_scopes as (
    -- what a bare deviation compares, from its operands: a forecast, or a period's
    -- outcome and budget (an interim report's undated outcome of its own year is the
    -- period's, as resolve_measure reads it: `Utfall (U) | Budget jan–aug | Avvikelse`)
    select
        segmented.report_key,
        segmented.table_id,
        segmented.operand_segment,
        case
            when bool_or(segmented.header_role = 'forecast') then 'forecast'
            when
                bool_or(
                    segmented.header_role = 'outcome'
                    and (
                        segmented.has_ytd_marker
                        or (
                            reports.period_kind = 'interim'
                            and not segmented.names_full_year
                            and coalesce(segmented.header_year, reports.fiscal_year)
                            = reports.fiscal_year
                        )
                    )
                )
                and bool_or(segmented.header_role = 'budget' and segmented.has_ytd_marker)
                then 'ytd'
        end as operand_scope
    from segmented
    left join reports
        on segmented.report_key = reports.report_key
    where segmented.header_role != 'deviation'
    group by segmented.report_key, segmented.table_id, segmented.operand_segment
),

scoped as (
    select
        segmented.* exclude (has_ytd_marker),
        -- a deviation that names no scope takes its operands'; one that names the full
        -- year (`Avv. helår`) or a forecast keeps what it names
        segmented.has_ytd_marker or coalesce(
            segmented.header_role = 'deviation'
            and not segmented.names_full_year
            and not segmented.mentions_forecast
            and segment_scopes.operand_scope = 'ytd',
            false
        ) as has_ytd_marker
    from segmented
    left join segment_scopes
        on
            segmented.report_key = segment_scopes.report_key
            and segmented.table_id = segment_scopes.table_id
            and segmented.operand_segment = segment_scopes.operand_segment
),

budgeted_years as (
    -- the year a table budgets, its earliest header year where a budget column names it
    -- (`Budget fg år | Förslag budget 2024 | Plan 2025`): a budget proposal states no
    -- period of its own to count `fg år` back from
    select
        report_key,
        table_id,
        min(header_year) as budgeted_year
    from columns_classified
    group by report_key, table_id
    having arg_min(header_role, header_year) = 'budget'
),

in_context as (
    select
        columns_classified.*,
        -- a deviation beside a forecast column is one against the forecast (one whose
        -- operands are a period's outcome and budget is marked as the period's above)
        bool_or(columns_classified.header_role = 'forecast') over (
            partition by columns_classified.report_key, columns_classified.table_id
        ) as has_forecast_column,
        reports.period_kind,
        reports.fiscal_year as report_fiscal_year,
        -- `Utfall fg år` names the year before the report's (or, in a report without
        -- one, the table's budget year) without printing it
        coalesce(
            columns_classified.header_year,
            case
                when columns_classified.names_prior_year
                    then coalesce(reports.fiscal_year, budgeted_years.budgeted_year) - 1
            end,
            reports.fiscal_year
        ) as fiscal_year
    from scoped as columns_classified
    inner join reports
        on columns_classified.report_key = reports.report_key
    left join budgeted_years
        on
            columns_classified.report_key = budgeted_years.report_key
            and columns_classified.table_id = budgeted_years.table_id
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
