with located as (
    select * from {{ changed_only(ref('int_cells_located')) }}
),

tables_classified as (
    select * from {{ changed_only(ref('int_tables_classified')) }}
),

prose_facts as (
    -- each stated once, with an owner the report names (int_prose_facts_once)
    select * from {{ changed_only(ref('int_prose_facts_once')) }}
    where is_kept
),

reports as (
    select * from {{ changed_only(ref('int_reports_keyed')) }}
),

comparator_vocabulary as (
    select * from {{ ref('comparator_vocabulary') }}
),

columns_classified as (
    select * from {{ changed_only(ref('int_columns_classified')) }}
),

rate_cells as (
    -- a sjukfrånvaro row anywhere, and every row of a sick-leave table (Totalt, Kvinnor,
    -- Män: populations); a rate per year printed: an outcome column, or in a sick-leave
    -- table a bare earlier year, which is a rate of that year even where it cannot say
    -- whether it covers the year or the same period
    select
        located.*,
        tables_classified.is_sick_leave_table
    from located
    inner join tables_classified
        on located.report_key = tables_classified.report_key and located.table_id = tables_classified.table_id
    left join columns_classified
        on
            located.report_key = columns_classified.report_key
            and located.table_id = columns_classified.table_id
            and located.col_index = columns_classified.col_index
    where
        (located.line_role = 'sick_leave' or tables_classified.is_sick_leave_table)
        and (
            located.header_role in ('outcome', 'target')
            or (tables_classified.is_sick_leave_table and columns_classified.is_bare_year)
        )
),

row_targets as (
    -- the target of a row: it speaks of the row's latest year
    select
        report_key,
        table_id,
        row_index,
        max(cell_text) filter (where header_role = 'target') as target_text,
        max(fiscal_year) filter (where header_role != 'target') as latest_year
    from rate_cells
    group by report_key, table_id, row_index
),

row_cells as (
    select
        rate_cells.report_key,
        rate_cells.table_id,
        rate_cells.row_index,
        rate_cells.line_item,
        rate_cells.fiscal_year,
        min(rate_cells.page) as page,
        arg_min(rate_cells.printed_number, rate_cells.col_index) as rate,
        arg_min(rate_cells.measure, rate_cells.col_index) as measure,
        any_value(row_targets.target_text) filter (where rate_cells.fiscal_year = row_targets.latest_year)
            as target_text
    from rate_cells
    inner join row_targets
        on
            rate_cells.report_key = row_targets.report_key
            and rate_cells.table_id = row_targets.table_id
            and rate_cells.row_index = row_targets.row_index
    where rate_cells.header_role != 'target' and rate_cells.printed_number is not null
    group by
        rate_cells.report_key, rate_cells.table_id, rate_cells.row_index, rate_cells.line_item,
        rate_cells.fiscal_year
),

from_tables as (
    -- a target such as `Lägre än 5,00`: the comparator is vocabulary, the number is the target
    select
        row_cells.report_key,
        row_cells.page,
        'table' as source_kind,
        row_cells.table_id,
        row_cells.row_index,
        row_cells.line_item as population,
        row_cells.rate as sick_leave_pct,
        try_cast(replace(
            regexp_extract(row_cells.target_text, '(\d+(,\d+)?)', 1), ',', '.'
        ) as double) as target_pct,
        comparator_vocabulary.comparator as target_comparator,
        row_cells.fiscal_year,
        row_cells.measure,
        cast(null as varchar) as org_unit,
        cast(null as varchar) as source_text
    from row_cells
    left join comparator_vocabulary
        on regexp_matches(lower(coalesce(row_cells.target_text, '')), comparator_vocabulary.pattern)
    where row_cells.rate is not null
    qualify row_number() over (
        partition by row_cells.report_key, row_cells.table_id, row_cells.row_index, row_cells.fiscal_year
        order by comparator_vocabulary.comparator nulls last
    ) = 1
),

from_prose as (
    -- a rate the sentence says is the prior period's (`jämfört med 2,8 % föregående år`)
    -- is the previous year's; its target, if any, is this year's
    select
        prose_facts.report_key,
        prose_facts.page,
        'prose' as source_kind,
        cast(null as integer) as table_id,
        cast(null as integer) as row_index,
        coalesce(prose_facts.owner, prose_facts.population) as population,
        prose_facts.fact_value as sick_leave_pct,
        case when prose_facts.fact = 'sick_leave_pct' then prose_facts.stated_target_value end as target_pct,
        cast(null as varchar) as target_comparator,
        case when prose_facts.fact = 'sick_leave_pct_prior_year' then reports.fiscal_year - 1 end
            as fiscal_year,
        cast(null as varchar) as measure,
        prose_facts.owner as org_unit,
        prose_facts.sentence as source_text
    from prose_facts
    left join reports
        on prose_facts.report_key = reports.report_key
    where prose_facts.fact in ('sick_leave_pct', 'sick_leave_pct_prior_year')
),

final as (
    select * from from_tables
    union all
    select * from from_prose
)

select * from final
