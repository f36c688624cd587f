with amounts as (
    select * from {{ ref('int_amounts_normalised') }}
),

reports as (
    select * from {{ ref('int_reports_keyed') }}
),

shifted_rows as (
    select * from {{ ref('int_rows_shifted') }}
),

org_units as (
    select * from {{ ref('int_rows_org_units_assigned') }}
),

prose_facts as (
    select * from {{ ref('int_prose_facts_deduplicated') }}
),

operating as (
    select * from amounts
    where
        table_kind = 'operating'
        and measure not in ('ignore', 'label', 'unknown', 'target')
        and coalesce(line_role, '') not in (
            'annual_work_units', 'employees', 'employees_women', 'employees_men',
            'salary_cost_sek', 'sick_leave', 'ratio_or_count'
        )
        -- a row printed off its columns is withheld (quality_table_coverage says so)
        and {{ not_withheld('amounts', 'shifted_rows') }}
),

totals as (
    -- the table's grand total is its last printed sum line, below every part it sums
    select
        report_key,
        table_id,
        max(row_index) as primary_total_row
    from operating
    where is_total and not coalesce(is_subline, false)
    group by report_key, table_id
),

from_tables as (
    select
        concat_ws('-', operating.report_key, operating.table_id, operating.row_index, operating.col_index)
            as fact_key,
        operating.report_key,
        reports.municipality_code,
        reports.committee_key,
        reports.period_key,
        operating.page,
        operating.table_id,
        operating.row_index,
        operating.col_index,
        org_units.org_unit,
        operating.line_item,
        operating.is_total,
        coalesce(operating.row_index = totals.primary_total_row, false) as is_primary_total,
        operating.is_subline,
        operating.parent_line_item,
        operating.line_role,
        operating.column_header,
        operating.measure,
        operating.measure_warning,
        operating.fiscal_year,
        operating.amount_sek,
        operating.amount_pct,
        operating.amount_as_printed,
        operating.number_flag,
        operating.unit,
        operating.unit_source,
        operating.sign_factor,
        operating.sign_basis
    from operating
    inner join reports
        on operating.report_key = reports.report_key
    left join totals
        on operating.report_key = totals.report_key and operating.table_id = totals.table_id
    left join org_units
        on
            operating.report_key = org_units.report_key
            and operating.table_id = org_units.table_id
            and operating.row_index = org_units.row_index
),

-- a result against budget stated in a sentence (`prognostiserar ett underskott på 4,2 mnkr`),
-- already in favourable-positive SEK; it is the committee's unless the sentence names its owner
from_prose as (
    select
        concat_ws('-', prose_facts.report_key, 'prose', prose_facts.page, left(md5(
            concat_ws('|', prose_facts.fact, prose_facts.fact_value, prose_facts.population, prose_facts.sentence)
        ), 8)) as fact_key,
        prose_facts.report_key,
        reports.municipality_code,
        reports.committee_key,
        reports.period_key,
        prose_facts.page,
        prose_facts.population as org_unit,
        coalesce(prose_facts.population, reports.committee_name) as line_item,
        prose_facts.population is null as is_total,
        false as is_subline,
        case when prose_facts.population is null then 'total' end as line_role,
        case
            when prose_facts.fact = 'deviation_forecast_sek' then 'deviation_forecast'
            when reports.period_kind = 'interim' then 'deviation_ytd'
            when reports.period_kind = 'annual' then 'deviation'
        end as measure,
        reports.fiscal_year,
        prose_facts.fact_value as amount_sek,
        prose_facts.as_printed as amount_as_printed,
        prose_facts.unit,
        'prose' as unit_source,
        'prose_wording' as sign_basis,
        false as is_primary_total
    from prose_facts
    inner join reports
        on prose_facts.report_key = reports.report_key
    where
        prose_facts.fact in ('deviation_sek', 'deviation_forecast_sek')
        -- a budget document states no outcome to deviate from
        and (prose_facts.fact = 'deviation_forecast_sek' or reports.period_kind in ('interim', 'annual'))
),

final as (
    select * from from_tables
    -- the columns a sentence does not have (table, row, column, header) stay NULL
    union all by name
    select * from from_prose
)

select * from final
