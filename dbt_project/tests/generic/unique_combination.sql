{% test unique_combination(model, columns) %}
    {#- Rows sharing the same values in all `columns`: the grain is violated. -#}
with grouped as (
    select
        {{ columns | join(', ') }},
        count(*) as n_rows
    from {{ model }}
    group by {{ columns | join(', ') }}
),

final as (
    select * from grouped
    where n_rows > 1
)

select * from final
{% endtest %}
