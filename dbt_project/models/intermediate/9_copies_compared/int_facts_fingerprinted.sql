-- Every assembled fact of the four fact tables in one long form, with the figure it
-- states (figure_key): what facts_all_copies and report_copies compare, within a report
-- (a figure repeated in several tables) and between copies of one report.
with assembled as (
    select
        'fct_operating_budget' as relation,
        fact_key,
        report_key,
        page,
        table_id,
        org_unit,
        line_item as label,
        measure,
        fiscal_year,
        coalesce(amount_sek, amount_pct) as value,
        amount_as_printed as as_printed
    from {{ ref('int_operating_facts_assembled') }}
    union all
    select
        'fct_investment_budget' as relation,
        fact_key,
        report_key,
        page,
        table_id,
        org_unit,
        project as label,
        measure,
        fiscal_year,
        amount_sek as value,
        amount_as_printed as as_printed
    from {{ ref('int_investment_facts_assembled') }}
    union all
    select
        'fct_staffing' as relation,
        fact_key,
        report_key,
        page,
        table_id,
        org_unit,
        metric as label,
        measure,
        fiscal_year,
        value,
        as_printed
    from {{ ref('int_staffing_facts_assembled') }}
    union all
    select
        'fct_sick_leave' as relation,
        fact_key,
        report_key,
        page,
        table_id,
        org_unit,
        population as label,
        'sick_leave_pct' as measure,
        fiscal_year,
        sick_leave_pct as value,
        cast(sick_leave_pct as varchar) as as_printed
    from {{ ref('int_sick_leave_facts_assembled') }}
),

-- the label in words (letters and digits only, lower case: formats and tables lay text
-- out differently), and the figure without its label: its measure, year and value (an
-- unreadable value by its printed text)
worded as (
    select
        *,
        string_split(trim(lower(regexp_replace(label, '[^\p{L}\p{N}]+', ' ', 'g'))), ' ') as label_words,
        concat_ws(
            '|',
            relation,
            coalesce(measure, ''),
            coalesce(cast(fiscal_year as varchar), ''),
            coalesce(cast(round(value, 2) as varchar), 'printed ' || coalesce(as_printed, ''))
        ) as value_key
    from assembled
),

-- one figure: the same letters and digits of its label, owner, measure, year and value
final as (
    select
        *,
        md5(concat_ws('|', value_key, array_to_string(label_words, ''), coalesce(org_unit, ''))) as figure_key
    from worded
)

select * from final
