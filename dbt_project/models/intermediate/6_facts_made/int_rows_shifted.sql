-- A row printed one column off: its values stand as a block that starts right after (or
-- ends right before) a column that nearly every other row prints, and it prints in a
-- column that most other rows leave empty (Askersund's `Summa` one column to the right).
-- Decided from the printed pattern of the table's rows; such a row produces no facts.
-- So does a line that prints two different figures under one measure and year (a total
-- broken across the two parts of a column the reader split: `37 | 345` under `Utfall`):
-- a line holds at most one value per measure and year (shift_columns 0).
{% set min_other_rows = 3 %}
{% set filled_share = 0.9 %}
{% set sparse_share = 0.5 %}

with cells as (
    select * from {{ changed_only(ref('int_cells_stitched')) }}
),

columns_measured as (
    select * from {{ changed_only(ref('int_columns_measured')) }}
),

value_cells as (
    select
        report_key,
        table_id,
        row_index,
        col_index,
        page,
        row_label,
        printed_number is not null or number_flag is not null as is_printed
    from cells
    where not is_header and not is_label
),

numeric_rows as (
    select
        report_key,
        table_id,
        row_index,
        min(page) as page,
        max(row_label) as row_label,
        min(col_index) filter (where is_printed) as first_col,
        max(col_index) filter (where is_printed) as last_col,
        count(*) filter (where is_printed) as n_printed
    from value_cells
    group by report_key, table_id, row_index
    having count(*) filter (where is_printed) > 0
),

column_fill as (
    select
        value_cells.report_key,
        value_cells.table_id,
        value_cells.col_index,
        count(*) filter (where value_cells.is_printed) as n_printing
    from value_cells
    inner join numeric_rows
        on
            value_cells.report_key = numeric_rows.report_key
            and value_cells.table_id = numeric_rows.table_id
            and value_cells.row_index = numeric_rows.row_index
    group by value_cells.report_key, value_cells.table_id, value_cells.col_index
),

table_rows as (
    select
        report_key,
        table_id,
        count(*) as n_numeric_rows
    from numeric_rows
    group by report_key, table_id
),

candidates as (
    -- the other rows' share printing the empty neighbour column and the row's outer column;
    -- the row itself never prints its empty neighbour, and always prints its outer column
    select
        numeric_rows.*,
        shift.direction,
        neighbour.n_printing / (table_rows.n_numeric_rows - 1) as neighbour_share,
        (outer_column.n_printing - 1) / (table_rows.n_numeric_rows - 1) as outer_share
    from numeric_rows
    inner join table_rows
        on numeric_rows.report_key = table_rows.report_key and numeric_rows.table_id = table_rows.table_id
    cross join (values (1), (-1)) as shift (direction)
    inner join column_fill as neighbour
        on
            numeric_rows.report_key = neighbour.report_key
            and numeric_rows.table_id = neighbour.table_id
            and neighbour.col_index = case
                when shift.direction = 1 then numeric_rows.first_col - 1 else numeric_rows.last_col + 1
            end
    inner join column_fill as outer_column
        on
            numeric_rows.report_key = outer_column.report_key
            and numeric_rows.table_id = outer_column.table_id
            and outer_column.col_index = case
                when shift.direction = 1 then numeric_rows.last_col else numeric_rows.first_col
            end
    where
        table_rows.n_numeric_rows - 1 >= {{ min_other_rows }}
        -- the values stand as one block, as a whole row moved sideways would
        and numeric_rows.last_col - numeric_rows.first_col + 1 = numeric_rows.n_printed
),

shifted as (
    select
        report_key,
        table_id,
        row_index,
        page,
        row_label,
        direction as shift_columns,
        n_printed,
        format(
            'column {} is empty although {:.0f}% of the other rows print it; column {} is printed'
            || ' although only {:.0f}% of the other rows print it',
            case when direction = 1 then first_col - 1 else last_col + 1 end,
            100 * neighbour_share,
            case when direction = 1 then last_col else first_col end,
            100 * outer_share
        ) as evidence
    from candidates
    where neighbour_share >= {{ filled_share }} and outer_share < {{ sparse_share }}
    qualify row_number() over (partition by report_key, table_id, row_index order by direction desc) = 1
),

measured_values as (
    select
        cells.report_key,
        cells.table_id,
        cells.row_index,
        cells.col_index,
        cells.printed_number,
        columns_measured.measure,
        columns_measured.fiscal_year
    from cells
    inner join columns_measured
        on
            cells.report_key = columns_measured.report_key
            and cells.table_id = columns_measured.table_id
            and cells.col_index = columns_measured.col_index
    where
        not cells.is_header
        and not cells.is_label
        and cells.printed_number is not null
        and columns_measured.measure not in ('unknown', 'ignore', 'label')
),

doubled as (
    select
        numeric_rows.report_key,
        numeric_rows.table_id,
        numeric_rows.row_index,
        numeric_rows.page,
        numeric_rows.row_label,
        0 as shift_columns,
        numeric_rows.n_printed,
        format(
            'columns {} and {} both read as {} print {} and {}',
            one.col_index, other.col_index, one.measure, one.printed_number, other.printed_number
        ) as evidence
    from measured_values as one
    inner join measured_values as other
        on
            one.report_key = other.report_key
            and one.table_id = other.table_id
            and one.row_index = other.row_index
            and one.measure = other.measure
            and one.fiscal_year is not distinct from other.fiscal_year
            and one.col_index < other.col_index
    inner join numeric_rows
        on
            one.report_key = numeric_rows.report_key
            and one.table_id = numeric_rows.table_id
            and one.row_index = numeric_rows.row_index
    where one.printed_number != other.printed_number
    qualify row_number() over (
        partition by one.report_key, one.table_id, one.row_index order by one.col_index, other.col_index
    ) = 1
),

final as (
    select * from shifted
    union all by name
    select doubled.* from doubled
    anti join shifted
        on
            doubled.report_key = shifted.report_key
            and doubled.table_id = shifted.table_id
            and doubled.row_index = shifted.row_index
)

select * from final
