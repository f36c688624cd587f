with kommuner as (
    select * from {{ ref('kommuner') }}
),

final as (
    select
        municipality_code,
        municipality_name,
        county_code,
        county_name
    from kommuner
)

select * from final
