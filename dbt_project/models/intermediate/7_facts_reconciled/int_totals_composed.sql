-- One row per printed total and column with the sum the table means by it. A total right
-- after another total, with lines between, may close only those lines (Summa kostnader
-- after Summa intäkter) or carry the previous total on (Resultat = Nettokostnad +
-- Kommunbidrag). The printed figures decide: the reading that adds up in more of the
-- total's columns is the one its row means, so one wrong column is still a failure of
-- that reading. When the figures decide nothing the total is not checked, and says why.
with totals as (
    select * from {{ ref('int_totals_summed') }}
),

readings as (
    select
        *,
        coalesce(abs(parts_sum - check_amount) <= n_parts * parts_half_unit, false) as section_adds_up,
        coalesce(abs(running_sum - check_amount) <= (n_parts + 1) * running_half_unit, false) as running_adds_up
    from totals
),

evidence as (
    select
        report_key,
        table_id,
        row_index,
        bool_or(has_running_reading) as has_running_reading,
        count(*) filter (where section_adds_up) as n_section,
        count(*) filter (where running_adds_up) as n_running,
        count(*) filter (where section_adds_up and running_adds_up) as n_both
    from readings
    group by report_key, table_id, row_index
),

decided as (
    select
        *,
        case
            when not has_running_reading then 'section'
            when n_running > n_section then 'running'
            when n_section > n_running then 'section'
            -- both add up in the same columns (the previous total is zero there): either reads alike
            when n_section > 0 and n_both = n_section then 'section'
        end as composition
    from evidence
),

final as (
    select
        readings.*,
        decided.composition,
        case decided.composition
            when 'section' then readings.parts_sum
            when 'running' then readings.running_sum
        end as composed_sum,
        case decided.composition
            when 'section' then readings.n_parts
            when 'running' then readings.n_parts + 1
            else readings.n_parts
        end as n_terms,
        case decided.composition
            when 'running' then readings.running_half_unit
            else readings.parts_half_unit
        end as terms_half_unit,
        case
            when decided.composition = 'running' then readings.previous_total_item || ' plus the lines after it'
            when readings.is_composite then 'sum of the totals above'
            else 'sum of the lines above'
        end as composition_detail,
        case
            when decided.composition is null
                then
                    'parts cannot be told apart: neither the lines since the total above ('
                    || coalesce(readings.previous_total_item, '?') || ') nor that total plus them add up'
                    || ' in more of the row''s columns'
            when readings.withheld_parts is not null
                then 'a part is withheld (cells shifted): ' || readings.withheld_parts
        end as not_checked_reason
    from readings
    inner join decided
        on
            readings.report_key = decided.report_key
            and readings.table_id = decided.table_id
            and readings.row_index = decided.row_index
)

select * from final
