with lines as (
    select * from {{ changed_only(ref('int_lines_segmented')) }}
),

definitions as (
    select * from {{ ref('deviation_definitions') }}
),

columns_differenced as (
    select * from {{ changed_only(ref('int_deviation_columns_differenced')) }}
),

deviations as (
    -- a deviation printed once for several lines (`Intäkt` / `Kostnad` under one
    -- `Nettoavvikelse`) covers the lines down to the next printed deviation
    select
        lines.*,
        definitions.minuend_measure,
        definitions.subtrahend_measure,
        definitions.check_name,
        lead(lines.row_index) over (
            partition by lines.report_key, lines.table_id, lines.col_index order by lines.row_index
        ) as next_deviation_row
    from lines
    inner join definitions
        on lines.measure = definitions.deviation_measure
    where definitions.check_name is not null and not lines.is_withheld
),

levels as (
    -- one figure per row, measure and year; a measure printed twice on a row is ambiguous
    select
        report_key,
        table_id,
        row_index,
        measure,
        fiscal_year,
        any_value(is_total) as is_total,
        any_value(check_amount) as check_amount,
        any_value(amount_as_printed) as amount_as_printed,
        any_value(half_unit) as half_unit
    from lines
    where not is_withheld
    group by report_key, table_id, row_index, measure, fiscal_year
    having count(*) = 1
),

covered as (
    select
        deviations.report_key,
        deviations.table_id,
        deviations.row_index,
        deviations.col_index,
        count(*) as n_lines,
        sum(minuend.check_amount - subtrahend.check_amount) as actual,
        max(greatest(minuend.half_unit, subtrahend.half_unit)) as half_unit,
        string_agg(
            deviations.minuend_measure || ' ' || minuend.amount_as_printed || ' minus '
            || deviations.subtrahend_measure || ' ' || subtrahend.amount_as_printed,
            '; ' order by minuend.row_index
        ) as detail
    from deviations
    inner join levels as minuend
        on
            deviations.report_key = minuend.report_key
            and deviations.table_id = minuend.table_id
            and deviations.fiscal_year = minuend.fiscal_year
            and deviations.minuend_measure = minuend.measure
            and deviations.row_index <= minuend.row_index
            and minuend.row_index < coalesce(deviations.next_deviation_row, 2147483647)
            and (deviations.row_index = minuend.row_index or not minuend.is_total)
    inner join levels as subtrahend
        on
            minuend.report_key = subtrahend.report_key
            and minuend.table_id = subtrahend.table_id
            and minuend.row_index = subtrahend.row_index
            and minuend.fiscal_year = subtrahend.fiscal_year
            and deviations.subtrahend_measure = subtrahend.measure
    group by deviations.report_key, deviations.table_id, deviations.row_index, deviations.col_index
),

final as (
    select
        deviations.report_key,
        'fct_' || deviations.table_kind || '_budget' as relation,
        deviations.table_id,
        deviations.row_index,
        deviations.col_index,
        deviations.page,
        deviations.check_name,
        deviations.measure,
        deviations.line_item,
        deviations.check_amount as expected,
        covered.actual,
        2 * covered.n_lines as n_terms,
        greatest(covered.half_unit, deviations.half_unit) as half_unit,
        'the column''s figures are ' || columns_differenced.shown_difference || ' on '
        || columns_differenced.n_rows_shown || ' rows, never ' || columns_differenced.defined_difference
            as not_checked_reason,
        concat_ws(
            '; ',
            covered.detail,
            case when deviations.check_amount is null then 'deviation unreadable' end
        ) as detail
    from deviations
    inner join covered
        on
            deviations.report_key = covered.report_key
            and deviations.table_id = covered.table_id
            and deviations.row_index = covered.row_index
            and deviations.col_index = covered.col_index
    left join columns_differenced
        on
            deviations.report_key = columns_differenced.report_key
            and deviations.table_id = columns_differenced.table_id
            and deviations.col_index = columns_differenced.col_index
)

select * from final
