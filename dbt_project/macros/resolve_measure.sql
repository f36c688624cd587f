{#- Given a header role, the figure's fiscal year, the report's year and kind, and whether
    the column is dated part of the year, speaks of a forecast or sits in a table with a
    forecast column, return the SQL for the measure: one rule for column headers and for
    the row labels of a transposed table. -#}
{% macro resolve_measure(
    role, fiscal_year, report_fiscal_year, period_kind,
    has_ytd_marker='false', mentions_forecast='false', has_forecast_column='false'
) %}
    case
        -- a dated or accumulated outcome of an interim report (or one of unknown kind)
        when {{ role }} = 'outcome' and {{ has_ytd_marker }} and coalesce({{ period_kind }}, 'interim') = 'interim'
            then
                case
                    when {{ fiscal_year }} = {{ report_fiscal_year }} - 1 then 'outcome_ytd_prior_year'
                    else 'outcome_ytd'
                end
        -- an undated outcome of an earlier year is that year's full-year outcome (bokslut)
        when {{ role }} = 'outcome' and {{ fiscal_year }} < {{ report_fiscal_year }}
            then
                case
                    when {{ fiscal_year }} = {{ report_fiscal_year }} - 1 then 'outcome_prior_year'
                    else 'outcome'
                end
        when {{ role }} = 'outcome' and {{ period_kind }} = 'interim' then 'outcome_ytd'
        when {{ role }} = 'outcome' and {{ has_ytd_marker }} then 'outcome_ytd'
        when {{ role }} = 'outcome' then 'outcome'
        when {{ role }} = 'budget' and {{ has_ytd_marker }} then 'budget_ytd'
        when {{ role }} = 'deviation' and {{ mentions_forecast }} then 'deviation_forecast'
        when {{ role }} = 'deviation' and {{ has_ytd_marker }} then 'deviation_ytd'
        when {{ role }} = 'deviation' and {{ has_forecast_column }} then 'deviation_forecast'
        else {{ role }}
    end
{% endmacro %}
