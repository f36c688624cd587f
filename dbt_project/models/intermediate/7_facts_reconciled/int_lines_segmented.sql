with amounts as (
    select * from {{ changed_only(ref('int_amounts_normalised')) }}
),

shifted_rows as (
    select * from {{ changed_only(ref('int_rows_shifted')) }}
),

money_lines as (
    -- sub-lines (varav, italic) are already inside their parent and never summed
    select
        report_key,
        table_id,
        col_index,
        row_index,
        page,
        table_kind,
        measure,
        fiscal_year,
        line_item,
        is_total,
        amount_as_printed,
        number_flag,
        factor_sek,
        printed_number * coalesce(factor_sek, 1) * sign_factor + 0 as check_amount,
        0.5 * coalesce(factor_sek, 1) * pow(10, -coalesce(decimals, 0)) as half_unit,
        -- a row printed off its columns stores no fact: it still closes its segment,
        -- but no check is made of it or with it (quality_table_coverage says why)
        not {{ not_withheld('amounts', 'shifted_rows') }} as is_withheld
    from amounts
    where
        table_kind in ('operating', 'investment')
        and not is_subline
        -- `Ej aktuellt` states there is no figure: not a part of the sum, unlike an unreadable one
        and coalesce(number_flag, '') != 'not_applicable'
        and measure not in ('consumption_pct', 'target', 'ignore', 'label', 'unknown')
        and coalesce(line_role, '') not in (
            'annual_work_units', 'employees', 'employees_women', 'employees_men',
            'salary_cost_sek', 'sick_leave', 'ratio_or_count'
        )
),

summed_columns as (
    -- lines add up within one printed column and one measure; a transposed summary
    -- prints several measures (and kinds) down one column, each its own sum
    select
        *,
        concat_ws(':', col_index, table_kind, measure) as sum_column
    from money_lines
),

sequenced as (
    select
        *,
        -- a plain line belongs to the segment closed by the next total
        cast(sum(case when is_total then 1 else 0 end) over (
            partition by report_key, table_id, sum_column
            order by row_index rows between unbounded preceding and current row
        ) as integer) as total_seq
    from summed_columns
),

final as (
    select
        *,
        case when is_total then total_seq - 1 else total_seq end as segment_id
    from sequenced
)

select * from final
