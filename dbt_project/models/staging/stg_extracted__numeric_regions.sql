with source as (
    select * from {{ source('extracted', 'numeric_regions') }}
),

final as (
    select
        report_key,
        page,
        region_index,
        numeric_rows,
        first_row,
        x0,
        top,
        x1,
        bottom
    from source
)

select * from final
