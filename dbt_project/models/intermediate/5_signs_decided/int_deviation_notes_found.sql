-- The orientation a note states for a deviation column (`avvikelse = budget - utfall`:
-- -1 relative to its definition), from its header, its table's caption and context, or
-- else the report's text; only a note naming one orientation counts.
with located as (
    select * from {{ changed_only(ref('int_cells_located')) }}
),

definitions as (
    select * from {{ ref('deviation_definitions') }}
),

tables as (
    select * from {{ changed_only(ref('stg_extracted__tables')) }}
),

text_blocks as (
    select * from {{ changed_only(ref('stg_extracted__text_blocks')) }}
),

note_vocabulary as (
    select * from {{ ref('deviation_note_vocabulary') }}
),

deviation_columns as (
    select distinct
        figures.report_key,
        figures.table_id,
        figures.col_index,
        lower(coalesce(figures.column_header, '')) as header_text
    from located as figures
    inner join definitions
        on figures.measure = definitions.deviation_measure
    where figures.printed_number is not null and not figures.is_percent
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
        table_notes.orientation as table_orientation,
        report_notes.orientation as report_orientation
    from deviation_columns
    left join table_notes
        on
            deviation_columns.report_key = table_notes.report_key
            and deviation_columns.table_id = table_notes.table_id
            and deviation_columns.col_index = table_notes.col_index
    left join report_notes
        on deviation_columns.report_key = report_notes.report_key
)

select * from final
