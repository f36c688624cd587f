-- What a table's label column is headed with, its header cells read as one lower-case
-- text: the head says what the lines are (units, activities, the committee's parts).
with cells as (
    select * from {{ changed_only(ref('int_cells_stitched')) }}
),

final as (
    select
        report_key,
        table_id,
        lower(trim(string_agg(cell_text, ' ' order by row_index, col_index))) as label_header
    from cells
    where is_header and is_label
    group by report_key, table_id
)

select * from final
