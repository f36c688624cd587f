-- The sign convention a sentence proves for an operating table: `prognostiserar ett
-- underskott på 0,4 mnkr` is a forecast 0,4 mnkr worse than budget, so a total whose
-- printed forecast - budget has that size says which way the table prints money:
-- 56 208 - 55 786 = +422 tkr against a deficit is money out printed positive (-1), and
-- `nettokostnad för 2025 budgeteras till 289,6 mnkr` is money out of a total budget of
-- that size (289 643 tkr printed positive: -1). Only a size that agrees within both
-- roundings counts, and only when every match in the table names one convention.
with located as (
    select * from {{ changed_only(ref('int_cells_located')) }}
),

tables_classified as (
    select * from {{ changed_only(ref('int_tables_classified')) }}
),

definitions as (
    select * from {{ ref('deviation_definitions') }}
),

prose_facts as (
    select * from {{ changed_only(ref('int_prose_facts_deduplicated')) }}
),

stated_figures as (
    select
        *,
        abs(cast(replace(regexp_replace(as_printed, '[^0-9,]', '', 'g'), ',', '.') as double))
            as printed_value,
        coalesce(length(regexp_extract(as_printed, ',(\d+)', 1)), 0) as decimals
    from prose_facts
    where fact in ('deviation_sek', 'deviation_forecast_sek', 'net_cost_budget_sek') and fact_value != 0
),

stated_results as (
    -- a deviation stated in favourable-positive SEK, with half its printed unit
    select
        report_key,
        fact,
        fact_value,
        0.5 * abs(fact_value) / printed_value * pow(10, -decimals) as half_unit
    from stated_figures
    where printed_value > 0
),

stated_measures as (
    -- what each stated result compares: the forecast with the budget, or an outcome
    select
        stated_results.*,
        definitions.minuend_measure,
        definitions.subtrahend_measure
    from stated_results
    inner join definitions
        on
            (stated_results.fact = 'deviation_forecast_sek' and definitions.deviation_measure = 'deviation_forecast')
            or (stated_results.fact = 'deviation_sek' and definitions.deviation_measure in ('deviation', 'deviation_ytd'))
),

total_figures as (
    select
        located.report_key,
        located.table_id,
        located.row_index,
        located.fiscal_year,
        located.measure,
        located.printed_number * tables_classified.factor_sek as printed_sek,
        0.5 * tables_classified.factor_sek * pow(10, -coalesce(located.decimals, 0)) as half_unit
    from located
    inner join tables_classified
        on located.report_key = tables_classified.report_key and located.table_id = tables_classified.table_id
    where
        tables_classified.table_kind = 'operating'
        and located.is_total and not located.is_percent and located.printed_number is not null
),

matches as (
    select
        minuend.report_key,
        minuend.table_id,
        cast(sign(stated_measures.fact_value) * sign(minuend.printed_sek - subtrahend.printed_sek) as integer)
            as sign_factor
    from stated_measures
    inner join total_figures as minuend
        on
            stated_measures.report_key = minuend.report_key
            and stated_measures.minuend_measure = minuend.measure
    inner join total_figures as subtrahend
        on
            minuend.report_key = subtrahend.report_key
            and minuend.table_id = subtrahend.table_id
            and minuend.row_index = subtrahend.row_index
            and minuend.fiscal_year = subtrahend.fiscal_year
            and stated_measures.subtrahend_measure = subtrahend.measure
    where
        abs(abs(minuend.printed_sek - subtrahend.printed_sek) - abs(stated_measures.fact_value))
        <= stated_measures.half_unit + minuend.half_unit + subtrahend.half_unit
        -- the difference's sign is certain: printed 5,6 against 5,5 is an outcome of at
        -- least 5,55 against a budget below it (half rounds up)
        and abs(minuend.printed_sek - subtrahend.printed_sek) >= minuend.half_unit + subtrahend.half_unit
),

level_matches as (
    -- a budgeted net cost stated in money-out SEK, matched by a total's printed budget
    select
        totals.report_key,
        totals.table_id,
        cast(sign(stated_results.fact_value) * sign(totals.printed_sek) as integer) as sign_factor
    from stated_results
    inner join total_figures as totals
        on stated_results.report_key = totals.report_key
    where
        stated_results.fact = 'net_cost_budget_sek'
        and totals.measure = 'budget'
        and totals.printed_sek != 0
        and abs(abs(totals.printed_sek) - abs(stated_results.fact_value))
        <= stated_results.half_unit + totals.half_unit
),

all_matches as (
    select * from matches
    union all
    select * from level_matches
),

final as (
    select
        report_key,
        table_id,
        min(sign_factor) as sign_factor
    from all_matches
    group by report_key, table_id
    having count(distinct sign_factor) = 1
)

select * from final
