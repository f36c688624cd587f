with reports as (
    select * from {{ changed_only(ref('stg_extracted__reports')) }}
),

final as (
    select
        *,
        case
            when committee_name is not null
                then left(md5(coalesce(municipality_code, '') || '|' || lower(trim(committee_name))), 16)
        end as committee_key,
        case
            when fiscal_year is not null and period_kind is not null
                then concat_ws(
                    '_',
                    fiscal_year,
                    period_kind,
                    coalesce(strftime(period_start, '%Y-%m-%d'), ''),
                    coalesce(strftime(period_end, '%Y-%m-%d'), '')
                )
        end as period_key
    from reports
)

select * from final
