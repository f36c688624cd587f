-- A deviation column's orientation relative to its table's printed figures: +1 when
-- every row it can be checked on (both operands printed) that is either difference is
-- minuend - subtrahend of its definition (forecast - budget), -1 when every such row is
-- their reverse (printed as budget - outcome); a row that is neither is withheld on its
-- own (int_deviation_figures_checked). A column that can be checked but has rows of
-- both orientations, or no row of either, is not the deviation its header names (a
-- misread column): its orientation is NULL with basis `contradicted`, and its figures
-- are withheld, whatever a note says. Only a column with no row to check takes a stated
-- note (`avvikelse = budget - utfall`) in the header, caption or text around the table,
-- then in the report's text; else NULL: the deviation is stored as printed. Never a
-- majority of rows.
with figures_checked as (
    select * from {{ changed_only(ref('int_deviation_figures_checked')) }}
),

notes as (
    select * from {{ changed_only(ref('int_deviation_notes_found')) }}
),

{{ deviation_rows_counted('figures_checked') }},

final as (
    select
        notes.report_key,
        notes.table_id,
        notes.col_index,
        coalesce(checked.n_checked, 0) as n_checked,
        coalesce(checked.n_as_difference, 0) as n_as_difference,
        coalesce(checked.n_reversed, 0) as n_reversed,
        case
            when checked.n_as_difference > 0 and checked.n_reversed = 0 then 1
            when checked.n_reversed > 0 and checked.n_as_difference = 0 then -1
            when checked.n_checked > 0 then null
            else coalesce(notes.table_orientation, notes.report_orientation)
        end as orientation,
        case
            when checked.n_as_difference > 0 and checked.n_reversed = 0 then 'arithmetic'
            when checked.n_reversed > 0 and checked.n_as_difference = 0 then 'arithmetic'
            when checked.n_checked > 0 then 'contradicted'
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
