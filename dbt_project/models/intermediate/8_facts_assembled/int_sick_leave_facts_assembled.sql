with rates as (
    select * from {{ ref('int_sick_leave_rates_unioned') }}
),

reports as (
    select * from {{ ref('int_reports_keyed') }}
),

rates_dated as (
    select
        rates.*,
        coalesce(rates.fiscal_year, reports.fiscal_year) as rate_year,
        reports.fiscal_year - coalesce(rates.fiscal_year, reports.fiscal_year) as years_back,
        reports.municipality_code,
        reports.committee_key,
        reports.period_key,
        reports.period_kind,
        reports.period_start as report_period_start,
        reports.period_end as report_period_end
    from rates
    inner join reports
        on rates.report_key = reports.report_key
),

final as (
    select
        -- a printed rate by its place (two tables on one page may print the same line); a
        -- prose rate by what it is, whichever sentence states it (int_prose_facts_once)
        case
            when source_kind = 'prose'
                then concat_ws('-', report_key, source_kind, page, population, rate_year)
            else concat_ws('-', report_key, source_kind, page, table_id, row_index, population, rate_year)
        end as fact_key,
        report_key,
        municipality_code,
        committee_key,
        period_key,
        page,
        org_unit,
        source_kind,
        table_id,
        population,
        rate_year as fiscal_year,
        sick_leave_pct,
        target_pct,
        target_comparator,
        -- the report's own period; an earlier year's rate covers that whole year where
        -- the report closes a year or the column says so, the same period a year back
        -- where the column says that, and an unknown span otherwise (a bare year beside
        -- an interim period)
        case
            when years_back = 0 or measure = 'outcome_ytd_prior_year'
                then cast(report_period_start - to_years(years_back) as date)
            when measure = 'outcome_prior_year' or period_kind = 'annual'
                then make_date(rate_year, 1, 1)
        end as period_start,
        case
            when years_back = 0 or measure = 'outcome_ytd_prior_year'
                then cast(report_period_end - to_years(years_back) as date)
            when measure = 'outcome_prior_year' or period_kind = 'annual'
                then make_date(rate_year, 12, 31)
        end as period_end,
        source_text
    from rates_dated
)

select * from final
