with rates as (
    select * from {{ changed_only(ref('int_sick_leave_rates_unioned')) }}
),

reports as (
    select * from {{ changed_only(ref('int_reports_keyed')) }}
),

population_vocabulary as (
    select * from {{ ref('population_vocabulary') }}
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

-- the group the printed words name, where the vocabulary knows them
population_words as (
    select
        rates.population,
        arg_min(population_vocabulary.population_group, population_vocabulary.precedence) as population_group
    from (select distinct population from rates) as rates
    inner join population_vocabulary
        on regexp_matches(lower(rates.population), population_vocabulary.pattern)
    group by rates.population
),

-- who a rate covers, as a group: an age band, women or men by the printed words; else a
-- unit the rate is owned by; else the whole committee, by words that say nothing more
-- (`Totalt`) or a sentence naming no one; else no group (`Sjukfrånvaro exkl. AME`)
rates_grouped as (
    select
        rates_dated.*,
        case
            when population_words.population_group in ('age_band', 'women', 'men')
                then population_words.population_group
            when rates_dated.org_unit is not null then 'unit'
            when rates_dated.population is null and rates_dated.source_kind = 'prose' then 'total'
            else population_words.population_group
        end as population_group
    from rates_dated
    left join population_words
        on rates_dated.population = population_words.population
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
        population_group,
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
    from rates_grouped
)

select * from final
