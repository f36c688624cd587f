{#- A fact row's filter: its fact key is not one quality_quarantine took out of its report
    for breaking the contract (NULL keys compare equal, so a NULL key is taken out too).
    One rule for every fact table. -#}
{% macro not_quarantined(facts, quarantine) %}
    not exists (
        select 1 from {{ quarantine }}
        where
            {{ quarantine }}.report_key is not distinct from {{ facts }}.report_key
            and {{ quarantine }}.fact_key is not distinct from {{ facts }}.fact_key
    )
{% endmacro %}
