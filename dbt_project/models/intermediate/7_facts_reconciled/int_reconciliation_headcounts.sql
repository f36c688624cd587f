with figures as (
    select * from {{ ref('int_staffing_figures_unioned') }}
),

by_metric as (
    select
        report_key,
        source_kind,
        measure,
        fiscal_year,
        min(page) as page,
        max(case when metric = 'employees' then staffing_value end) as employees,
        max(case when metric = 'employees_women' then staffing_value end) as women,
        max(case when metric = 'employees_men' then staffing_value end) as men,
        max(half_unit) as half_unit,
        count(distinct case when metric = 'employees' then staffing_value end) as n_employees,
        count(distinct case when metric = 'employees_women' then staffing_value end) as n_women,
        count(distinct case when metric = 'employees_men' then staffing_value end) as n_men
    from figures
    where metric in ('employees', 'employees_women', 'employees_men')
    group by report_key, source_kind, measure, fiscal_year
),

final as (
    -- only an unambiguous trio is checked: one value each (a summary may repeat the body)
    select
        report_key,
        'fct_staffing' as relation,
        cast(null as integer) as table_id,
        cast(null as integer) as row_index,
        cast(null as integer) as col_index,
        page,
        'women_plus_men_equals_employees' as check_name,
        measure,
        'employees' as line_item,
        employees as expected,
        women + men as actual,
        2 as n_terms,
        half_unit,
        'from ' || source_kind || ': ' || women || ' women + ' || men || ' men' as detail
    from by_metric
    where n_employees = 1 and n_women = 1 and n_men = 1
)

select * from final
