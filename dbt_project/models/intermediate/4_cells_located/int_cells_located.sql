-- Every printed body cell located in its table: the classified row it sits on and the
-- measured column it sits under. The one join of cells, rows and columns that signing,
-- orienting, normalising and sick-leave rates all read.
with cells as (
    select * from {{ ref('int_cells_stitched') }}
),

rows_classified as (
    select * from {{ ref('int_rows_classified') }}
),

columns_measured as (
    select * from {{ ref('int_columns_measured') }}
),

final as (
    select
        cells.report_key,
        cells.table_id,
        cells.row_index,
        cells.col_index,
        cells.page,
        cells.cell_text,
        cells.printed_number,
        cells.number_flag,
        cells.decimals,
        rows_classified.line_item,
        rows_classified.line_role,
        rows_classified.is_total,
        rows_classified.is_subline,
        rows_classified.parent_line_item,
        rows_classified.label_unit,
        rows_classified.label_factor_sek,
        columns_measured.column_header,
        columns_measured.header_role,
        columns_measured.measure,
        columns_measured.fiscal_year,
        columns_measured.measure_warning,
        -- a percent is never money: the column, the row or the cell itself says `%`
        coalesce(
            columns_measured.measure = 'consumption_pct'
            or regexp_matches(lower(coalesce(columns_measured.column_header, '')), '%|procent')
            or regexp_matches(lower(coalesce(rows_classified.line_item, '')), '%|procent')
            or regexp_matches(coalesce(cells.cell_text, ''), '%'),
            false
        ) as is_percent
    from cells
    inner join rows_classified
        on
            cells.report_key = rows_classified.report_key
            and cells.table_id = rows_classified.table_id
            and cells.row_index = rows_classified.row_index
    inner join columns_measured
        on
            cells.report_key = columns_measured.report_key
            and cells.table_id = columns_measured.table_id
            and cells.col_index = columns_measured.col_index
    where not cells.is_header and not cells.is_label
)

select * from final
