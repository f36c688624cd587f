-- One row per deviation column whose signed figures never equal the difference its
-- definition names (deviation_definitions) but equal another difference of their rows'
-- figures on two or more rows: budget − forecast where forecast − budget is named, or
-- outcome − budget where a column read as helår prints the period's deviation. The
-- table's own figures show which difference the column is, so a check of the named one
-- claims nothing about the report (int_reconciliation_deviations: not checked).
{% set min_rows = 2 %}

with lines as (
    select * from {{ changed_only(ref('int_lines_segmented')) }}
    where not is_withheld and check_amount is not null
),

definitions as (
    select * from {{ ref('deviation_definitions') }}
    where check_name is not null
),

deviations as (
    select
        lines.*,
        definitions.minuend_measure as defined_minuend,
        definitions.subtrahend_measure as defined_subtrahend
    from lines
    inner join definitions
        on lines.measure = definitions.deviation_measure
),

deviation_measures as (
    select distinct deviation_measure from {{ ref('deviation_definitions') }}
),

levels as (
    select lines.* from lines
    left join deviation_measures
        on lines.measure = deviation_measures.deviation_measure
    where deviation_measures.deviation_measure is null
),

differences as (
    -- every ordered pair of two other figures on the deviation's row; a difference within
    -- the printed precision of 0 fits any deviation near 0 and is no evidence
    select
        deviations.report_key,
        deviations.table_id,
        deviations.col_index,
        deviations.row_index,
        minuend.measure as minuend_measure,
        subtrahend.measure as subtrahend_measure,
        minuend.measure = deviations.defined_minuend
        and subtrahend.measure = deviations.defined_subtrahend as is_defined,
        deviations.defined_minuend || ' − ' || deviations.defined_subtrahend as defined_difference,
        abs(deviations.check_amount - (minuend.check_amount - subtrahend.check_amount))
        <= deviations.half_unit + minuend.half_unit + subtrahend.half_unit as is_equal
    from deviations
    inner join levels as minuend
        on
            deviations.report_key = minuend.report_key
            and deviations.table_id = minuend.table_id
            and deviations.row_index = minuend.row_index
            and deviations.fiscal_year is not distinct from minuend.fiscal_year
    inner join levels as subtrahend
        on
            minuend.report_key = subtrahend.report_key
            and minuend.table_id = subtrahend.table_id
            and minuend.row_index = subtrahend.row_index
            and minuend.fiscal_year is not distinct from subtrahend.fiscal_year
            and minuend.measure != subtrahend.measure
    where abs(minuend.check_amount - subtrahend.check_amount) > minuend.half_unit + subtrahend.half_unit
),

per_difference as (
    select
        report_key,
        table_id,
        col_index,
        minuend_measure || ' − ' || subtrahend_measure as difference,
        any_value(defined_difference) as defined_difference,
        bool_or(is_defined) as is_defined,
        count(distinct row_index) filter (where is_equal) as n_rows
    from differences
    group by report_key, table_id, col_index, minuend_measure, subtrahend_measure
),

final as (
    select
        report_key,
        table_id,
        col_index,
        any_value(defined_difference) as defined_difference,
        arg_max(difference, n_rows) filter (where not is_defined) as shown_difference,
        max(n_rows) filter (where not is_defined) as n_rows_shown
    from per_difference
    group by report_key, table_id, col_index
    having
        coalesce(max(n_rows) filter (where is_defined), 0) = 0
        and max(n_rows) filter (where not is_defined) >= {{ min_rows }}
)

select * from final
