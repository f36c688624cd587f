-- One row per printed total and column with the sum the table means by it. A total may
-- close all the lines since the previous total (a section), only the last of them (a
-- tail: Kostnader totalt under an Intäkter line), or carry the previous total on
-- (Resultat = Nettokostnad + Kommunbidrag). The printed figures decide: the reading that
-- adds up in more of the total's row's columns is the one the row means (the section when
-- no other adds up more), so one wrong column is still a failure of that reading. A total
-- after another total whose figures decide nothing is not checked, and says why.
with totals as (
    select * from {{ changed_only(ref('int_totals_summed')) }}
),

readings as (
    select
        *,
        coalesce(abs(parts_sum - check_amount) <= n_parts * parts_half_unit, false) as section_adds_up,
        coalesce(abs(running_sum - check_amount) <= (n_parts + 1) * running_half_unit, false) as running_adds_up
    from totals
),

tails as (
    -- every run of the last n_tail lines shorter than the section
    select
        report_key,
        table_id,
        row_index,
        unnest(generate_series(1, n_parts - 1)) as n_tail,
        check_amount,
        tail_sums,
        tail_half_units
    from totals
    where not is_composite
),

tail_evidence as (
    select
        report_key,
        table_id,
        row_index,
        n_tail,
        count(*) filter (where abs(tail_sums[n_tail] - check_amount) <= n_tail * tail_half_units[n_tail]) as n_agree
    from tails
    group by report_key, table_id, row_index, n_tail
),

best_tails as (
    -- the tail that adds up in most columns; of equals the longest
    select
        report_key,
        table_id,
        row_index,
        arg_max(n_tail, n_agree * 1000000 + n_tail) as n_tail,
        max(n_agree) as n_tail_agree
    from tail_evidence
    group by report_key, table_id, row_index
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
        evidence.*,
        best_tails.n_tail,
        case
            when coalesce(best_tails.n_tail_agree, 0) > greatest(evidence.n_section, evidence.n_running) then 'tail'
            when not evidence.has_running_reading then 'section'
            when evidence.n_running > evidence.n_section then 'running'
            when evidence.n_section > evidence.n_running then 'section'
            -- both add up in the same columns (the previous total is zero there): either reads alike
            when evidence.n_section > 0 and evidence.n_both = evidence.n_section then 'section'
        end as composition
    from evidence
    left join best_tails
        on
            evidence.report_key = best_tails.report_key
            and evidence.table_id = best_tails.table_id
            and evidence.row_index = best_tails.row_index
),

final as (
    select
        readings.*,
        decided.composition,
        decided.n_tail,
        case decided.composition
            when 'section' then readings.parts_sum
            when 'running' then readings.running_sum
            when 'tail' then readings.tail_sums[decided.n_tail]
        end as composed_sum,
        case decided.composition
            when 'running' then readings.n_parts + 1
            when 'tail' then decided.n_tail
            else readings.n_parts
        end as n_terms,
        case decided.composition
            when 'running' then readings.running_half_unit
            when 'tail' then readings.tail_half_units[decided.n_tail]
            else readings.parts_half_unit
        end as terms_half_unit,
        case
            when decided.composition = 'running' then readings.previous_total_item || ' plus the lines after it'
            when decided.composition = 'tail' then 'sum of the ' || decided.n_tail || ' lines above'
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
