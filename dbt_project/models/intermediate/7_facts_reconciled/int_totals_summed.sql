-- One row per printed total and column with the sums its table could mean by it: the
-- lines since the previous total (a section: Summa kostnader), only the last of them
-- (`tail_sums`: Kostnader totalt under an Intäkter line), the previous total plus those
-- lines (a running result: Nettokostnad + Kommunbidrag = Resultat), or the totals above
-- it when no line stands between (intäkter + kostnader = resultat). Which one the table
-- means is decided across its columns (int_totals_composed).
with lines as (
    select * from {{ changed_only(ref('int_lines_segmented')) }}
),

segments as (
    select
        report_key,
        table_id,
        sum_column,
        segment_id,
        count(*) as n_terms,
        -- one unreadable or withheld part makes the sum unknown, not smaller
        case when count(*) = count(check_amount) and not bool_or(is_withheld) then sum(check_amount) end as parts_sum,
        max(half_unit) as half_unit,
        string_agg(
            case when check_amount is null then line_item || ' (' || amount_as_printed || ')' end, '; '
        ) as unreadable_parts,
        string_agg(case when is_withheld then line_item end, '; ') as withheld_parts
    from lines
    where not is_total
    group by report_key, table_id, sum_column, segment_id
),

tails as (
    -- the last n_tail lines of a segment, summed from the bottom up
    select
        report_key,
        table_id,
        sum_column,
        segment_id,
        row_number() over from_bottom as n_tail,
        case
            when
                count(*) over from_bottom = count(check_amount) over from_bottom
                and not bool_or(is_withheld) over from_bottom
                then sum(check_amount) over from_bottom
        end as tail_sum,
        max(half_unit) over from_bottom as tail_half_unit
    from lines
    where not is_total
    window from_bottom as (
        partition by report_key, table_id, sum_column, segment_id
        order by row_index desc rows between unbounded preceding and current row
    )
),

segment_tails as (
    select
        report_key,
        table_id,
        sum_column,
        segment_id,
        list(tail_sum order by n_tail) as tail_sums,
        list(tail_half_unit order by n_tail) as tail_half_units
    from tails
    group by report_key, table_id, sum_column, segment_id
),

totals as (
    select
        lines.*,
        segment_tails.tail_sums,
        -- the total is rounded too: a part printed to more decimals than its total
        -- (4,941 under 4,94) may be off by the total's half unit, not its own
        list_transform(segment_tails.tail_half_units, lambda h: greatest(h, lines.half_unit)) as tail_half_units,  -- noqa: RF02
        segments.n_terms as n_lines,
        segments.parts_sum as lines_sum,
        -- (greatest skips NULL: a total with no lines of its own keeps none)
        case when segments.half_unit is not null then greatest(segments.half_unit, lines.half_unit) end as lines_half_unit,
        segments.unreadable_parts as unreadable_lines,
        segments.withheld_parts as withheld_lines,
        segments.segment_id is null as is_composite
    from lines
    left join segments
        on
            lines.report_key = segments.report_key
            and lines.table_id = segments.table_id
            and lines.sum_column = segments.sum_column
            and lines.segment_id = segments.segment_id
    left join segment_tails
        on
            segments.report_key = segment_tails.report_key
            and segments.table_id = segment_tails.table_id
            and segments.sum_column = segment_tails.sum_column
            and segments.segment_id = segment_tails.segment_id
    where lines.is_total
),

with_previous as (
    select
        *,
        coalesce(max(case when is_composite then total_seq end) over previous_totals, 0) as previous_composite_seq,
        lag(line_item) over by_seq as previous_total_item,
        lag(case when not is_withheld then check_amount end) over by_seq as previous_total_amount,
        lag(half_unit) over by_seq as previous_total_half_unit
    from totals
    window
        by_seq as (partition by report_key, table_id, sum_column order by total_seq),
        previous_totals as (
            partition by report_key, table_id, sum_column
            order by total_seq rows between unbounded preceding and 1 preceding
        )
),

composite_parts as (
    select
        composite.report_key,
        composite.table_id,
        composite.sum_column,
        composite.total_seq,
        count(*) as n_terms,
        case
            when count(*) = count(part.check_amount) and not bool_or(part.is_withheld) then sum(part.check_amount)
        end as parts_sum,
        greatest(max(part.half_unit), any_value(composite.half_unit)) as half_unit,
        string_agg(
            case when part.check_amount is null then part.line_item || ' (' || part.amount_as_printed || ')' end,
            '; '
        ) as unreadable_parts,
        string_agg(case when part.is_withheld then part.line_item end, '; ') as withheld_parts
    from with_previous as composite
    inner join with_previous as part
        on
            composite.report_key = part.report_key
            and composite.table_id = part.table_id
            and composite.sum_column = part.sum_column
            and composite.total_seq > part.total_seq
            and composite.previous_composite_seq < part.total_seq
            and not part.is_composite
    where composite.is_composite
    group by composite.report_key, composite.table_id, composite.sum_column, composite.total_seq
),

final as (
    select
        with_previous.*,
        coalesce(with_previous.lines_sum, composite_parts.parts_sum) as parts_sum,
        coalesce(with_previous.n_lines, composite_parts.n_terms) as n_parts,
        coalesce(with_previous.lines_half_unit, composite_parts.half_unit) as parts_half_unit,
        coalesce(with_previous.unreadable_lines, composite_parts.unreadable_parts) as unreadable_parts,
        coalesce(with_previous.withheld_lines, composite_parts.withheld_parts) as withheld_parts,
        -- a section right after another total may instead carry that total on
        with_previous.n_lines is not null and with_previous.total_seq > 1 as has_running_reading,
        with_previous.previous_total_amount + with_previous.lines_sum as running_sum,
        greatest(with_previous.previous_total_half_unit, with_previous.lines_half_unit) as running_half_unit
    from with_previous
    left join composite_parts
        on
            with_previous.report_key = composite_parts.report_key
            and with_previous.table_id = composite_parts.table_id
            and with_previous.sum_column = composite_parts.sum_column
            and with_previous.total_seq = composite_parts.total_seq
    where
        not with_previous.is_withheld
        and coalesce(with_previous.n_lines, composite_parts.n_terms) is not null
)

select * from final
