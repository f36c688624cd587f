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

tables as (
    select * from {{ ref('stg_extracted__tables') }}
),

text_blocks as (
    select * from {{ ref('stg_extracted__text_blocks') }}
),

note_vocabulary as (
    select * from {{ ref('deviation_note_vocabulary') }}
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

deviation_columns as (
    select distinct
        figures.report_key,
        figures.table_id,
        figures.col_index,
        lower(coalesce(figures.column_header, '')) as header_text
    from figures
    inner join definitions
        on figures.measure = definitions.deviation_measure
),

table_notes as (
    select
        deviation_columns.report_key,
        deviation_columns.table_id,
        deviation_columns.col_index,
        min(note_vocabulary.orientation) as orientation
    from deviation_columns
    inner join tables
        on deviation_columns.report_key = tables.report_key and deviation_columns.table_id = tables.table_id
    inner join note_vocabulary
        on regexp_matches(
            regexp_replace(
                deviation_columns.header_text || ' ' || lower(coalesce(tables.caption, '') || ' ' || coalesce(tables.context, '')),
                '\s+', ' ', 'g'
            ),
            note_vocabulary.pattern
        )
    group by deviation_columns.report_key, deviation_columns.table_id, deviation_columns.col_index
    having count(distinct note_vocabulary.orientation) = 1
),

report_notes as (
    select
        text_blocks.report_key,
        min(note_vocabulary.orientation) as orientation
    from text_blocks
    inner join note_vocabulary
        on regexp_matches(regexp_replace(lower(text_blocks.block_text), '\s+', ' ', 'g'), note_vocabulary.pattern)
    group by text_blocks.report_key
    having count(distinct note_vocabulary.orientation) = 1
),

final as (
    select
        deviation_columns.report_key,
        deviation_columns.table_id,
        deviation_columns.col_index,
        coalesce(checked.n_as_difference, 0) as n_as_difference,
        coalesce(checked.n_reversed, 0) as n_reversed,
        case
            when checked.n_as_difference > 0 and checked.n_reversed = 0 then 1
            when checked.n_reversed > 0 and checked.n_as_difference = 0 then -1
            else coalesce(table_notes.orientation, report_notes.orientation)
        end as orientation,
        case
            when checked.n_as_difference > 0 and checked.n_reversed = 0 then 'arithmetic'
            when checked.n_reversed > 0 and checked.n_as_difference = 0 then 'arithmetic'
            when table_notes.orientation is not null then 'table_note'
            when report_notes.orientation is not null then 'report_note'
        end as orientation_basis
    from deviation_columns
    left join checked
        on
            deviation_columns.report_key = checked.report_key
            and deviation_columns.table_id = checked.table_id
            and deviation_columns.col_index = checked.col_index
    left join table_notes
        on
            deviation_columns.report_key = table_notes.report_key
            and deviation_columns.table_id = table_notes.table_id
            and deviation_columns.col_index = table_notes.col_index
    left join report_notes
        on deviation_columns.report_key = report_notes.report_key
)

select * from final
