-- Each printed deviation figure whose row prints both operands of its definition (and
-- a difference larger than the printed precision): whether it is that difference, its
-- reverse, or neither. A figure that is neither is not the deviation its header names
-- on that row (a net deviation printed on the first of two lines, a misprinted
-- operand): int_amounts_normalised withholds it.
with located as (
    select * from {{ changed_only(ref('int_cells_located')) }}
),

definitions as (
    select * from {{ ref('deviation_definitions') }}
),

figures as (
    select
        *,
        pow(10, -coalesce(decimals, 0)) as printed_unit
    from located
    where printed_number is not null and not is_percent
),

{{ deviation_rows_compared('figures', 'definitions') }},

final as (
    select
        report_key,
        table_id,
        row_index,
        col_index,
        is_difference,
        is_reversed
    from rows_compared
)

select * from final
