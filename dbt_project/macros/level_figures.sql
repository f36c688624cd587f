{#- The level figures (budget, outcome, forecast, plan) of located cells that a total
    can sum: no sub-line (already inside its parent), no percent, a printed number.
    Each with its printed unit and the totals printed before it in its column: a line
    after total n is in segment n. One definition for signing tables (int_tables_signed)
    and rows, by their sums (int_rows_signed) and by the result they balance
    (int_rows_balanced). -#}
{% macro level_figures(located) %}
select
    report_key,
    table_id,
    row_index,
    col_index,
    is_total,
    line_role,
    printed_number,
    pow(10, -coalesce(decimals, 0)) as printed_unit,
    count(*) filter (where is_total) over (
        partition by report_key, table_id, col_index
        order by row_index rows between unbounded preceding and 1 preceding
    ) as totals_before
from {{ located }}
where
    header_role in ('budget', 'outcome', 'forecast', 'plan')
    and printed_number is not null and not is_subline and not is_percent
{% endmacro %}
