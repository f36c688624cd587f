with lines as (
    select * from {{ ref('int_lines_segmented') }}
),

segments as (
    select
        report_key,
        table_id,
        sum_column,
        segment_id,
        count(*) as n_terms,
        -- one unreadable part makes the sum unknown, not smaller
        case when count(*) = count(check_amount) then sum(check_amount) end as parts_sum,
        max(half_unit) as half_unit,
        string_agg(
            case when check_amount is null then line_item || ' (' || amount_as_printed || ')' end, '; '
        ) as unreadable_parts
    from lines
    where not is_total
    group by report_key, table_id, sum_column, segment_id
),

totals as (
    select
        lines.*,
        segments.n_terms as n_lines,
        segments.parts_sum as lines_sum,
        segments.half_unit as lines_half_unit,
        segments.unreadable_parts as unreadable_lines,
        segments.segment_id is null as is_composite
    from lines
    left join segments
        on
            lines.report_key = segments.report_key
            and lines.table_id = segments.table_id
            and lines.sum_column = segments.sum_column
            and lines.segment_id = segments.segment_id
    where lines.is_total
),

with_previous_composite as (
    select
        *,
        coalesce(max(case when is_composite then total_seq end) over (
            partition by report_key, table_id, sum_column
            order by total_seq rows between unbounded preceding and 1 preceding
        ), 0) as previous_composite_seq
    from totals
),

composite_parts as (
    -- a total right after other totals adds those up (intäkter + kostnader = resultat)
    select
        composite.report_key,
        composite.table_id,
        composite.sum_column,
        composite.total_seq,
        count(*) as n_terms,
        case when count(*) = count(part.check_amount) then sum(part.check_amount) end as parts_sum,
        max(part.half_unit) as half_unit,
        string_agg(
            case when part.check_amount is null then part.line_item || ' (' || part.amount_as_printed || ')' end,
            '; '
        ) as unreadable_parts
    from with_previous_composite as composite
    inner join with_previous_composite as part
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
        totals.report_key,
        'fct_' || totals.table_kind || '_budget' as relation,
        totals.table_id,
        totals.row_index,
        totals.col_index,
        totals.page,
        'sum_of_lines' as check_name,
        totals.measure,
        totals.line_item,
        totals.check_amount as expected,
        coalesce(totals.lines_sum, composite_parts.parts_sum) as actual,
        coalesce(totals.n_lines, composite_parts.n_terms) as n_terms,
        coalesce(totals.lines_half_unit, composite_parts.half_unit) as half_unit,
        concat_ws(
            '; ',
            case when totals.is_composite then 'sum of the totals above' else 'sum of the lines above' end,
            case when totals.factor_sek is null then 'unit unknown: in printed units' end,
            case when totals.check_amount is null then 'total unreadable: ' || totals.amount_as_printed end,
            'unreadable: ' || coalesce(totals.unreadable_lines, composite_parts.unreadable_parts)
        ) as detail
    from totals
    left join composite_parts
        on
            totals.report_key = composite_parts.report_key
            and totals.table_id = composite_parts.table_id
            and totals.sum_column = composite_parts.sum_column
            and totals.total_seq = composite_parts.total_seq
    where coalesce(totals.n_lines, composite_parts.n_terms) is not null
)

select * from final
