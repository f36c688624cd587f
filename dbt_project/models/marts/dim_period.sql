with reports as (
    select * from {{ ref('int_reports_keyed') }}
),

final as (
    select distinct
        period_key,
        fiscal_year,
        period_start,
        period_end,
        period_kind
    from reports
    where period_key is not null
)

select * from final
