with found as (
    select * from {{ ref('int_tables_unit_found') }}
),

report_units as (
    select * from {{ ref('int_reports_unit_found') }}
),

cells as (
    select * from {{ ref('int_cells_stitched') }}
),

rows_classified as (
    select * from {{ ref('int_rows_classified') }}
),

total_numbers as (
    -- small figures (0, 1) match by chance; a total of three or more digits is a fingerprint
    select distinct
        cells.report_key,
        cells.table_id,
        cells.printed_number
    from cells
    inner join rows_classified
        on
            cells.report_key = rows_classified.report_key
            and cells.table_id = rows_classified.table_id
            and cells.row_index = rows_classified.row_index
    where rows_classified.is_total and abs(cells.printed_number) >= 100
),

matched as (
    -- a table printing the same total as a table with a stated unit is in that unit
    select
        unresolved.report_key,
        unresolved.table_id,
        min(stated.unit) as unit,
        min(stated.factor_sek) as factor_sek,
        count(distinct stated.unit) as n_units
    from found as unresolved
    inner join total_numbers as unresolved_totals
        on
            unresolved.report_key = unresolved_totals.report_key
            and unresolved.table_id = unresolved_totals.table_id
    inner join total_numbers as stated_totals
        on
            unresolved_totals.report_key = stated_totals.report_key
            and unresolved_totals.printed_number = stated_totals.printed_number
            and unresolved_totals.table_id != stated_totals.table_id
    inner join found as stated
        on
            stated_totals.report_key = stated.report_key
            and stated_totals.table_id = stated.table_id
    where unresolved.unit is null and stated.unit is not null
    group by unresolved.report_key, unresolved.table_id
),

final as (
    select
        found.report_key,
        found.table_id,
        coalesce(found.unit, matched.unit, report_units.unit) as unit,
        coalesce(found.factor_sek, matched.factor_sek, report_units.factor_sek) as factor_sek,
        case
            when found.unit is not null then found.unit_source
            when matched.unit is not null then 'matching_table'
            when report_units.unit is not null then 'report_text'
        end as unit_source
    from found
    left join matched
        on
            found.report_key = matched.report_key
            and found.table_id = matched.table_id
            and matched.n_units = 1
    left join report_units
        on found.report_key = report_units.report_key
)

select * from final
