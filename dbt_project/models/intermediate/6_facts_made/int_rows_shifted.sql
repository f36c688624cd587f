-- A row printed one column off: its values stand as a block that starts right after (or
-- ends right before) a column that nearly every other row prints, and it prints in a
-- column that most other rows leave empty (Askersund's `Summa` one column to the right).
-- Decided from the printed pattern of the table's rows; such a row produces no facts.
{% set min_other_rows = 3 %}
{% set filled_share = 0.9 %}
{% set sparse_share = 0.5 %}

with cells as (
    select * from {{ ref('int_cells_stitched') }}
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

final as (
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
)

select * from final
