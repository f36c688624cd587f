with cells as (
    select * from {{ ref('int_cells_stitched') }}
),

rows_classified as (
    select * from {{ ref('int_rows_classified') }}
),

columns_measured as (
    select * from {{ ref('int_columns_measured') }}
),

tables_classified as (
    select * from {{ ref('int_tables_classified') }}
),

tables_signed as (
    select * from {{ ref('int_tables_signed') }}
),

deviation_columns as (
    select * from {{ ref('int_deviation_columns_oriented') }}
),

transposed as (
    -- a summary printing measures as rows (int_cells_transposed)
    select * from {{ ref('int_cells_transposed_signed') }}
),

value_cells as (
    select * from cells
    where not is_header and not is_label and (printed_number is not null or number_flag is not null)
),

joined as (
    select
        value_cells.*,
        case
            when transposed.is_other_kind then transposed.table_kind else tables_classified.table_kind
        end as table_kind,
        coalesce(transposed.line_item, rows_classified.line_item) as line_item,
        rows_classified.line_role,
        coalesce(transposed.is_total, rows_classified.is_total) as is_total,
        rows_classified.is_subline,
        rows_classified.parent_line_item,
        columns_measured.column_header,
        coalesce(transposed.measure, columns_measured.measure) as measure,
        coalesce(transposed.fiscal_year, columns_measured.fiscal_year) as fiscal_year,
        columns_measured.measure_warning,
        coalesce(transposed.sign_factor, tables_signed.sign_factor)
        * coalesce(deviation_columns.orientation, 1) as sign_factor,
        case
            when deviation_columns.orientation = -1 then 'deviation_printed_reversed'
            when transposed.sign_factor is not null then 'report_convention'
            else tables_signed.sign_basis
        end as sign_basis,
        coalesce(columns_measured.measure = 'consumption_pct', false) as is_percent,
        coalesce(rows_classified.label_unit, tables_classified.unit) as money_unit,
        coalesce(rows_classified.label_factor_sek, tables_classified.factor_sek) as factor_sek,
        case
            when rows_classified.label_unit is not null then 'row_label'
            else tables_classified.unit_source
        end as money_unit_source
    from value_cells
    inner join rows_classified
        on
            value_cells.report_key = rows_classified.report_key
            and value_cells.table_id = rows_classified.table_id
            and value_cells.row_index = rows_classified.row_index
    inner join columns_measured
        on
            value_cells.report_key = columns_measured.report_key
            and value_cells.table_id = columns_measured.table_id
            and value_cells.col_index = columns_measured.col_index
    inner join tables_classified
        on
            value_cells.report_key = tables_classified.report_key
            and value_cells.table_id = tables_classified.table_id
    inner join tables_signed
        on
            value_cells.report_key = tables_signed.report_key
            and value_cells.table_id = tables_signed.table_id
    left join deviation_columns
        on
            value_cells.report_key = deviation_columns.report_key
            and value_cells.table_id = deviation_columns.table_id
            and value_cells.col_index = deviation_columns.col_index
    left join transposed
        on
            value_cells.report_key = transposed.report_key
            and value_cells.table_id = transposed.table_id
            and value_cells.row_index = transposed.row_index
            and value_cells.col_index = transposed.col_index
),

final as (
    select
        report_key,
        table_id,
        row_index,
        col_index,
        page,
        table_kind,
        line_item,
        line_role,
        is_total,
        is_subline,
        parent_line_item,
        column_header,
        measure,
        fiscal_year,
        measure_warning,
        cell_text as amount_as_printed,
        printed_number,
        number_flag,
        decimals,
        sign_factor,
        sign_basis,
        factor_sek,
        case when is_percent then '%' else money_unit end as unit,
        case when not is_percent then money_unit_source end as unit_source,
        case when is_percent then printed_number end as amount_pct,
        case
            -- `+ 0` turns a printed 0 times -1 into 0, not -0
            when not is_percent then round(printed_number * factor_sek * sign_factor, 2) + 0
        end as amount_sek
    from joined
)

select * from final
