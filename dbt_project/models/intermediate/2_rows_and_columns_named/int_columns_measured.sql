-- Every value column's measure once its meaning has passed the checks a fact must pass
-- before it is stored. A column that breaks one is withheld: its measure is `unknown`,
-- its reason kept (quality_table_coverage lists it), since a figure under another
-- measure looks right and is worse than a missing one.
-- (a) a line holds at most one value per measure and year: two columns read as one
--     meaning that both print on most lines and differ on one are an unread header,
--     both withheld;
-- (c) a column's time scope agrees with the report's period: no outcome of a year after
--     the report's, no part of a year in a report of the whole year, no full-year
--     outcome of a year an interim report has not closed, and a figure of one year
--     has a year;
-- (d) a table's header is whole: a caption ending in a word broken at the line's end
--     (`Avvikelse pro-`) is the header's first line read as the caption, so each column
--     kept only its lower words (`gnos/budget` reads as budget): all its columns withheld.
{% set year_bound = "(
    'budget', 'budget_ytd', 'outcome', 'outcome_ytd', 'outcome_prior_year', 'outcome_ytd_prior_year',
    'forecast', 'forecast_previous', 'deviation', 'deviation_ytd', 'deviation_forecast', 'plan',
    'consumption_pct'
)" %}
with columns_scoped as (
    select * from {{ changed_only(ref('int_columns_scoped')) }}
),

cells as (
    select * from {{ changed_only(ref('int_cells_stitched')) }}
),

reports as (
    select * from {{ changed_only(ref('stg_extracted__reports')) }}
),

headers_cut as (
    select
        report_key,
        table_id
    from {{ changed_only(ref('stg_extracted__tables')) }}
    where regexp_matches(caption, '[[:alpha:]][-\x{00AD}]$')
),

values_printed as (
    select
        report_key,
        table_id,
        row_index,
        col_index,
        printed_number,
        count(*) over (partition by report_key, table_id, col_index) as n_printed
    from cells
    where not is_header and not is_label and printed_number is not null
),

rivals as (
    select
        one.report_key,
        one.table_id,
        one.col_index,
        other.col_index as rival_index,
        other.column_header as rival_header
    from columns_scoped as one
    inner join columns_scoped as other
        on
            one.report_key = other.report_key
            and one.table_id = other.table_id
            and one.measure = other.measure
            and one.fiscal_year is not distinct from other.fiscal_year
            and one.col_index != other.col_index
    where one.measure not in ('unknown', 'ignore', 'label')
),

pair_rows as (
    -- the rows where both columns of a pair print a figure, and where those differ, beside
    -- the figures each prints in all
    select
        rivals.report_key,
        rivals.table_id,
        rivals.col_index,
        rivals.rival_index,
        rivals.rival_header,
        any_value(own.n_printed) as n_printed,
        any_value(rival.n_printed) as n_printed_rival,
        count(*) as n_both,
        count(*) filter (where own.printed_number != rival.printed_number) as n_differ
    from rivals
    inner join values_printed as own
        on
            rivals.report_key = own.report_key
            and rivals.table_id = own.table_id
            and rivals.col_index = own.col_index
    inner join values_printed as rival
        on
            rivals.report_key = rival.report_key
            and rivals.table_id = rival.table_id
            and rivals.rival_index = rival.col_index
            and own.row_index = rival.row_index
    group by all
),

disagreeing as (
    -- two columns that both print on most lines and differ on one; a column the reader
    -- split in two prints each line's figure in one part or the other, and a line broken
    -- across both parts is a shifted row (int_rows_shifted), not a second meaning
    select
        report_key,
        table_id,
        col_index,
        min(rival_header) as rival_header
    from pair_rows
    where
        n_differ > 0
        and 2 * n_both > n_printed + n_printed_rival - n_both
    group by report_key, table_id, col_index
),

scope_conflicts as (
    select
        columns_scoped.report_key,
        columns_scoped.table_id,
        columns_scoped.col_index,
        case
            when
                columns_scoped.measure in ('outcome', 'outcome_ytd', 'deviation', 'deviation_ytd')
                and columns_scoped.fiscal_year > reports.fiscal_year
                then 'time scope: an outcome of a year after the report''s'
            -- a staffing table of an annual report counts people on a date in the year
            -- (`30 nov 2025`); among budget columns a part of the year is no such count
            when
                reports.period_kind = 'annual'
                and columns_scoped.in_budget_table
                and columns_scoped.measure in (
                    'outcome_ytd', 'budget_ytd', 'deviation_ytd', 'outcome_ytd_prior_year'
                )
                then 'time scope: part of a year in a report of the whole year'
            when
                reports.period_kind = 'interim'
                and columns_scoped.measure = 'outcome'
                and columns_scoped.fiscal_year >= reports.fiscal_year
                then 'time scope: a full-year outcome of a year the report has not closed'
            -- `Budget`, `Utfall` with no year printed take the report's, and a report
            -- whose period was not found has none: no year is guessed for them
            when
                columns_scoped.fiscal_year is null
                and columns_scoped.in_budget_table
                and columns_scoped.measure in {{ year_bound }}
                then 'time scope: no year: the header prints none and the report''s period was not found'
        end as reason
    from (
        select
            *,
            bool_or(header_role in ('budget', 'forecast')) over (
                partition by report_key, table_id
            ) as in_budget_table
        from columns_scoped
    ) as columns_scoped
    inner join reports
        on columns_scoped.report_key = reports.report_key
),

final as (
    select
        columns_scoped.* exclude (measure),
        coalesce(
            case when headers_cut.table_id is not null then 'header: its first line was read as the caption (a word broken at its end)' end,
            scope_conflicts.reason,
            'one measure and year in two columns of different values (' || disagreeing.rival_header || ')'
        ) as withheld_reason,
        case
            when
                headers_cut.table_id is null and scope_conflicts.reason is null and disagreeing.col_index is null
                then columns_scoped.measure
            else 'unknown'
        end as measure,
        columns_scoped.measure as measure_read
    from columns_scoped
    left join scope_conflicts
        on
            columns_scoped.report_key = scope_conflicts.report_key
            and columns_scoped.table_id = scope_conflicts.table_id
            and columns_scoped.col_index = scope_conflicts.col_index
    left join disagreeing
        on
            columns_scoped.report_key = disagreeing.report_key
            and columns_scoped.table_id = disagreeing.table_id
            and columns_scoped.col_index = disagreeing.col_index
    left join headers_cut
        on
            columns_scoped.report_key = headers_cut.report_key
            and columns_scoped.table_id = headers_cut.table_id
)

select * from final
