-- A table without a stated unit is in the unit of a table stating one when it prints the
-- same total (the summary repeated in an appendix) or when all its figures are figures of
-- that table (a per-project analysis repeating the project table's lines).
with found as (
    select * from {{ changed_only(ref('int_tables_unit_found')) }}
),

cells as (
    select * from {{ changed_only(ref('int_cells_stitched')) }}
),

rows_classified as (
    select * from {{ changed_only(ref('int_rows_classified')) }}
),

stated as (
    -- a unit named in the prose around a table is no fingerprint to pass on
    select * from found
    where unit_source in ('header', 'caption', 'note')
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

figures as (
    select distinct
        report_key,
        table_id,
        printed_number
    from cells
    where not is_header and not is_label and abs(printed_number) >= 100
),

figure_counts as (
    select
        report_key,
        table_id,
        count(*) as n_figures
    from figures
    group by report_key, table_id
),

repeated_totals as (
    select
        unresolved_totals.report_key,
        unresolved_totals.table_id,
        stated_totals.table_id as stated_table_id
    from total_numbers as unresolved_totals
    inner join total_numbers as stated_totals
        on
            unresolved_totals.report_key = stated_totals.report_key
            and unresolved_totals.printed_number = stated_totals.printed_number
            and unresolved_totals.table_id != stated_totals.table_id
),

repeated_figures as (
    -- two figures at least: one may match by chance
    select
        unresolved_figures.report_key,
        unresolved_figures.table_id,
        stated_figures.table_id as stated_table_id
    from figures as unresolved_figures
    inner join figures as stated_figures
        on
            unresolved_figures.report_key = stated_figures.report_key
            and unresolved_figures.printed_number = stated_figures.printed_number
            and unresolved_figures.table_id != stated_figures.table_id
    inner join figure_counts
        on
            unresolved_figures.report_key = figure_counts.report_key
            and unresolved_figures.table_id = figure_counts.table_id
    group by all
    having count(*) = any_value(figure_counts.n_figures) and count(*) >= 2
),

repeated as (
    select * from repeated_totals
    union
    select * from repeated_figures
),

final as (
    -- several stated units behind the same evidence say nothing
    select
        unresolved.report_key,
        unresolved.table_id,
        min(stated.unit) as unit,
        min(stated.factor_sek) as factor_sek
    from found as unresolved
    inner join repeated
        on unresolved.report_key = repeated.report_key and unresolved.table_id = repeated.table_id
    inner join stated
        on repeated.report_key = stated.report_key and repeated.stated_table_id = stated.table_id
    where unresolved.unit is null or unresolved.unit_source = 'context'
    group by unresolved.report_key, unresolved.table_id
    having count(distinct stated.unit) = 1
)

select * from final
