with source as (
    select * from {{ source('extracted', 'cells') }}
),

final as (
    select
        report_key,
        table_id,
        row_index,
        col_index,
        page,
        text as cell_text,
        number as printed_number,
        number_flag,
        decimals,
        is_header,
        is_label,
        column_header,
        row_label,
        coalesce(italic, false) as is_italic
    from source
)

select * from final
