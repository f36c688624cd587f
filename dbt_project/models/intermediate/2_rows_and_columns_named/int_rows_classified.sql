with cells as (
    select * from {{ changed_only(ref('int_cells_stitched')) }}
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
    -- a word broken at a line-end hyphen reads whole (`Kommunersätt-ning`)
    select
        *,
        trim(regexp_replace(
            regexp_replace(
                regexp_replace(lower(coalesce(line_item, '')), '^[-–•*]\s*', ''),
                '([a-zåäö])-([a-zåäö])', '\1\2', 'g'
            ),
            '\s+', ' ', 'g'
        )) as label_normalised
    from body_rows
),

role_matches as (
    select
        normalised.report_key,
        normalised.table_id,
        normalised.row_index,
        line_vocabulary.line_role,
        line_vocabulary.priority
    from normalised
    inner join line_vocabulary
        on regexp_matches(normalised.label_normalised, line_vocabulary.pattern)
),

best_roles as (
    {{ best_match('role_matches', ['report_key', 'table_id', 'row_index'], 'line_role', 'priority') }}
),

unit_matches as (
    select
        normalised.report_key,
        normalised.table_id,
        normalised.row_index,
        unit_vocabulary.unit,
        unit_vocabulary.priority
    from normalised
    inner join unit_vocabulary
        on regexp_matches(normalised.label_normalised, unit_vocabulary.pattern)
),

best_units as (
    {{ best_match('unit_matches', ['report_key', 'table_id', 'row_index'], 'unit', 'priority') }}
),

unit_factors as (
    select distinct
        unit,
        factor_sek
    from unit_vocabulary
),

with_unit as (
    -- `Kvinnor och män` names two roles at one priority: no role, the tie recorded
    select
        normalised.*,
        best_roles.matched_value as line_role,
        best_roles.ambiguous_values as line_role_ambiguity,
        best_units.matched_value as label_unit,
        unit_factors.factor_sek as label_factor_sek
    from normalised
    left join best_roles
        on
            normalised.report_key = best_roles.report_key
            and normalised.table_id = best_roles.table_id
            and normalised.row_index = best_roles.row_index
    left join best_units
        on
            normalised.report_key = best_units.report_key
            and normalised.table_id = best_units.table_id
            and normalised.row_index = best_units.row_index
    left join unit_factors
        on best_units.matched_value = unit_factors.unit
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
