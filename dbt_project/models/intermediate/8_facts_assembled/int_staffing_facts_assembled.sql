with figures as (
    select * from {{ changed_only(ref('int_staffing_figures_unioned')) }}
),

reports as (
    select * from {{ changed_only(ref('int_reports_keyed')) }}
),

final as (
    select
        -- a printed cell by its place; a prose figure by what it is (one per report, metric
        -- and owner: int_prose_facts_once), whichever sentences state it
        case
            when figures.source_kind = 'prose'
                then concat_ws(
                    '-', figures.report_key, figures.source_kind, figures.metric, figures.measure,
                    coalesce(figures.org_unit, 'committee')
                )
            else concat_ws(
                '-', figures.report_key, figures.source_kind, figures.page, figures.table_id,
                figures.row_index, figures.col_index, figures.metric, figures.as_printed
            )
        end as fact_key,
        figures.report_key,
        reports.municipality_code,
        reports.committee_key,
        reports.period_key,
        figures.page,
        figures.org_unit,
        figures.source_kind,
        figures.table_id,
        figures.metric,
        figures.measure,
        figures.fiscal_year,
        figures.staffing_value as value,
        figures.as_printed,
        figures.as_of,
        figures.source_text
    from figures
    inner join reports
        on figures.report_key = reports.report_key
)

select * from final
