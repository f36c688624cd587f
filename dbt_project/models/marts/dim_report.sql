with reports as (
    select * from {{ ref('int_reports_keyed') }}
),

coverage as (
    select * from {{ ref('quality_table_coverage') }}
),

-- numbers printed in rows that produced no fact make a read report partial, saying where
-- (a table of a kind the warehouse does not load, such as indicators, is out of scope)
unread as (
    select
        report_key,
        count(*) as n_unread,
        list(format('page {}: {} not read into facts ({})', page, region, reason) order by page, region)
            as unread_warnings
    from coverage
    where not is_read and is_in_scope
    group by report_key
),

with_unread as (
    select
        reports.*,
        coalesce(unread.n_unread, 0) as n_unread,
        coalesce(unread.unread_warnings, []) as unread_warnings
    from reports
    left join unread
        on reports.report_key = unread.report_key
),

final as (
    select
        report_key,
        file_name,
        sha256,
        file_format,
        file_size,
        title,
        municipality_code,
        municipality_source,
        committee_key,
        committee_name,
        period_key,
        fiscal_year,
        period_start,
        period_end,
        report_kind,
        page_count,
        case when status = 'ok' and n_unread > 0 then 'partial' else status end as status,
        case
            when status = 'ok' and n_unread > 0 then format('numeric regions not read into facts: {}', n_unread)
            else error
        end as error,
        list_concat(warnings, unread_warnings) as warnings,
        source_url
    from with_unread
)

select * from final
