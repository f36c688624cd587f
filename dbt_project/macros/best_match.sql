{#- Given a relation of vocabulary matches (one row per key and matching pattern), the key
    columns, the matched value and its priority, return the SQL of one row per key: the
    value when the highest priority names only one, else NULL and the tied values recorded
    in `ambiguous_values` (a tie is never broken by row order). -#}
{% macro best_match(matches, keys, value, priority) %}
    select
        {% for key in keys %}{{ key }}, {% endfor %}
        case when count(distinct {{ value }}) = 1 then min({{ value }}) end as matched_value,
        case
            when count(distinct {{ value }}) > 1
                then string_agg(distinct cast({{ value }} as varchar), ' | ' order by cast({{ value }} as varchar))
        end as ambiguous_values
    from (
        select
            *,
            max({{ priority }}) over (partition by {{ keys | join(', ') }}) as top_priority
        from {{ matches }}
    ) as ranked
    where {{ priority }} = top_priority
    group by {{ keys | join(', ') }}
{% endmacro %}
