-- A deviation column of a table signed per row kind (revenue and costs printed with one
-- sign), checked against the signed figures: +1 when on every row it can be checked on
-- it is the signed minuend - subtrahend of its definition (printed favourable-positive:
-- outcome - budget on revenue, budget - outcome on costs), -1 when it is their reverse;
-- else NULL, and the printed figures decide (int_deviation_columns_oriented).
with located as (
    select * from {{ ref('int_cells_located') }}
),

definitions as (
    select * from {{ ref('deviation_definitions') }}
),

rows_signed as (
    select * from {{ ref('int_rows_signed') }}
    where sign_factor is not null
),

figures as (
    select
        located.*,
        rows_signed.sign_factor as row_factor,
        pow(10, -coalesce(located.decimals, 0)) as printed_unit
    from located
    inner join rows_signed
        on
            located.report_key = rows_signed.report_key
            and located.table_id = rows_signed.table_id
            and located.row_index = rows_signed.row_index
    where located.printed_number is not null and not located.is_percent
),

compared as (
    select
        deviation.report_key,
        deviation.table_id,
        deviation.col_index,
        deviation.printed_number as printed_deviation,
        deviation.row_factor * (minuend.printed_number - subtrahend.printed_number) as signed_difference,
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
),

checked as (
    -- a difference within the printed precision of 0 fits both orientations: no evidence
    select
        report_key,
        table_id,
        col_index,
        count(*) filter (where abs(printed_deviation - signed_difference) <= printed_unit) as n_as_difference,
        count(*) filter (where abs(printed_deviation + signed_difference) <= printed_unit) as n_reversed
    from compared
    where abs(signed_difference) > printed_unit
    group by report_key, table_id, col_index
),

final as (
    select
        report_key,
        table_id,
        col_index,
        n_as_difference,
        n_reversed,
        case
            when n_as_difference > 0 and n_reversed = 0 then 1
            when n_reversed > 0 and n_as_difference = 0 then -1
        end as orientation
    from checked
)

select * from final
