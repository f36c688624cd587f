-- A deviation column of a table signed per row kind (revenue and costs printed with one
-- sign), checked against the signed figures: +1 when on every row it can be checked on
-- it is the signed minuend - subtrahend of its definition (printed favourable-positive:
-- outcome - budget on revenue, budget - outcome on costs), -1 when it is their reverse
-- (a row that is neither is withheld on its own: int_deviation_figures_checked); else
-- NULL, and the printed figures decide (int_deviation_columns_oriented).
with located as (
    select * from {{ changed_only(ref('int_cells_located')) }}
),

definitions as (
    select * from {{ ref('deviation_definitions') }}
),

rows_signed as (
    select * from {{ changed_only(ref('int_rows_signed')) }}
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

{{ deviation_rows_compared('figures', 'definitions', 'deviation.row_factor') }},

{{ deviation_rows_counted('rows_compared') }},

final as (
    select
        report_key,
        table_id,
        col_index,
        n_checked,
        n_as_difference,
        n_reversed,
        case
            when n_as_difference > 0 and n_reversed = 0 then 1
            when n_reversed > 0 and n_as_difference = 0 then -1
        end as orientation
    from checked
)

select * from final
