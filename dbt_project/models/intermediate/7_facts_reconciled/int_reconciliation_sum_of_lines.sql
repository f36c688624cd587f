with totals as (
    select * from {{ changed_only(ref('int_totals_composed')) }}
),

left_out as (
    -- a total right after other totals adds the lines they leave out of their runs too
    -- (Nettokostnad = Intäkter + Kostnader totalt, when Kostnader totalt closes only the costs)
    select
        composite.report_key,
        composite.table_id,
        composite.sum_column,
        composite.total_seq,
        case
            when count(*) = count(part.parts_sum - part.composed_sum) then sum(part.parts_sum - part.composed_sum)
        end as left_out_sum,
        sum(part.n_parts - part.n_terms) as n_left_out
    from totals as composite
    inner join totals as part
        on
            composite.report_key = part.report_key
            and composite.table_id = part.table_id
            and composite.sum_column = part.sum_column
            and composite.total_seq > part.total_seq
            and composite.previous_composite_seq < part.total_seq
            and not part.is_composite
    where composite.is_composite and part.composition = 'tail'
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
        case
            when left_out.total_seq is null then totals.composed_sum
            else totals.composed_sum + left_out.left_out_sum
        end as actual,
        totals.n_terms + coalesce(left_out.n_left_out, 0) as n_terms,
        totals.terms_half_unit as half_unit,
        case
            when left_out.total_seq is not null and left_out.left_out_sum is null
                then 'a line left out of the totals above is unreadable'
            else totals.not_checked_reason
        end as not_checked_reason,
        concat_ws(
            '; ',
            totals.composition_detail,
            case when left_out.total_seq is not null then 'and the lines they leave out' end,
            case when totals.factor_sek is null then 'unit unknown: in printed units' end,
            case when totals.check_amount is null then 'total unreadable: ' || totals.amount_as_printed end,
            'unreadable: ' || totals.unreadable_parts
        ) as detail
    from totals
    left join left_out
        on
            totals.report_key = left_out.report_key
            and totals.table_id = left_out.table_id
            and totals.sum_column = left_out.sum_column
            and totals.total_seq = left_out.total_seq
)

select * from final
