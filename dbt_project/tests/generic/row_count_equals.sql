{% test row_count_equals(model, expected) %}
    {#- The model does not hold exactly `expected` rows. -#}
with counted as (
    select count(*) as n_rows from {{ model }}
),

final as (
    select * from counted
    where n_rows != {{ expected }}
)

select * from final
{% endtest %}
