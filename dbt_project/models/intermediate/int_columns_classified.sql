with cells as (
    select * from {{ ref('int_cells_stitched') }}
),

header_vocabulary as (
    select * from {{ ref('header_vocabulary') }}
),

marker_vocabulary as (
    select * from {{ ref('header_marker_vocabulary') }}
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

normalised as (
    select
        *,
        trim(regexp_replace(
            regexp_replace(lower(coalesce(column_header, '')), '([a-zåäö])- +', '\1', 'g'),
            '\s+', ' ', 'g'
        )) as header_normalised
    from value_columns
),

compacted as (
    -- a word wrapped inside a narrow header cell comes back split (`Årsprogn os`)
    select
        *,
        replace(header_normalised, ' ', '') as header_compact
    from normalised
),

with_role as (
    select
        compacted.*,
        header_vocabulary.header_role
    from compacted
    left join header_vocabulary
        on
            regexp_matches(compacted.header_normalised, header_vocabulary.pattern)
            or regexp_matches(compacted.header_compact, header_vocabulary.pattern)
    qualify row_number() over (
        partition by compacted.report_key, compacted.table_id, compacted.col_index
        order by header_vocabulary.priority desc nulls last
    ) = 1
),

with_markers as (
    select
        with_role.report_key,
        with_role.table_id,
        with_role.col_index,
        coalesce(bool_or(marker_vocabulary.marker = 'ytd'), false) as has_ytd_marker,
        coalesce(bool_or(marker_vocabulary.marker = 'forecast'), false) as mentions_forecast
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

final as (
    select
        with_role.report_key,
        with_role.table_id,
        with_role.col_index,
        with_role.column_header,
        with_role.header_normalised,
        coalesce(with_role.header_role, 'unknown') as header_role,
        with_markers.has_ytd_marker,
        with_markers.mentions_forecast,
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
        ) as header_year
    from with_role
    inner join with_markers
        on
            with_role.report_key = with_markers.report_key
            and with_role.table_id = with_markers.table_id
            and with_role.col_index = with_markers.col_index
)

select * from final
