with source as (
    select * from {{ source('extracted', 'tables') }}
),

final as (
    select
        report_key,
        table_id,
        page_first,
        page_last,
        method as extraction_method,
        coalesce(caption, '') as caption,
        coalesce(context, '') as context,
        coalesce(note, '') as note,
        n_rows,
        n_cols,
        header_rows
    from source
)

select * from final
