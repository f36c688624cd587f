with figures as (
    select * from {{ changed_only(ref('int_staffing_figures_unioned')) }}
),

by_metric as (
    select
        report_key,
        source_kind,
        measure,
        fiscal_year,
        min(page) as page,
        -- the check is located at the printed headcount, so two years of one table stay apart
        max(case when metric = 'employees' then table_id end) as table_id,
        max(case when metric = 'employees' then row_index end) as row_index,
        max(case when metric = 'employees' then col_index end) as col_index,
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
        table_id,
        row_index,
        col_index,
        fiscal_year,
        page,
        'women_plus_men_equals_employees' as check_name,
        measure,
        'employees' as line_item,
        employees as expected,
        women + men as actual,
        2 as n_terms,
        half_unit,
        'from ' || source_kind || ' ' || fiscal_year || ': ' || women || ' women + ' || men || ' men' as detail
    from by_metric
    where n_employees = 1 and n_women = 1 and n_men = 1
)

select * from final
