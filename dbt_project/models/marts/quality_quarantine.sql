-- Rows of one report that would break the warehouse contract (a NULL key or year, a fact
-- key stated twice, a value outside its accepted domain) are taken out before the fact
-- tables are built: the report is partial (failed when nothing is left, dim_report) and
-- the rest of the warehouse is published. Duplicates are all withheld: which of two
-- figures under one key is right is not known, so none is kept.
with operating_breaches as (
    {{ contract_breaches('fct_operating_budget', ref('int_operating_facts_assembled')) }}
),

investment_breaches as (
    {{ contract_breaches('fct_investment_budget', ref('int_investment_facts_assembled')) }}
),

staffing_breaches as (
    {{ contract_breaches('fct_staffing', ref('int_staffing_facts_assembled')) }}
),

sick_leave_breaches as (
    {{ contract_breaches('fct_sick_leave', ref('int_sick_leave_facts_assembled')) }}
),

reports as (
    select * from {{ ref('int_reports_keyed') }}
),

breaches as (
    select * from operating_breaches
    union all
    select * from investment_breaches
    union all
    select * from staffing_breaches
    union all
    select * from sick_leave_breaches
),

final as (
    select
        md5(concat_ws('|', breaches.relation, breaches.rule, breaches.column_name, breaches.report_key, breaches.fact_key))
            as quarantine_key,
        breaches.report_key,
        reports.file_name,
        breaches.relation,
        breaches.rule,
        breaches.column_name,
        breaches.fact_key,
        breaches.page,
        breaches.rows_withheld,
        breaches.value,
        breaches.reason
    from breaches
    left join reports
        on breaches.report_key = reports.report_key
)

select * from final
