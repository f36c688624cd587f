with totals as (
    select * from {{ ref('int_totals_composed') }}
),

final as (
    select
        report_key,
        'fct_' || table_kind || '_budget' as relation,
        table_id,
        row_index,
        col_index,
        page,
        'sum_of_lines' as check_name,
        measure,
        line_item,
        check_amount as expected,
        composed_sum as actual,
        n_terms,
        terms_half_unit as half_unit,
        not_checked_reason,
        concat_ws(
            '; ',
            composition_detail,
            case when factor_sek is null then 'unit unknown: in printed units' end,
            case when check_amount is null then 'total unreadable: ' || amount_as_printed end,
            'unreadable: ' || unreadable_parts
        ) as detail
    from totals
)

select * from final
