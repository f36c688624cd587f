with source as (
    select * from {{ source('extracted', 'reports') }}
),

final as (
    select
        report_key,
        file_name,
        sha256,
        file_size,
        file_format,
        page_count,
        status,
        error,
        warnings,
        title,
        municipality_code,
        municipality_source,
        committee_name,
        report_kind,
        period_start,
        period_end,
        period_kind,
        fiscal_year,
        source_url
    from source
)

select * from final
