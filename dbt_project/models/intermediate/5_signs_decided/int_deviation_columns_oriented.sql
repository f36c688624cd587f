-- A deviation column's orientation relative to its table's printed figures: +1 when on
-- every row it can be checked on it is minuend - subtrahend of its definition (forecast -
-- budget), -1 when it is their reverse (printed as budget - outcome). Rows contradicting
-- each other, or no row to check, leave it to a stated note (`avvikelse = budget - utfall`)
-- in the header, caption or text around the table, then in the report's text; else NULL:
-- the deviation is stored as printed. Never a majority of rows.
with located as (
    select * from {{ ref('int_cells_located') }}
),

definitions as (
    select * from {{ ref('deviation_definitions') }}
),

notes as (
    select * from {{ ref('int_deviation_notes_found') }}
),

figures as (
    select
        *,
        pow(10, -coalesce(decimals, 0)) as printed_unit
    from located
    where printed_number is not null and not is_percent
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
),

checked as (
    -- a difference within the printed precision of 0 fits both orientations: no evidence
    select
        report_key,
        table_id,
        col_index,
        count(*) filter (where abs(printed_deviation - printed_difference) <= printed_unit) as n_as_difference,
        count(*) filter (where abs(printed_deviation + printed_difference) <= printed_unit) as n_reversed
    from compared
    where abs(printed_difference) > printed_unit
    group by report_key, table_id, col_index
),

final as (
    select
        notes.report_key,
        notes.table_id,
        notes.col_index,
        coalesce(checked.n_as_difference, 0) as n_as_difference,
        coalesce(checked.n_reversed, 0) as n_reversed,
        case
            when checked.n_as_difference > 0 and checked.n_reversed = 0 then 1
            when checked.n_reversed > 0 and checked.n_as_difference = 0 then -1
            else coalesce(notes.table_orientation, notes.report_orientation)
        end as orientation,
        case
            when checked.n_as_difference > 0 and checked.n_reversed = 0 then 'arithmetic'
            when checked.n_reversed > 0 and checked.n_as_difference = 0 then 'arithmetic'
            when notes.table_orientation is not null then 'table_note'
            when notes.report_orientation is not null then 'report_note'
        end as orientation_basis
    from notes
    left join checked
        on
            notes.report_key = checked.report_key
            and notes.table_id = checked.table_id
            and notes.col_index = checked.col_index
)

select * from final
