-- A table's column signature: its value columns' header roles and years in order (a bare
-- `Budget` is the report's year, as in int_columns_measured), prefixed by its label
-- header when that is a vocabulary label. Tables with the same signature are a family.
with columns_classified as (
    select * from {{ changed_only(ref('int_columns_classified')) }}
),

reports as (
    select * from {{ changed_only(ref('stg_extracted__reports')) }}
),

cells as (
    select * from {{ changed_only(ref('int_cells_stitched')) }}
),

label_vocabulary as (
    select pattern from {{ ref('header_vocabulary') }}
    where header_role = 'label'
),

label_texts as (
    -- each header cell of the label column, and the column's header rows joined
    -- (a word wrapped over two header rows: `Verksamhetsko` + `d`)
    select
        report_key,
        table_id,
        lower(trim(cell_text)) as label_text
    from cells
    where is_header and is_label
    union all
    select
        report_key,
        table_id,
        lower(string_agg(trim(cell_text), '' order by row_index)) as label_text
    from cells
    where is_header and is_label
    group by report_key, table_id, col_index
),

label_headers as (
    -- a label header from the vocabulary (`Verksamhetskod`, `Projekt`) tells apart two
    -- families with the same value columns; a free-text one (`Finansförvaltning`) does not
    select
        label_texts.report_key,
        label_texts.table_id,
        string_agg(distinct replace(label_texts.label_text, ' ', ''), ' ') as label_header
    from label_texts
    inner join label_vocabulary
        on regexp_matches(label_texts.label_text, label_vocabulary.pattern)
    group by label_texts.report_key, label_texts.table_id
),

printed_columns as (
    -- a column that prints no number (the second half of a label read as a column of its
    -- own on a continued page) says nothing of the table's family
    select distinct
        report_key,
        table_id,
        col_index
    from cells
    where not is_header and not is_label and printed_number is not null
),

final as (
    -- a bare `Budget` is the report's year, as in int_columns_measured
    select
        columns_classified.report_key,
        columns_classified.table_id,
        coalesce(any_value(label_headers.label_header), '') || '|' || string_agg(
            columns_classified.header_role || ':'
            || coalesce(columns_classified.header_year, reports.fiscal_year, 0),
            ',' order by columns_classified.col_index
        ) as column_signature
    from columns_classified
    inner join printed_columns
        on
            columns_classified.report_key = printed_columns.report_key
            and columns_classified.table_id = printed_columns.table_id
            and columns_classified.col_index = printed_columns.col_index
    inner join reports
        on columns_classified.report_key = reports.report_key
    left join label_headers
        on
            columns_classified.report_key = label_headers.report_key
            and columns_classified.table_id = label_headers.table_id
    group by columns_classified.report_key, columns_classified.table_id
    -- columns that say nothing (`unknown`) make no family
    having
        bool_and(columns_classified.header_role != 'unknown')
        and bool_or(columns_classified.header_role in ('budget', 'outcome', 'forecast', 'plan'))
)

select * from final
