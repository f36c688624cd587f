with located as (
    select * from {{ ref('int_cells_located') }}
),

tables_classified as (
    select * from {{ ref('int_tables_classified') }}
),

prose_facts as (
    select * from {{ ref('int_prose_facts_deduplicated') }}
),

comparator_vocabulary as (
    select * from {{ ref('comparator_vocabulary') }}
),

row_cells as (
    -- a sjukfrånvaro row anywhere, and every row of a sick-leave table (Totalt, Kvinnor,
    -- Män: populations); the rate of the latest year when several years are printed
    select
        located.report_key,
        located.table_id,
        located.row_index,
        located.line_item,
        min(located.page) as page,
        arg_max(located.printed_number, located.fiscal_year) filter (where located.header_role = 'outcome')
            as rate,
        max(located.fiscal_year) filter (where located.header_role = 'outcome') as fiscal_year,
        max(located.cell_text) filter (where located.header_role = 'target') as target_text
    from located
    inner join tables_classified
        on located.report_key = tables_classified.report_key and located.table_id = tables_classified.table_id
    where located.line_role = 'sick_leave' or tables_classified.is_sick_leave_table
    group by located.report_key, located.table_id, located.row_index, located.line_item
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
