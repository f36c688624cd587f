{#- Two CTEs, `compared` and `rows_compared`: each deviation figure beside the difference
    of the figures its definition names on its row (times `factor`, a column of the
    deviation figure, when the figures are checked signed), then per figure whether it
    prints that difference or its reverse, on the rows that can be checked (both
    operands printed). A row with two candidate operands (two columns of one measure)
    prints the difference if one pair does. A difference within the printed precision
    of 0 fits both orientations and is no evidence; one of exactly one printed unit is
    evidence where only one orientation fits it. One rule for the printed figures
    (int_deviation_figures_checked) and the signed ones
    (int_deviation_columns_row_signed). -#}
{% macro deviation_rows_compared(figures, definitions, factor=none) %}
compared as (
    select
        deviation.report_key,
        deviation.table_id,
        deviation.col_index,
        deviation.row_index,
        deviation.printed_number as printed_deviation,
        {% if factor %}{{ factor }} * {% endif %}(minuend.printed_number - subtrahend.printed_number) as difference,
        greatest(deviation.printed_unit, minuend.printed_unit, subtrahend.printed_unit) as printed_unit
    from {{ figures }} as deviation
    inner join {{ definitions }} as definitions
        on deviation.measure = definitions.deviation_measure
    inner join {{ figures }} as minuend
        on
            deviation.report_key = minuend.report_key
            and deviation.table_id = minuend.table_id
            and deviation.row_index = minuend.row_index
            and deviation.fiscal_year is not distinct from minuend.fiscal_year
            and definitions.minuend_measure = minuend.measure
    inner join {{ figures }} as subtrahend
        on
            deviation.report_key = subtrahend.report_key
            and deviation.table_id = subtrahend.table_id
            and deviation.row_index = subtrahend.row_index
            and deviation.fiscal_year is not distinct from subtrahend.fiscal_year
            and definitions.subtrahend_measure = subtrahend.measure
),

rows_compared as (
    select
        report_key,
        table_id,
        col_index,
        row_index,
        -- in printed units, rounded: 13,8 against 12,1 - -1,6 is one unit off, not 1.0000000000000142
        bool_or(round(abs(printed_deviation - difference) / printed_unit, 6) <= 1) as is_difference,
        bool_or(round(abs(printed_deviation + difference) / printed_unit, 6) <= 1) as is_reversed
    from compared
    where round(abs(difference) / printed_unit, 6) >= 1
    group by report_key, table_id, col_index, row_index
    -- a difference of one printed unit is evidence only when one orientation fits it:
    -- `0,8 | 0,9 | -0,1` is, `0,8 | 0,9 | 0,0` fits both
    having
        max(round(abs(difference) / printed_unit, 6)) > 1
        or is_difference != is_reversed
)
{% endmacro %}

{#- One CTE, `checked`: per deviation column, how many of its rows (`rows`, verdicts as
    `rows_compared` gives them) can be checked, how many print the difference and how
    many its reverse. -#}
{% macro deviation_rows_counted(rows) %}
checked as (
    select
        report_key,
        table_id,
        col_index,
        count(*) as n_checked,
        count(*) filter (where is_difference) as n_as_difference,
        count(*) filter (where is_reversed) as n_reversed
    from {{ rows }}
    group by report_key, table_id, col_index
)
{% endmacro %}
