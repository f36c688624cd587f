{#- A fact row's filter: its printed row is not one withheld as shifted off its
    columns (int_rows_shifted; quality_table_coverage says why). One rule for
    every fact table that reads table rows. -#}
{% macro not_withheld(amounts, shifted_rows) %}
    not exists (
        select 1 from {{ shifted_rows }}
        where
            {{ shifted_rows }}.report_key = {{ amounts }}.report_key
            and {{ shifted_rows }}.table_id = {{ amounts }}.table_id
            and {{ shifted_rows }}.row_index = {{ amounts }}.row_index
    )
{% endmacro %}
