with cells as (
    select * from {{ changed_only(ref('int_cells_stitched')) }}
),

header_vocabulary as (
    select * from {{ ref('header_vocabulary') }}
),

marker_vocabulary as (
    select * from {{ ref('header_marker_vocabulary') }}
),

reports as (
    select * from {{ changed_only(ref('stg_extracted__reports')) }}
),

unit_vocabulary as (
    select * from {{ ref('unit_vocabulary') }}
),

value_columns as (
    select
        report_key,
        table_id,
        col_index,
        max(column_header) as column_header
    from cells
    where not is_header and not is_label
    group by report_key, table_id, col_index
),

unit_phrase as (
    -- a caption's `belopp i kkr` read as a group header over every column opens each
    -- column's header (`i kkr Plan 2025`); the column is named by what follows
    select '^(belopp )?i (' || string_agg(pattern, '|') || ') ' as pattern
    from unit_vocabulary
),

normalised as (
    -- a word broken at a line-end hyphen joins (`Budget- avvikelse`, `Periodi-serad`);
    -- a range keeps its dash (`jan–aug`)
    select
        value_columns.*,
        regexp_replace(
            trim(regexp_replace(
                regexp_replace(
                    regexp_replace(
                        lower(coalesce(value_columns.column_header, '')), '([a-zåäö])- +', '\1', 'g'
                    ),
                    '([a-zåäö])-([a-zåäö])', '\1\2', 'g'
                ),
                '\s+', ' ', 'g'
            )),
            unit_phrase.pattern, ''
        ) as header_normalised
    from value_columns
    cross join unit_phrase
),

compacted as (
    -- a word wrapped inside a narrow header cell comes back split (`Årsprogn os`)
    select
        *,
        replace(header_normalised, ' ', '') as header_compact
    from normalised
),

role_matches as (
    select
        compacted.report_key,
        compacted.table_id,
        compacted.col_index,
        header_vocabulary.header_role,
        header_vocabulary.priority
    from compacted
    inner join header_vocabulary
        on
            regexp_matches(compacted.header_normalised, header_vocabulary.pattern)
            or regexp_matches(compacted.header_compact, header_vocabulary.pattern)
),

best_roles as (
    {{ best_match('role_matches', ['report_key', 'table_id', 'col_index'], 'header_role', 'priority') }}
),

with_role as (
    select
        compacted.*,
        best_roles.matched_value as header_role,
        best_roles.ambiguous_values as header_ambiguity
    from compacted
    left join best_roles
        on
            compacted.report_key = best_roles.report_key
            and compacted.table_id = best_roles.table_id
            and compacted.col_index = best_roles.col_index
),

with_markers as (
    select
        with_role.report_key,
        with_role.table_id,
        with_role.col_index,
        coalesce(bool_or(marker_vocabulary.marker = 'ytd'), false) as has_ytd_marker,
        coalesce(bool_or(marker_vocabulary.marker = 'forecast'), false) as mentions_forecast,
        coalesce(bool_or(marker_vocabulary.marker = 'prior_year'), false) as names_prior_year,
        coalesce(bool_or(marker_vocabulary.marker = 'annual'), false) as names_full_year
    from with_role
    left join marker_vocabulary
        on
            regexp_matches(with_role.header_normalised, marker_vocabulary.pattern)
            or (
                marker_vocabulary.marker = 'forecast'
                and regexp_matches(with_role.header_compact, marker_vocabulary.pattern)
            )
    group by with_role.report_key, with_role.table_id, with_role.col_index
),

with_year as (
    select
        with_role.*,
        coalesce(
            try_cast(regexp_extract(with_role.header_normalised, '\b((19|20)\d{2})\b', 1) as integer),
            2000 + try_cast(
                regexp_extract(with_role.header_normalised, '\b(\d{2})-\d{2}-\d{2}\b', 1) as integer
            ),
            2000 + try_cast(
                regexp_extract(
                    with_role.header_normalised, '\b(\d{2})(0[1-9]|1[0-2])(\d{2})?\b', 1
                ) as integer
            )
        ) as header_year,
        -- a table of years (staffing, sick leave: every value column a bare year, maybe a
        -- target beside them); a bare year among other headers is a broken-off part of one
        bool_and(coalesce(with_role.header_role in ('year_only', 'target', 'ignore'), false)) over (
            partition by with_role.report_key, with_role.table_id
        ) as is_year_table,
        reports.period_kind,
        reports.fiscal_year as report_fiscal_year
    from with_role
    left join reports
        on with_role.report_key = reports.report_key
),

with_year_role as (
    -- a bare year of a table of years is that year's outcome where the report closes the
    -- year, and the period's outcome in an interim report only for the report's own year
    -- (an earlier year may be its full year or the same period); in a budget, unknown
    select
        *,
        case
            when header_role is null or header_role != 'year_only' then header_role
            when not is_year_table then null
            when period_kind = 'annual' then 'outcome'
            when period_kind = 'interim' and header_year = report_fiscal_year then 'outcome'
        end as resolved_role
    from with_year
),

final as (
    select
        with_role.report_key,
        with_role.table_id,
        with_role.col_index,
        with_role.column_header,
        with_role.header_normalised,
        coalesce(with_role.resolved_role, 'unknown') as header_role,
        -- a bare year says when, not what: no evidence that the table holds money
        coalesce(with_role.header_role = 'year_only', false) as is_bare_year,
        with_role.header_ambiguity,
        with_markers.has_ytd_marker and not with_markers.names_full_year as has_ytd_marker,
        with_markers.mentions_forecast,
        with_markers.names_prior_year,
        with_markers.names_full_year,
        -- a forecast round: tertial or forecast number (`Prognos T1`), else the month named
        coalesce(
            try_cast(regexp_extract(with_role.header_normalised, '\b(t|tertial ?|prognos )([1-3])\b', 2) as integer),
            list_position(
                ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
                regexp_extract(
                    with_role.header_normalised,
                    '\b(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\b', 1
                )
            )
        ) as round_rank,
        with_role.header_year
    from with_year_role as with_role
    inner join with_markers
        on
            with_role.report_key = with_markers.report_key
            and with_role.table_id = with_markers.table_id
            and with_role.col_index = with_markers.col_index
)

select * from final
