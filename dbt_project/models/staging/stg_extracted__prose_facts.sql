with source as (
    select * from {{ source('extracted', 'prose_facts') }}
),

final as (
    select
        report_key,
        page,
        fact,
        value as fact_value,
        target_value,
        population,
        as_printed,
        sentence,
        unit
    from source
)

select * from final
