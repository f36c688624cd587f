with cells as (
    select * from {{ ref('int_cells_stitched') }}
),

rows_classified as (
    select * from {{ ref('int_rows_classified') }}
),

columns_measured as (
    select * from {{ ref('int_columns_measured') }}
),

prose_facts as (
    select * from {{ ref('int_prose_facts_deduplicated') }}
),

comparator_vocabulary as (
    select * from {{ ref('comparator_vocabulary') }}
),

row_cells as (
    select
        cells.report_key,
        cells.table_id,
        cells.row_index,
        rows_classified.line_item,
        min(cells.page) as page,
        max(case when columns_measured.header_role = 'outcome' then cells.printed_number end) as rate,
        max(case when columns_measured.header_role = 'outcome' then columns_measured.fiscal_year end)
            as fiscal_year,
        max(case when columns_measured.header_role = 'target' then cells.cell_text end) as target_text
    from cells
    inner join rows_classified
        on
            cells.report_key = rows_classified.report_key
            and cells.table_id = rows_classified.table_id
            and cells.row_index = rows_classified.row_index
    inner join columns_measured
        on
            cells.report_key = columns_measured.report_key
            and cells.table_id = columns_measured.table_id
            and cells.col_index = columns_measured.col_index
    where rows_classified.line_role = 'sick_leave'
    group by cells.report_key, cells.table_id, cells.row_index, rows_classified.line_item
),

from_tables as (
    -- a target such as `Lägre än 5,00`: the comparator is vocabulary, the number is the target
    select
        row_cells.report_key,
        row_cells.page,
        'table' as source_kind,
        row_cells.line_item as population,
        row_cells.rate as sick_leave_pct,
        try_cast(replace(
            regexp_extract(row_cells.target_text, '(\d+(,\d+)?)', 1), ',', '.'
        ) as double) as target_pct,
        comparator_vocabulary.comparator as target_comparator,
        row_cells.fiscal_year
    from row_cells
    left join comparator_vocabulary
        on regexp_matches(lower(coalesce(row_cells.target_text, '')), comparator_vocabulary.pattern)
    where row_cells.rate is not null
    qualify row_number() over (
        partition by row_cells.report_key, row_cells.table_id, row_cells.row_index
        order by comparator_vocabulary.comparator nulls last
    ) = 1
),

from_prose as (
    select
        report_key,
        page,
        'prose' as source_kind,
        population,
        fact_value as sick_leave_pct,
        target_value as target_pct,
        cast(null as varchar) as target_comparator,
        cast(null as integer) as fiscal_year
    from prose_facts
    where fact = 'sick_leave_pct'
),

final as (
    select * from from_tables
    union all
    select * from from_prose
)

select * from final
