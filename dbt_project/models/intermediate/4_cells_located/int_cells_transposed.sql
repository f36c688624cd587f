-- A transposed table prints measures as rows: its columns are bare years and some row
-- labels are measure words (`Budget`, `Budgetavvikelse`) naming a measure of the line
-- above them (`Nettokostnader`); in an annual report the line's own row is its outcome.
-- A line naming another table kind (`Nettoinvesteringar` in `Ekonomi`) takes that kind
-- and the report's sign convention for it; without one it is left out (never guessed).
with cells as (
    select * from {{ changed_only(ref('int_cells_stitched')) }}
),

columns_classified as (
    select * from {{ changed_only(ref('int_columns_classified')) }}
),

rows_classified as (
    select * from {{ changed_only(ref('int_rows_classified')) }}
),

reports as (
    select * from {{ changed_only(ref('stg_extracted__reports')) }}
),

header_vocabulary as (
    select * from {{ ref('header_vocabulary') }}
    where header_role in ('budget', 'outcome', 'forecast', 'deviation', 'plan')
),

year_tables as (
    select
        report_key,
        table_id
    from columns_classified
    group by report_key, table_id
    having bool_and(regexp_matches(header_normalised, '^(19|20)\d{2}$'))
),

row_matches as (
    select
        rows_classified.report_key,
        rows_classified.table_id,
        rows_classified.row_index,
        header_vocabulary.header_role,
        header_vocabulary.priority
    from rows_classified
    inner join year_tables
        on
            rows_classified.report_key = year_tables.report_key
            and rows_classified.table_id = year_tables.table_id
    inner join header_vocabulary
        on regexp_matches(rows_classified.label_normalised, header_vocabulary.pattern)
),

best_roles as (
    {{ best_match('row_matches', ['report_key', 'table_id', 'row_index'], 'header_role', 'priority') }}
),

row_roles as (
    -- a label naming two measures at one priority is a measure row of no known measure
    select
        rows_classified.report_key,
        rows_classified.table_id,
        rows_classified.row_index,
        rows_classified.line_item,
        rows_classified.is_total,
        case
            when best_roles.ambiguous_values is not null then 'unknown' else best_roles.matched_value
        end as row_role
    from rows_classified
    inner join year_tables
        on
            rows_classified.report_key = year_tables.report_key
            and rows_classified.table_id = year_tables.table_id
    left join best_roles
        on
            rows_classified.report_key = best_roles.report_key
            and rows_classified.table_id = best_roles.table_id
            and rows_classified.row_index = best_roles.row_index
),

owned as (
    -- only a table with both lines and measure rows is transposed
    select
        *,
        last_value(case when row_role is null then row_index end ignore nulls) over (
            partition by report_key, table_id order by row_index
            rows between unbounded preceding and current row
        ) as owner_row_index
    from row_roles
    qualify count(row_role) over (partition by report_key, table_id) > 0
),

final as (
    select
        cells.report_key,
        cells.table_id,
        cells.row_index,
        cells.col_index,
        owners.line_item,
        owners.is_total,
        columns_classified.header_year as fiscal_year,
        {{ resolve_measure(
            "coalesce(owned.row_role, case when reports.period_kind = 'annual' then 'outcome' end)",
            'columns_classified.header_year', 'reports.fiscal_year', 'reports.period_kind'
        ) }} as measure
    from cells
    inner join owned
        on
            cells.report_key = owned.report_key
            and cells.table_id = owned.table_id
            and cells.row_index = owned.row_index
    inner join owned as owners
        on
            owned.report_key = owners.report_key
            and owned.table_id = owners.table_id
            and owned.owner_row_index = owners.row_index
    inner join columns_classified
        on
            cells.report_key = columns_classified.report_key
            and cells.table_id = columns_classified.table_id
            and cells.col_index = columns_classified.col_index
    inner join reports
        on cells.report_key = reports.report_key
    where not cells.is_header and not cells.is_label
)

select * from final
