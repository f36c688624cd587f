with amounts as (
    select * from {{ changed_only(ref('int_amounts_normalised')) }}
),

prose_facts as (
    -- each stated once, with an owner the report names (int_prose_facts_once)
    select * from {{ changed_only(ref('int_prose_facts_once')) }}
    where is_kept
),

reports as (
    select * from {{ changed_only(ref('stg_extracted__reports')) }}
),

from_tables as (
    select
        report_key,
        page,
        'table' as source_kind,
        table_id,
        row_index,
        col_index,
        line_role as metric,
        measure,
        fiscal_year,
        amount_as_printed as as_printed,
        -- a header dated `20-08-31`, `240831`, `2025-06-30` or `30 juni 2025`, or a period
        -- ending in a month (`jan–aug 2025`), says when the figure was taken
        cast(coalesce(
            try_strptime(regexp_extract(column_header, '\b((19|20)\d{2}-\d{2}-\d{2})\b', 1), '%Y-%m-%d'),
            try_strptime(regexp_extract(column_header, '\b(\d{2}-\d{2}-\d{2})\b', 1), '%y-%m-%d'),
            try_strptime(regexp_extract(column_header, '\b(\d{6})\b', 1), '%y%m%d'),
            {{ swedish_date('lower(column_header)') }}
        ) as date) as header_date,
        -- salaries are money out: in SEK and negative (the contract's one sign for money)
        case
            when line_role = 'salary_cost_sek' then -abs(printed_number) * factor_sek
            else printed_number
        end as staffing_value,
        0.5 * pow(10, -coalesce(decimals, 0)) as half_unit,
        cast(null as varchar) as org_unit,
        cast(null as varchar) as source_text
    from amounts
    where
        not coalesce(is_sick_leave_table, false)
        and line_role in ('annual_work_units', 'employees', 'employees_women', 'employees_men', 'salary_cost_sek')
        and measure not in ('ignore', 'label', 'unknown', 'consumption_pct')
),

from_prose as (
    select
        prose_facts.report_key,
        prose_facts.page,
        'prose' as source_kind,
        cast(null as integer) as table_id,
        cast(null as integer) as row_index,
        cast(null as integer) as col_index,
        prose_facts.fact as metric,
        case when reports.period_kind = 'interim' then 'outcome_ytd' else 'outcome' end as measure,
        reports.fiscal_year,
        prose_facts.as_printed,
        cast(null as date) as header_date,
        case
            when prose_facts.fact = 'salary_cost_sek' then -abs(prose_facts.fact_value)
            else prose_facts.fact_value
        end as staffing_value,
        0.5 as half_unit,
        prose_facts.owner as org_unit,
        prose_facts.sentence as source_text
    from prose_facts
    inner join reports
        on prose_facts.report_key = reports.report_key
    where prose_facts.fact in (
        'annual_work_units', 'employees', 'employees_women', 'employees_men', 'salary_cost_sek'
    )
),

unioned as (
    select * from from_tables
    union all
    select * from from_prose
),

final as (
    select
        unioned.*,
        case
            when unioned.header_date is not null then unioned.header_date
            when unioned.measure in ('outcome_ytd', 'outcome') and unioned.fiscal_year = reports.fiscal_year
                then reports.period_end
        end as as_of
    from unioned
    inner join reports
        on unioned.report_key = reports.report_key
)

select * from final
