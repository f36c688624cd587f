with sum_of_lines as (
    select * from {{ ref('int_reconciliation_sum_of_lines') }}
),

deviations as (
    select * from {{ ref('int_reconciliation_deviations') }}
),

headcounts as (
    select * from {{ ref('int_reconciliation_headcounts') }}
),

reports as (
    select
        report_key,
        file_name
    from {{ ref('int_reports_keyed') }}
),

printed_cells as (
    -- the checked figure's printed unit, so a report can show a check as the page prints it;
    -- a cell read under two units names none
    select
        report_key,
        table_id,
        row_index,
        col_index,
        case when count(distinct unit) = 1 then any_value(unit) end as unit,
        case when count(distinct factor_sek) = 1 then any_value(factor_sek) end as factor_sek,
        case when count(distinct amount_as_printed) = 1 then any_value(amount_as_printed) end as amount_as_printed
    from {{ ref('int_amounts_normalised') }}
    group by report_key, table_id, row_index, col_index
),

unioned as (
    select * from sum_of_lines
    union all by name
    select * from deviations
    union all by name
    select * from headcounts
),

named as (
    select
        unioned.*,
        reports.file_name,
        printed_cells.unit,
        printed_cells.factor_sek,
        printed_cells.amount_as_printed
    from unioned
    left join reports
        on unioned.report_key = reports.report_key
    left join printed_cells
        on
            unioned.report_key = printed_cells.report_key
            and unioned.table_id = printed_cells.table_id
            and unioned.row_index = printed_cells.row_index
            and unioned.col_index = printed_cells.col_index
),

final as (
    select
        left(md5(concat_ws(
            '|', report_key, relation, table_id, row_index, col_index, fiscal_year, check_name, measure, line_item
        )), 16) as check_key,
        report_key,
        file_name,
        relation,
        table_id,
        row_index,
        col_index,
        page,
        fiscal_year,
        check_name,
        measure,
        line_item,
        unit,
        factor_sek,
        amount_as_printed,
        expected,
        -- an unreadable total cannot be confirmed either: the check stays open, not passed
        case when expected is not null then actual end as actual,
        round(actual - expected, 2) as difference,
        -- printed figures are rounded: each term may be off by half its last digit
        round(n_terms * half_unit, 2) as tolerance,
        n_terms,
        -- a check that cannot be made claims nothing: not a failure, and it says why
        coalesce(
            not_checked_reason,
            case when expected is null then 'the checked figure is unreadable or its sign undecided' end,
            case when actual is null then 'a part is unreadable or its sign undecided' end
        ) as not_checked_reason,
        detail
    from named
)

select * from final
