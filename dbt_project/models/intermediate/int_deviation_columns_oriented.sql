with cells as (
    select * from {{ ref('int_cells_stitched') }}
),

columns_measured as (
    select * from {{ ref('int_columns_measured') }}
),

definitions as (
    select * from {{ ref('deviation_definitions') }}
),

figures as (
    select
        cells.report_key,
        cells.table_id,
        cells.row_index,
        cells.col_index,
        columns_measured.measure,
        columns_measured.fiscal_year,
        cells.printed_number,
        pow(10, -coalesce(cells.decimals, 0)) as printed_unit
    from cells
    inner join columns_measured
        on
            cells.report_key = columns_measured.report_key
            and cells.table_id = columns_measured.table_id
            and cells.col_index = columns_measured.col_index
    where cells.printed_number is not null and not cells.is_header
),

compared as (
    select
        deviation.report_key,
        deviation.table_id,
        deviation.col_index,
        deviation.printed_number as printed_deviation,
        minuend.printed_number - subtrahend.printed_number as printed_difference,
        greatest(deviation.printed_unit, minuend.printed_unit, subtrahend.printed_unit) as printed_unit
    from figures as deviation
    inner join definitions
        on deviation.measure = definitions.deviation_measure
    inner join figures as minuend
        on
            deviation.report_key = minuend.report_key
            and deviation.table_id = minuend.table_id
            and deviation.row_index = minuend.row_index
            and deviation.fiscal_year = minuend.fiscal_year
            and definitions.minuend_measure = minuend.measure
    inner join figures as subtrahend
        on
            deviation.report_key = subtrahend.report_key
            and deviation.table_id = subtrahend.table_id
            and deviation.row_index = subtrahend.row_index
            and deviation.fiscal_year = subtrahend.fiscal_year
            and definitions.subtrahend_measure = subtrahend.measure
    where minuend.printed_number != subtrahend.printed_number
),

votes as (
    select
        report_key,
        table_id,
        col_index,
        count(*) filter (
            where abs(printed_deviation - printed_difference) <= printed_unit
        ) as n_as_difference,
        count(*) filter (
            where abs(printed_deviation + printed_difference) <= printed_unit
        ) as n_reversed
    from compared
    group by report_key, table_id, col_index
),

final as (
    -- printed as budget minus outcome (Simrishamn `Budgetavvikelse`) the column is reversed
    -- relative to its table; most rows decide, a tie keeps the table's own sign
    select
        report_key,
        table_id,
        col_index,
        n_as_difference,
        n_reversed,
        case when n_reversed > n_as_difference then -1 else 1 end as orientation
    from votes
)

select * from final
