with reports as (
    select * from {{ ref('int_reports_keyed') }}
),

final as (
    select
        committee_key,
        any_value(municipality_code) as municipality_code,
        min(committee_name) as committee_name
    from reports
    where committee_key is not null
    group by committee_key
)

select * from final
