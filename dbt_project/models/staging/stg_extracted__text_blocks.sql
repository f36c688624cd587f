with source as (
    select * from {{ source('extracted', 'text_blocks') }}
),

final as (
    select
        report_key,
        page,
        block_index,
        text as block_text
    from source
)

select * from final
