with reports as (
    select * from {{ ref('int_reports_keyed') }}
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
        status,
        error,
        warnings,
        source_url
    from reports
)

select * from final
