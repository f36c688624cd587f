{#- Given the SQL of a lower-cased text, return the SQL of the date it names in Swedish:
    `30 juni 2025` that day, `jan–aug 2025` or `augusti 2025` the last day of the (last)
    month; NULL when it names none. -#}
{% macro swedish_date(text) %}
    {%- set months = "(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\\.?" -%}
    {%- set names = "['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec']" -%}
    case
        when regexp_matches({{ text }}, '\b\d{1,2} {{ months }} (19|20)\d{2}\b')
            then try_cast(make_date(
                cast(regexp_extract({{ text }}, '\b\d{1,2} {{ months }} ((19|20)\d{2})\b', 2) as integer),
                list_position({{ names }}, regexp_extract({{ text }}, '\b\d{1,2} {{ months }} (19|20)\d{2}\b', 1)),
                cast(regexp_extract({{ text }}, '\b(\d{1,2}) {{ months }} (19|20)\d{2}\b', 1) as integer)
            ) as date)
        when regexp_matches({{ text }}, '{{ months }} ((19|20)\d{2})\b')
            then last_day(try_cast(make_date(
                cast(regexp_extract({{ text }}, '{{ months }} ((19|20)\d{2})\b', 2) as integer),
                list_position({{ names }}, regexp_extract({{ text }}, '{{ months }} ((19|20)\d{2})\b', 1)),
                1
            ) as date))
    end
{% endmacro %}
