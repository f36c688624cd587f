with cells as (
    select * from {{ changed_only(ref('stg_extracted__cells')) }}
),

tables as (
    select * from {{ changed_only(ref('stg_extracted__tables')) }}
),

flagged as (
    -- a headerless table on the same or next page with as many columns continues the one before
    select
        tables.*,
        coalesce(
            tables.header_rows = 0
            and tables.n_cols = lag(tables.n_cols) over by_report
            and tables.page_first between lag(tables.page_last) over by_report
            and lag(tables.page_last) over by_report + 1,
            false
        ) as is_continuation
    from tables
    window by_report as (partition by tables.report_key order by tables.table_id)
),

grouped as (
    select
        *,
        sum(case when is_continuation then 0 else 1 end) over (
            partition by report_key order by table_id rows between unbounded preceding and current row
        ) as group_number
    from flagged
),

placed as (
    select
        report_key,
        table_id,
        is_continuation,
        first_value(table_id) over by_group as root_table_id,
        coalesce(sum(n_rows) over (
            partition by report_key, group_number order by table_id
            rows between unbounded preceding and 1 preceding
        ), 0) as row_offset
    from grouped
    window by_group as (partition by report_key, group_number order by table_id)
),

root_headers as (
    select
        report_key,
        table_id,
        col_index,
        max(column_header) as root_column_header
    from cells
    where not is_header
    group by report_key, table_id, col_index
),

final as (
    select
        cells.report_key,
        placed.root_table_id as table_id,
        cast(cells.row_index + placed.row_offset as integer) as row_index,
        cells.col_index,
        cells.page,
        cells.cell_text,
        cells.printed_number,
        cells.number_flag,
        cells.decimals,
        cells.is_header,
        cells.is_label,
        case
            when placed.is_continuation then root_headers.root_column_header
            else cells.column_header
        end as column_header,
        cells.row_label,
        cells.is_italic,
        placed.is_continuation as is_continued_part
    from cells
    inner join placed
        on cells.report_key = placed.report_key and cells.table_id = placed.table_id
    left join root_headers
        on
            cells.report_key = root_headers.report_key
            and placed.root_table_id = root_headers.table_id
            and cells.col_index = root_headers.col_index
)

select * from final
