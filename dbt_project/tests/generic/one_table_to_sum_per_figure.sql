{% test one_table_to_sum_per_figure(model) %}
    {#- A figure of one report whose primary printings are in more than one table (or in a
        table and a sentence): summing the primary rows would count it twice. A nil adds
        nothing however often it is summed, and an unreadable figure adds nothing. -#}
with primary_tables as (
    select
        report_key,
        relation,
        figure_key,
        count(distinct coalesce(cast(table_id as varchar), 'prose')) as n_tables
    from {{ model }}
    where is_primary and value != 0
    group by report_key, relation, figure_key
),

final as (
    select * from primary_tables
    where n_tables > 1
)

select * from final
{% endtest %}
