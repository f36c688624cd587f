{#- Data tests of an incremental build look at the changed reports only.

    Every generic test reads its model through `get_where_subquery`. In a build that
    records itself incremental (`kommunlager_build.last_build`, written with the changed
    reports' keys before dbt runs; orchestration/incremental_dbt.py) a test that judges
    each report on its own rows is narrowed to the rows of the reports added, changed or
    removed, and to rows without a report key: every other report's rows are those of the
    published warehouse, whose build ran the same test over them. A full build, a model
    without `report_key`, and a test that compares rows across reports (`unique` on one
    column, `row_count_equals`, `canonical_copy_is_its_own`) see the whole relation. -#}

{#- Tests whose verdict on a report depends on that report's rows alone. -#}
{% macro tests_judging_each_report() -%}
    {{ return(['not_null', 'accepted_values', 'relationships', 'one_table_to_sum_per_figure',
               'prior_year_coded_one_way']) }}
{%- endmacro %}

{% macro duckdb__get_where_subquery(relation) -%}
    {%- set conditions = [] -%}
    {%- set where = config.get('where', '') -%}
    {%- if where -%}{%- do conditions.append('(' ~ where ~ ')') -%}{%- endif -%}
    {%- if judges_each_report(relation) -%}
        {%- do conditions.append(changed_reports_condition()) -%}
    {%- endif -%}
    {%- if conditions -%}
        {%- do return('(select * from ' ~ relation ~ ' where ' ~ conditions | join(' and ') ~ ') dbt_subquery') -%}
    {%- endif -%}
    {%- do return(relation) -%}
{%- endmacro %}

{#- Whether this test, on this relation, judges each report on its own rows in a build
    that records its changed reports. -#}
{% macro judges_each_report(relation) -%}
    {%- if not execute or model.resource_type != 'test' or not model.test_metadata -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set test = model.test_metadata -%}
    {%- set per_report = test.name in tests_judging_each_report()
        or (test.name == 'unique_combination' and 'report_key' in test.kwargs.get('columns', [])) -%}
    {%- if not per_report -%}{{ return(false) }}{%- endif -%}
    {%- set recorded = adapter.get_relation(
        database=relation.database, schema='kommunlager_build', identifier='last_build') -%}
    {%- if recorded is none -%}{{ return(false) }}{%- endif -%}
    {%- set columns = adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list -%}
    {{ return('report_key' in columns) }}
{%- endmacro %}

{#- The rows a narrowed test reads: the changed reports', keyless ones, or all in a full build. -#}
{% macro changed_reports_condition() -%}
    {%- set condition -%}
        (
            report_key is null
            or report_key in (select report_key from {{ changed_reports_relation() }})
            or not (select bool_and(incremental) from kommunlager_build.last_build)
        )
    {%- endset -%}
    {{ return(condition) }}
{%- endmacro %}
