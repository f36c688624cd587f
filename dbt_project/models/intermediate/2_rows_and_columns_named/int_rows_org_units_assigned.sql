with cells as (
    select * from {{ changed_only(ref('int_cells_stitched')) }}
),

org_unit_tables as (
    select * from {{ changed_only(ref('int_tables_org_units_found')) }}
),

rows_classified as (
    select * from {{ changed_only(ref('int_rows_classified')) }}
),

first_labels as (
    -- the first label column names the unit; a second one (`Intäkt`, `Kostnad`) splits it
    select
        cells.report_key,
        cells.table_id,
        cells.row_index,
        nullif(trim(arg_min(cells.cell_text, cells.col_index)), '') as unit_label
    from cells
    inner join org_unit_tables
        on cells.report_key = org_unit_tables.report_key and cells.table_id = org_unit_tables.table_id
    where cells.is_label and not cells.is_header
    group by cells.report_key, cells.table_id, cells.row_index
),

carried as (
    select
        first_labels.report_key,
        first_labels.table_id,
        first_labels.row_index,
        rows_classified.is_total,
        last_value(first_labels.unit_label ignore nulls) over (
            partition by first_labels.report_key, first_labels.table_id
            order by first_labels.row_index
            rows between unbounded preceding and current row
        ) as carried_label
    from first_labels
    inner join rows_classified
        on
            first_labels.report_key = rows_classified.report_key
            and first_labels.table_id = rows_classified.table_id
            and first_labels.row_index = rows_classified.row_index
),

final as (
    select
        report_key,
        table_id,
        row_index,
        carried_label as org_unit
    from carried
    where not is_total and carried_label is not null
)

select * from final
