-- Every printed body cell located in its table: the classified row it sits on and the
-- measured column it sits under. The one join of cells, rows and columns that signing,
-- orienting, normalising and sick-leave rates all read. A line of a kind that closes
-- a run of lines of its kind and prints their sum in every level column
-- (`Verksamhetens intäkter` under `Övriga intäkter`, `Verksamhetens kostnader` under
-- the costs) is a total, whatever its words: summed again, it would count them twice.
with cells as (
    select * from {{ changed_only(ref('int_cells_stitched')) }}
),

rows_classified as (
    select * from {{ changed_only(ref('int_rows_classified')) }}
),

columns_measured as (
    select * from {{ changed_only(ref('int_columns_measured')) }}
),

joined as (
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
),

line_starts as (
    -- a line starts a run of its kind unless the line above is of its kind and no total
    select
        report_key,
        table_id,
        row_index,
        line_role,
        is_total,
        coalesce(
            line_role is distinct from lag(line_role) over by_row
            or lag(is_total) over by_row
            or is_total,
            true
        ) as starts_run,
        coalesce(lead(line_role) over by_row is distinct from line_role or lead(is_total) over by_row, true)
            as ends_run
    from rows_classified
    where not is_subline
    window by_row as (partition by report_key, table_id order by row_index)
),

kind_runs as (
    select
        *,
        sum(case when starts_run then 1 else 0 end) over (
            partition by report_key, table_id order by row_index
        ) as run_id
    from line_starts
),

run_figures as (
    select
        joined.report_key,
        joined.table_id,
        joined.row_index,
        joined.col_index,
        joined.printed_number,
        kind_runs.run_id,
        kind_runs.ends_run,
        pow(10, -coalesce(joined.decimals, 0)) as printed_unit
    from joined
    inner join kind_runs
        on
            joined.report_key = kind_runs.report_key
            and joined.table_id = kind_runs.table_id
            and joined.row_index = kind_runs.row_index
    where
        kind_runs.line_role in ('revenue', 'cost') and not kind_runs.is_total
        and joined.header_role in ('budget', 'outcome', 'forecast', 'plan')
        and not joined.is_percent
),

closer_columns as (
    -- the last line of a run against the lines above it in the run, column by column
    select
        closer.report_key,
        closer.table_id,
        closer.row_index,
        closer.col_index,
        count(*) as n_above,
        coalesce(closer.printed_number, 0) != 0 as is_nonzero,
        case
            when closer.printed_number is null then count(above.printed_number) > 0
            else
                count(above.printed_number) < count(*)
                or abs(closer.printed_number - sum(above.printed_number))
                > 0.5 * (count(*) + 1) * max(closer.printed_unit)
        end as differs
    from run_figures as closer
    inner join run_figures as above
        on
            closer.report_key = above.report_key
            and closer.table_id = above.table_id
            and closer.col_index = above.col_index
            and closer.run_id = above.run_id
            and closer.row_index > above.row_index
    where closer.ends_run
    group by closer.report_key, closer.table_id, closer.row_index, closer.col_index, closer.printed_number
),

subtotals as (
    -- the sum in every level column, and not by chance: two figures that are not 0, or
    -- one over two lines or more
    select
        report_key,
        table_id,
        row_index
    from closer_columns
    group by report_key, table_id, row_index
    having
        not bool_or(differs)
        and (count(*) filter (where is_nonzero) >= 2 or (bool_or(is_nonzero) and max(n_above) >= 2))
),

final as (
    select
        joined.* exclude (is_total),
        joined.is_total or subtotals.row_index is not null as is_total
    from joined
    left join subtotals
        on
            joined.report_key = subtotals.report_key
            and joined.table_id = subtotals.table_id
            and joined.row_index = subtotals.row_index
)

select * from final
