{#- Given a mart's name and the relation of its assembled facts, return the SQL of one row
    per fact key (and report) that would break one of the mart's own not_null, unique or
    accepted_values tests: the report, relation, rule, column, fact key, first page,
    rows withheld, offending value and reason (quality_quarantine). The rules are read
    from the project graph, so a test added to a mart's column quarantines what would
    break it, and the test stays the guard that the mart keeps. Tests of columns the mart
    adds itself (verification_status) and relationships tests (keys taken from the same
    reports the dimensions are built from) are left to the tests alone. -#}
{% macro contract_breaches(mart, facts) %}
    {#- typed empty head: fixes the union's column types, and is the whole answer at parse -#}
    select
        cast(null as varchar) as report_key,
        cast(null as varchar) as relation,
        cast(null as varchar) as rule,
        cast(null as varchar) as column_name,
        cast(null as varchar) as fact_key,
        cast(null as integer) as page,
        cast(null as bigint) as rows_withheld,
        cast(null as varchar) as value,
        cast(null as varchar) as reason
    where false
    {% for test in contract_tests(mart, facts) %}
        union all
        {{ contract_breach(mart, facts, test.test_metadata.name, test.column_name, test.test_metadata.kwargs, test.config.where) }}
    {% endfor %}
{% endmacro %}

{#- Given a mart and its assembled facts, return the mart's column tests that quarantine
    applies: not_null, unique and accepted_values on a column the facts already have. -#}
{% macro contract_tests(mart, facts) %}
    {% if not execute %}{{ return([]) }}{% endif %}
    {% set columns = adapter.get_columns_in_relation(facts) | map(attribute='name') | list %}
    {% set mart_id = 'model.' ~ project_name ~ '.' ~ mart %}
    {% set tests = [] %}
    {% for node in graph.nodes.values() | sort(attribute='unique_id') %}
        {% if node.resource_type == 'test' and node.attached_node == mart_id
            and node.test_metadata and node.test_metadata.name in ('not_null', 'unique', 'accepted_values')
            and node.column_name in columns %}
            {% do tests.append(node) %}
        {% endif %}
    {% endfor %}
    {{ return(tests) }}
{% endmacro %}

{#- Given one test (kind, column, arguments, where), return its breaching fact keys. -#}
{% macro contract_breach(mart, facts, kind, column, arguments, where) %}
    {% set value = 'cast(' ~ column ~ ' as varchar)' %}
    select
        report_key,
        '{{ mart }}' as relation,
        '{{ kind }}' as rule,
        '{{ column }}' as column_name,
        fact_key,
        min(page) as page,
        -- every row under the key is taken out (not_quarantined), not only the breaching one
        any_value(rows_under_key) as rows_withheld,
        {% if kind == 'not_null' %}
            cast(null as varchar) as value,
            '{{ column }} is NULL' as reason
        {% elif kind == 'unique' %}
            any_value({{ value }}) as value,
            format('{{ column }} is shared by {} rows', any_value(n_sharing)) as reason
        {% else %}
            string_agg(distinct {{ value }}, ', ') as value,
            format('{{ column }} {} is none of the accepted values', string_agg(distinct {{ value }}, ', '))
                as reason
        {% endif %}
    from (
        select
            *,
            count(*) over (partition by {{ column }}) as n_sharing,
            count(*) over (partition by report_key, fact_key) as rows_under_key
        from {{ facts }}
    ) as facts
    where
        {% if kind == 'not_null' %}
            {{ column }} is null
        {% elif kind == 'unique' %}
            {{ column }} is not null and n_sharing > 1
        {% else %}
            {{ column }} is not null and {{ column }} not in (
                {%- for accepted in arguments['values'] -%}
                    {{ "'" ~ accepted ~ "'" if arguments.get('quote', true) else accepted }}
                    {{- ', ' if not loop.last }}
                {%- endfor -%}
            )
        {% endif %}
        {% if where %}and ({{ where }}){% endif %}
    group by report_key, fact_key
{% endmacro %}
