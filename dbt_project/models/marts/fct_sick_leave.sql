with rates as (
    select * from {{ ref('int_sick_leave_rates_unioned') }}
),

reports as (
    select * from {{ ref('int_reports_keyed') }}
),

final as (
    select
        concat_ws('-', rates.report_key, rates.source_kind, rates.page, rates.population) as fact_key,
        rates.report_key,
        reports.municipality_code,
        reports.committee_key,
        reports.period_key,
        rates.page,
        cast(null as varchar) as org_unit,
        rates.source_kind,
        rates.population,
        rates.sick_leave_pct,
        rates.target_pct,
        rates.target_comparator,
        -- the rate covers the report's period unless its column names another year
        case
            when coalesce(rates.fiscal_year, reports.fiscal_year) = reports.fiscal_year
                then reports.period_start
        end as period_start,
        case
            when coalesce(rates.fiscal_year, reports.fiscal_year) = reports.fiscal_year
                then reports.period_end
        end as period_end,
        -- no printed figure sums or derives a rate, so none is reconciled
        'not_checked' as verification_status
    from rates
    inner join reports
        on rates.report_key = reports.report_key
)

select * from final
