with cells as (
    select * from {{ ref('int_cells_stitched') }}
),

line_vocabulary as (
    select * from {{ ref('line_vocabulary') }}
),

unit_vocabulary as (
    select * from {{ ref('unit_vocabulary') }}
),

body_rows as (
    select
        report_key,
        table_id,
        row_index,
        min(page) as page,
        max(row_label) as line_item,
        bool_or(is_italic) as is_italic
    from cells
    where not is_header
    group by report_key, table_id, row_index
),

normalised as (
    select
        *,
        trim(regexp_replace(
            regexp_replace(lower(coalesce(line_item, '')), '^[-–•*]\s*', ''), '\s+', ' ', 'g'
        )) as label_normalised
    from body_rows
),

with_role as (
    select
        normalised.*,
        line_vocabulary.line_role
    from normalised
    left join line_vocabulary
        on regexp_matches(normalised.label_normalised, line_vocabulary.pattern)
    qualify row_number() over (
        partition by normalised.report_key, normalised.table_id, normalised.row_index
        order by line_vocabulary.priority desc nulls last
    ) = 1
),

with_unit as (
    select
        with_role.*,
        unit_vocabulary.unit as label_unit,
        unit_vocabulary.factor_sek as label_factor_sek
    from with_role
    left join unit_vocabulary
        on regexp_matches(with_role.label_normalised, unit_vocabulary.pattern)
    qualify row_number() over (
        partition by with_role.report_key, with_role.table_id, with_role.row_index
        order by unit_vocabulary.priority desc nulls last
    ) = 1
),

flagged as (
    select
        *,
        coalesce(line_role = 'subline' or is_italic, false) as is_subline,
        coalesce(line_role = 'total', false) as is_total
    from with_unit
),

final as (
    select
        *,
        case
            when is_subline
                then last_value(case when not is_subline then line_item end ignore nulls) over (
                    partition by report_key, table_id order by row_index
                    rows between unbounded preceding and 1 preceding
                )
        end as parent_line_item
    from flagged
)

select * from final
