{% test canonical_copy_is_its_own(model) %}
    {#- A file named as another's canonical copy that is itself a copy (or no report file):
        the chain would leave that report's facts out of the fact tables. -#}
with final as (
    select copy.report_key, copy.canonical_report_key
    from {{ model }} as copy
    left join {{ model }} as chosen
        on copy.canonical_report_key = chosen.report_key
    where chosen.canonical_report_key is distinct from chosen.report_key
)

select * from final
{% endtest %}
