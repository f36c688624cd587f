with amounts as (
    select * from {{ changed_only(ref('int_amounts_normalised')) }}
),

reports as (
    select * from {{ changed_only(ref('int_reports_keyed')) }}
),

shifted_rows as (
    select * from {{ changed_only(ref('int_rows_shifted')) }}
),

org_units as (
    select * from {{ changed_only(ref('int_rows_org_units_assigned')) }}
),

prose_facts as (
    -- each stated once, with an owner the report names (int_prose_facts_once)
    select * from {{ changed_only(ref('int_prose_facts_once')) }}
    where is_kept
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
-- already in favourable-positive SEK; the committee's unless the sentence names another
-- owner the report knows (a printed line, a committee or unit by name). One fact per
-- report, measure and owner, so the key holds those and nothing of the sentence.
from_prose as (
    select
        concat_ws('-', prose_facts.report_key, 'prose', prose_facts.fact, coalesce(prose_facts.owner, 'committee'))
            as fact_key,
        prose_facts.report_key,
        reports.municipality_code,
        reports.committee_key,
        reports.period_key,
        prose_facts.page,
        prose_facts.owner as org_unit,
        coalesce(prose_facts.owner, reports.committee_name, prose_facts.population) as line_item,
        prose_facts.owner_kind = 'committee' as is_total,
        false as is_subline,
        case when prose_facts.owner_kind = 'committee' then 'total' end as line_role,
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
        false as is_primary_total,
        -- the sentence the figure was read from, so an analyst can see what it says
        prose_facts.sentence as source_text
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
    -- the columns a sentence does not have (table, row, column, header) stay NULL, and a
    -- cell has no source_text
    union all by name
    select * from from_prose
)

select * from final
