-- Shared by table-kind and unit detection, which both read a table's header as one text.
with cells as (
    select * from {{ changed_only(ref('int_cells_stitched')) }}
),

final as (
    -- every header cell, the label column's (`Kostnad förtroendemannaorganisation (tkr)`) included
    select
        report_key,
        table_id,
        string_agg(cell_text, ' ' order by row_index, col_index) as header_text
    from cells
    where is_header
    group by report_key, table_id
)

select * from final
