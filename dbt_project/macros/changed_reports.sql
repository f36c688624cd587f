{#- Incremental builds of the per-report models (intermediate steps 1-8).

    The build (orchestration/incremental_dbt.py) copies the live warehouse and
    writes into the copy, before dbt runs, the keys of the reports added,
    changed or removed since it was built: `kommunlager_build.changed_reports`.
    A per-report model then deletes those reports' rows (`delete_changed_reports`,
    its pre-hook) and appends what it computes from those reports alone
    (`changed_only` around each per-report ref). Deleting by the key list, not
    by dbt's delete+insert on `unique_key`, also removes the rows of a report
    that now yields none and of a removed one. A fresh (full) build has no such
    tables: `is_incremental()` is false and both macros change nothing. -#}

{% macro changed_reports_relation() -%}
    kommunlager_build.changed_reports
{%- endmacro %}

{#- Whether this model runs incrementally. A unit test has no `this`, so never does. -#}
{% macro recomputes_changed_reports() -%}
    {{ return(this is not none and is_incremental()) }}
{%- endmacro %}

{#- A per-report relation, narrowed in an incremental run to the changed reports. -#}
{% macro changed_only(relation) -%}
    {%- if recomputes_changed_reports() -%}
        (
            select * from {{ relation }}
            where report_key in (select report_key from {{ changed_reports_relation() }})
        )
    {%- else -%}
        {{ relation }}
    {%- endif -%}
{%- endmacro %}

{#- The pre-hook: the changed and removed reports' rows go before the new ones come. -#}
{% macro delete_changed_reports() -%}
    {%- if recomputes_changed_reports() -%}
        delete from {{ this }}
        where report_key in (select report_key from {{ changed_reports_relation() }})
    {%- endif -%}
{%- endmacro %}
