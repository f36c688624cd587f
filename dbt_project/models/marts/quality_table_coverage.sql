-- the kinds that become facts; another named kind (indicator, statistics) is out of scope
{% set fact_kinds = "('operating', 'investment', 'staffing', 'sick_leave')" %}

with cells as (
    select * from {{ ref('int_cells_stitched') }}
),

tables as (
    select * from {{ ref('stg_extracted__tables') }}
),

tables_classified as (
    select * from {{ ref('int_tables_classified') }}
),

columns_measured as (
    select * from {{ ref('int_columns_measured') }}
),

shifted_rows as (
    select * from {{ ref('int_rows_shifted') }}
),

prose_statements as (
    select * from {{ ref('int_prose_facts_once') }}
),

text_regions as (
    select * from {{ ref('stg_extracted__numeric_regions') }}
),

reports as (
    select * from {{ ref('stg_extracted__reports') }}
),

kept_facts as (
    -- every report file's facts, a copy's too: coverage is per file
    select * from {{ ref('facts_all_copies') }}
),

amounts as (
    select * from {{ ref('int_amounts_normalised') }}
),

quarantine as (
    -- each rule named as dim_report names it (`fct_sick_leave not_null(fiscal_year)`)
    select
        *,
        format('{} {}({})', relation, rule, column_name) as named_rule
    from {{ ref('quality_quarantine') }}
),

assembled_table_facts as (
    -- every fact a table gave before quality_quarantine took the contract breakers out
    select * from {{ ref('int_facts_fingerprinted') }}
),

quarantined_tables as (
    -- the contract rules a table's withheld facts broke
    select
        assembled_table_facts.report_key,
        assembled_table_facts.table_id,
        string_agg(distinct quarantine.named_rule, ', ' order by quarantine.named_rule) as rules
    from assembled_table_facts
    inner join quarantine
        on
            assembled_table_facts.relation = quarantine.relation
            and assembled_table_facts.report_key = quarantine.report_key
            and assembled_table_facts.fact_key is not distinct from quarantine.fact_key
    where assembled_table_facts.table_id is not null
    group by assembled_table_facts.report_key, assembled_table_facts.table_id
),

table_facts as (
    select
        report_key,
        table_id
    from kept_facts
),

table_pages as (
    select
        report_key,
        table_id,
        min(page) as page_first,
        max(page) as page_last,
        count(distinct row_index) filter (
            where not is_header and not is_label and printed_number is not null
        ) as numeric_rows
    from cells
    group by report_key, table_id
),

numeric_tables as (
    select
        table_pages.*,
        (
            select count(*) from table_facts
            where
                table_facts.report_key = table_pages.report_key
                and table_facts.table_id = table_pages.table_id
        ) as n_facts
    from table_pages
    where table_pages.numeric_rows >= 3
),

measured as (
    select
        report_key,
        table_id,
        count(*) filter (where measure not in ('ignore', 'label', 'unknown', 'target')) as n_measured
    from columns_measured
    group by report_key, table_id
),

table_regions as (
    select
        numeric_tables.report_key,
        numeric_tables.page_first as page,
        'table' as region_kind,
        numeric_tables.table_id,
        cast(null as integer) as row_index,
        concat('table ', numeric_tables.table_id, ': ', coalesce(nullif(tables.caption, ''), '(no caption)'))
            as region,
        numeric_tables.numeric_rows,
        numeric_tables.n_facts as facts_produced,
        case
            when tables_classified.unit_source = 'conflicting' then 'unit conflicting'
            when tables_classified.table_kind is null and measured.n_measured > 0 and tables_classified.unit is null
                then 'unit unknown'
            when tables_classified.table_kind is null then 'table kind unknown'
            when tables_classified.table_kind not in {{ fact_kinds }}
                then concat('table kind not loaded: ', tables_classified.table_kind)
            when coalesce(measured.n_measured, 0) = 0 then 'no measure for any column'
            when tables_classified.table_kind in ('operating', 'investment') and tables_classified.unit is null
                then 'unit unknown'
            -- its rows gave facts, and quality_quarantine withheld every one of them
            when quarantined_tables.rules is not null
                then concat('withheld: contract broken (', quarantined_tables.rules, ')')
            else 'no row produced a fact'
        end as reason_if_unread,
        coalesce(tables_classified.table_kind in {{ fact_kinds }}, true) as is_in_scope
    from numeric_tables
    left join tables
        on numeric_tables.report_key = tables.report_key and numeric_tables.table_id = tables.table_id
    left join tables_classified
        on
            numeric_tables.report_key = tables_classified.report_key
            and numeric_tables.table_id = tables_classified.table_id
    left join measured
        on numeric_tables.report_key = measured.report_key and numeric_tables.table_id = measured.table_id
    left join quarantined_tables
        on
            numeric_tables.report_key = quarantined_tables.report_key
            and numeric_tables.table_id = quarantined_tables.table_id
),

line_regions as (
    select
        report_key,
        page,
        'text' as region_kind,
        cast(null as integer) as table_id,
        cast(null as integer) as row_index,
        concat('lines from "', first_row, '"') as region,
        numeric_rows,
        0 as facts_produced,
        'no table found' as reason_if_unread,
        true as is_in_scope
    from text_regions
),

withheld_rows as (
    select
        report_key,
        page,
        'withheld_row' as region_kind,
        table_id,
        row_index,
        concat('table ', table_id, ' row ', row_index, ': ', row_label, ' (', evidence, ')') as region,
        1 as numeric_rows,
        0 as facts_produced,
        'withheld: cells shifted' as reason_if_unread,
        true as is_in_scope
    from shifted_rows
),

withheld_figures as (
    -- figures of a read table kept without an amount: a sign nothing decides, or a
    -- deviation that is not the difference its header names
    select
        report_key,
        min(page) as page,
        'withheld_figures' as region_kind,
        table_id,
        cast(null as integer) as row_index,
        concat(
            'table ', table_id, ': ', count(*), ' figures of ',
            array_to_string(list_sort(list(distinct line_item)), ', ')
        ) as region,
        count(distinct row_index) as numeric_rows,
        0 as facts_produced,
        case sign_basis
            when 'undecided' then 'withheld: sign undecided'
            else 'withheld: deviation is not the difference its header names'
        end as reason_if_unread,
        true as is_in_scope
    from amounts
    where
        sign_basis in ('undecided', 'deviation_contradicted') and printed_number is not null
        -- a row shifted off its columns is withheld whole (withheld_rows)
        and {{ not_withheld('amounts', 'shifted_rows') }}
    group by report_key, table_id, sign_basis
),

withheld_prose as (
    -- a figure a sentence states that no fact holds: its owner is unknown, or another
    -- sentence states it differently
    select
        report_key,
        page,
        'withheld_prose' as region_kind,
        cast(null as integer) as table_id,
        cast(null as integer) as row_index,
        concat(fact, ' ', as_printed, ' of ', coalesce(population, 'the committee'), ': ', sentence) as region,
        1 as numeric_rows,
        0 as facts_produced,
        concat('withheld: ', withheld_reason) as reason_if_unread,
        true as is_in_scope
    from prose_statements
    where withheld_reason is not null
),

withheld_columns as (
    -- a column whose meaning broke an invariant (int_columns_measured): no fact of it
    select
        columns_measured.report_key,
        table_pages.page_first as page,
        'withheld_column' as region_kind,
        columns_measured.table_id,
        cast(null as integer) as row_index,
        concat(
            'table ', columns_measured.table_id, ' column ', columns_measured.col_index, ': ',
            columns_measured.column_header, ' read as ', columns_measured.measure_read
        ) as region,
        table_pages.numeric_rows,
        0 as facts_produced,
        concat('withheld: ', columns_measured.withheld_reason) as reason_if_unread,
        true as is_in_scope
    from columns_measured
    inner join table_pages
        on
            columns_measured.report_key = table_pages.report_key
            and columns_measured.table_id = table_pages.table_id
    where columns_measured.withheld_reason is not null
),

unioned as (
    select * from table_regions
    union all by name
    select * from line_regions
    union all by name
    select * from withheld_rows
    union all by name
    select * from withheld_figures
    union all by name
    select * from withheld_prose
    union all by name
    select * from withheld_columns
),

final as (
    select
        left(md5(concat_ws(
            '|', unioned.report_key, unioned.region_kind, unioned.page, unioned.table_id,
            unioned.row_index, unioned.region
        )), 16) as coverage_key,
        unioned.report_key,
        reports.file_name,
        unioned.page,
        unioned.region_kind,
        unioned.table_id,
        unioned.row_index,
        unioned.region,
        cast(unioned.numeric_rows as integer) as numeric_rows,
        cast(unioned.facts_produced as integer) as facts_produced,
        unioned.facts_produced > 0 as is_read,
        unioned.is_in_scope,
        case when unioned.facts_produced = 0 then unioned.reason_if_unread end as reason
    from unioned
    inner join reports
        on unioned.report_key = reports.report_key
)

select * from final
