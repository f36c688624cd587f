-- A located cell becomes an amount: its measure (or the measure row of a transposed
-- summary), its unit (the row label's, else the table's), and its sign: the table's
-- convention, or its row's in a table signed per row kind, times the orientation of a
-- deviation column; a deviation column that agrees with the signed figures of such a
-- table on every row takes that one orientation; a deviation figure that is not the
-- difference its header names on its row, or in a column contradicted as a whole
-- (int_deviation_columns_oriented), has no sign (amount NULL, sign basis
-- `deviation_contradicted`). A deviation column checked against the signed figures on
-- lines of one sign only, whose printed difference holds too, has no sign on a line of
-- another or no sign (`undecided`): the two readings part there; so does a note's
-- orientation over costs printed positive, whose terms may be printed or signed. An
-- operating table nothing signs whose figures are positive has no sign either
-- (`undecided`): costs printed positive are no money in; a printed 0 among them is 0
-- all the same (`zero`), and so is a deviation printed 0 on a line of no decided sign
-- in a column oriented as a whole (either orientation of 0 is 0).
-- A percent outside a consumption column is no money: withheld.
with located as (
    select * from {{ changed_only(ref('int_cells_located')) }}
),

tables_classified as (
    select * from {{ changed_only(ref('int_tables_classified')) }}
),

tables_signed as (
    select * from {{ changed_only(ref('int_tables_signed')) }}
),

rows_signed as (
    select * from {{ changed_only(ref('int_rows_signed')) }}
),

deviation_columns as (
    select * from {{ changed_only(ref('int_deviation_columns_oriented')) }}
),

deviation_figures as (
    select * from {{ changed_only(ref('int_deviation_figures_checked')) }}
),

deviation_columns_row_signed as (
    select * from {{ changed_only(ref('int_deviation_columns_row_signed')) }}
    where orientation is not null
),

positive_unsigned_tables as (
    -- an operating table nothing signs (as_printed) whose level figures sum positive:
    -- costs printed positive, as many reports do, or revenue; which, nothing says, so
    -- its level figures are withheld rather than stored as money in
    select
        level_figures.report_key,
        level_figures.table_id
    from ({{ level_figures('located') }}) as level_figures
    inner join tables_signed
        on level_figures.report_key = tables_signed.report_key and level_figures.table_id = tables_signed.table_id
    inner join tables_classified
        on
            level_figures.report_key = tables_classified.report_key
            and level_figures.table_id = tables_classified.table_id
    where tables_signed.sign_basis = 'as_printed' and tables_classified.table_kind = 'operating'
    group by level_figures.report_key, level_figures.table_id
    having sum(level_figures.printed_number) > 0
),

transposed as (
    -- a summary printing measures as rows (int_cells_transposed)
    select * from {{ changed_only(ref('int_cells_transposed_signed')) }}
),

joined as (
    select
        located.*,
        case when transposed.is_other_kind then transposed.table_kind else tables_classified.table_kind end
            as fact_kind,
        tables_classified.is_sick_leave_table,
        coalesce(transposed.line_item, located.line_item) as fact_line_item,
        coalesce(transposed.is_total, located.is_total) as fact_is_total,
        coalesce(transposed.measure, located.measure) as fact_measure,
        coalesce(transposed.fiscal_year, located.fiscal_year) as fact_fiscal_year,
        case
            when transposed.sign_factor is not null then transposed.sign_factor
            when tables_signed.sign_basis = 'row_kinds' then rows_signed.sign_factor
            when positive_unsigned_tables.table_id is not null then null
            else tables_signed.sign_factor
        end as level_factor,
        deviation_columns.col_index is not null as is_deviation_column,
        deviation_columns.orientation,
        deviation_columns.orientation_basis,
        coalesce(not deviation_figures.is_difference and not deviation_figures.is_reversed, false)
            as is_other_difference,
        deviation_columns_row_signed.orientation as row_signed_orientation,
        case
            when transposed.sign_factor is not null then 'report_convention'
            when tables_signed.sign_basis = 'row_kinds' and rows_signed.sign_factor is null then 'undecided'
            when positive_unsigned_tables.table_id is not null then 'undecided'
            else tables_signed.sign_basis
        end as level_basis,
        coalesce(located.label_unit, tables_classified.unit) as money_unit,
        coalesce(located.label_factor_sek, tables_classified.factor_sek) as factor_sek,
        case when located.label_unit is not null then 'row_label' else tables_classified.unit_source end
            as money_unit_source
    from located
    inner join tables_classified
        on located.report_key = tables_classified.report_key and located.table_id = tables_classified.table_id
    inner join tables_signed
        on located.report_key = tables_signed.report_key and located.table_id = tables_signed.table_id
    left join positive_unsigned_tables
        on
            located.report_key = positive_unsigned_tables.report_key
            and located.table_id = positive_unsigned_tables.table_id
    left join rows_signed
        on
            located.report_key = rows_signed.report_key
            and located.table_id = rows_signed.table_id
            and located.row_index = rows_signed.row_index
    left join deviation_columns
        on
            located.report_key = deviation_columns.report_key
            and located.table_id = deviation_columns.table_id
            and located.col_index = deviation_columns.col_index
    left join deviation_figures
        on
            located.report_key = deviation_figures.report_key
            and located.table_id = deviation_figures.table_id
            and located.row_index = deviation_figures.row_index
            and located.col_index = deviation_figures.col_index
    left join deviation_columns_row_signed
        on
            located.report_key = deviation_columns_row_signed.report_key
            and located.table_id = deviation_columns_row_signed.table_id
            and located.col_index = deviation_columns_row_signed.col_index
    left join transposed
        on
            located.report_key = transposed.report_key
            and located.table_id = transposed.table_id
            and located.row_index = transposed.row_index
            and located.col_index = transposed.col_index
    where located.printed_number is not null or located.number_flag is not null
),

deviation_readings as (
    -- a deviation column checked against the signed figures on rows of one sign only,
    -- whose printed difference holds on every row checked as well: the two readings
    -- (one orientation for every row; the printed difference times the row's sign)
    -- agree on rows of that sign but part on a row of another or no sign
    -- (`Resultat efter kommunbidrag` printed as money in among costs printed positive)
    select
        *,
        coalesce(
            is_deviation_column and row_signed_orientation is not null
            and orientation_basis = 'arithmetic' and printed_number != 0
            and level_factor * orientation is distinct from row_signed_orientation,
            false
        )
        -- a note (`beräknas som utfall minus budget`) over costs printed positive may mean
        -- the printed figures or the signed ones: the two readings part on every row
        or coalesce(
            is_deviation_column and row_signed_orientation is null
            and orientation_basis in ('table_note', 'report_note')
            and level_factor = -1 and printed_number != 0,
            false
        ) as is_reading_split,
        -- a printed 0 on a line nothing signs is 0 whatever its sign or its column's
        -- orientation; a deviation 0 that is not its row's difference, or in a column of
        -- both orientations, stays withheld
        coalesce(
            level_factor is null and printed_number = 0 and not is_other_difference
            and orientation_basis is distinct from 'contradicted',
            false
        ) as is_unsigned_zero
    from joined
),

signed as (
    select
        *,
        case
            -- a printed 0 is 0 whatever its sign: nothing to decide
            when is_unsigned_zero then 1
            when not is_deviation_column then level_factor
            -- not the difference its header names, on this row: withheld, never guessed
            when is_other_difference then null
            -- two readings of the column that part on this row: withheld, never guessed
            when is_reading_split then null
            -- checked against the signed figures: one orientation for every row
            when row_signed_orientation is not null then row_signed_orientation
            -- a column of both orientations, or of none: withheld
            when orientation_basis = 'contradicted' then null
            -- nothing to check it against: the deviation as printed (favourable-positive by custom)
            when orientation is null then 1
            else level_factor * orientation
        end as sign_factor,
        case
            when is_deviation_column and is_other_difference then 'deviation_contradicted'
            when is_reading_split then 'undecided'
            when is_unsigned_zero then 'zero'
            when is_deviation_column and row_signed_orientation = 1 then 'deviation_favourable_positive'
            when is_deviation_column and row_signed_orientation = -1 then 'deviation_favourable_reversed'
            when is_deviation_column and orientation_basis = 'contradicted' then 'deviation_contradicted'
            when is_deviation_column and orientation is null then 'as_printed'
            when is_deviation_column and orientation = -1 then 'deviation_printed_reversed'
            else level_basis
        end as sign_basis,
        is_percent and fact_measure != 'consumption_pct' as is_withheld_percent
    from deviation_readings
),

final as (
    select
        report_key,
        table_id,
        row_index,
        col_index,
        page,
        fact_kind as table_kind,
        is_sick_leave_table,
        fact_line_item as line_item,
        line_role,
        fact_is_total as is_total,
        is_subline,
        parent_line_item,
        column_header,
        case when is_withheld_percent then 'unknown' else fact_measure end as measure,
        fact_fiscal_year as fiscal_year,
        case when is_withheld_percent then 'percent figure under a money measure: withheld' else measure_warning end
            as measure_warning,
        cell_text as amount_as_printed,
        printed_number,
        number_flag,
        decimals,
        sign_factor,
        sign_basis,
        factor_sek,
        case when is_percent then '%' else money_unit end as unit,
        case when not is_percent then money_unit_source end as unit_source,
        case when is_percent and not is_withheld_percent then printed_number end as amount_pct,
        case
            -- `+ 0` turns a printed 0 times -1 into 0, not -0
            when not is_percent then round(printed_number * factor_sek * sign_factor, 2) + 0
        end as amount_sek
    from signed
)

select * from final
