with tables as (
    select * from {{ changed_only(ref('stg_extracted__tables')) }}
),

columns_classified as (
    select * from {{ changed_only(ref('int_columns_classified')) }}
),

header_texts as (
    select * from {{ changed_only(ref('int_tables_header_text')) }}
),

table_units as (
    select * from {{ changed_only(ref('int_tables_unit_resolved')) }}
),

kind_vocabulary as (
    select * from {{ ref('table_kind_vocabulary') }}
),

cost_vocabulary as (
    select * from {{ ref('cost_vocabulary') }}
),

rows_classified as (
    select * from {{ changed_only(ref('int_rows_classified')) }}
),

row_summary as (
    -- lines that are all staffing figures (årsarbetare, lönekostnad) make a staffing table,
    -- whatever its caption (`Personalsituationen`) or the text around it says
    select
        report_key,
        table_id,
        count(*) filter (
            where line_role in ('annual_work_units', 'employees', 'employees_women', 'employees_men', 'salary_cost_sek')
        ) > 0
        and count(*) filter (where line_role in ('revenue', 'cost')) = 0 as has_only_staffing_lines,
        count(*) filter (where line_role in ('employees', 'annual_work_units', 'salary_cost_sek')) > 0
            as has_headcount_lines
    from rows_classified
    group by report_key, table_id
),

total_line_kinds as (
    -- a sum line that names its kind (`Nettoinvesteringar`, `Summa investeringar`) says what
    -- the table is when its caption was lost (a table continued on a page of its own)
    select
        rows_classified.report_key,
        rows_classified.table_id,
        max(kind_vocabulary.table_kind) as total_line_kind
    from rows_classified
    inner join kind_vocabulary
        on
            kind_vocabulary.applies_to = 'total_line'
            and regexp_matches(rows_classified.label_normalised, kind_vocabulary.pattern)
    where rows_classified.is_total
    group by rows_classified.report_key, rows_classified.table_id
    having count(distinct kind_vocabulary.table_kind) = 1
),

column_summary as (
    select
        report_key,
        table_id,
        bool_or(header_role = 'forecast') as has_forecast_column,
        bool_or(
            header_role in ('budget', 'outcome', 'forecast', 'deviation', 'plan') and is_bare_year is not true
        ) as has_money_column
    from columns_classified
    group by report_key, table_id
),

described as (
    select
        tables.report_key,
        tables.table_id,
        tables.page_first,
        tables.caption,
        coalesce(column_summary.has_forecast_column, false) as has_forecast_column,
        coalesce(column_summary.has_money_column, false) as has_money_column,
        lower(tables.caption || ' ' || coalesce(header_texts.header_text, '')) as title_text,
        lower(
            tables.caption || ' ' || coalesce(header_texts.header_text, '') || ' ' || tables.context
        ) as description_text
    from tables
    left join column_summary
        on tables.report_key = column_summary.report_key and tables.table_id = column_summary.table_id
    left join header_texts
        on tables.report_key = header_texts.report_key and tables.table_id = header_texts.table_id
),

with_kind as (
    select
        described.*,
        kind_vocabulary.table_kind as named_kind,
        coalesce(
            regexp_matches(described.title_text, kind_vocabulary.pattern)
            or regexp_matches(replace(described.title_text, ' ', ''), kind_vocabulary.pattern),
            false
        ) as is_named_in_title
    from described
    left join kind_vocabulary
        -- spaces dropped too: a word wrapped in a narrow cell comes back split (`investe ringar`)
        on regexp_matches(
            case kind_vocabulary.applies_to
                when 'title' then described.title_text
                when 'any' then described.description_text
            end,
            kind_vocabulary.pattern
        ) or regexp_matches(
            replace(
                case kind_vocabulary.applies_to
                    when 'title' then described.title_text
                    when 'any' then described.description_text
                end,
                ' ', ''
            ),
            kind_vocabulary.pattern
        )
    qualify row_number() over (
        partition by described.report_key, described.table_id
        -- what the caption and header say outweighs the text around the table
        order by
            (
                regexp_matches(described.title_text, kind_vocabulary.pattern)
                or regexp_matches(replace(described.title_text, ' ', ''), kind_vocabulary.pattern)
            ) desc nulls last,
            kind_vocabulary.priority desc nulls last
    ) = 1
),

final as (
    select
        with_kind.report_key,
        with_kind.table_id,
        with_kind.page_first,
        with_kind.caption,
        with_kind.has_forecast_column,
        table_units.unit,
        table_units.factor_sek,
        table_units.unit_source,
        case
            when with_kind.is_named_in_title then with_kind.named_kind
            when row_summary.has_only_staffing_lines then 'staffing'
            when total_line_kinds.total_line_kind is not null then total_line_kinds.total_line_kind
            when with_kind.named_kind is not null then with_kind.named_kind
            -- money columns in a known unit and no other kind named: an operating table
            when with_kind.has_money_column and table_units.unit is not null then 'operating'
        end as table_kind,
        -- a sick-leave table without headcount lines: its Totalt / Kvinnor / Män are populations
        coalesce(
            with_kind.is_named_in_title and with_kind.named_kind = 'sick_leave'
            and not row_summary.has_headcount_lines,
            false
        ) as is_sick_leave_table,
        exists(
            select 1 from cost_vocabulary
            where regexp_matches(with_kind.title_text, cost_vocabulary.pattern)
        ) as is_cost_table
    from with_kind
    left join table_units
        on with_kind.report_key = table_units.report_key and with_kind.table_id = table_units.table_id
    left join row_summary
        on with_kind.report_key = row_summary.report_key and with_kind.table_id = row_summary.table_id
    left join total_line_kinds
        on
            with_kind.report_key = total_line_kinds.report_key
            and with_kind.table_id = total_line_kinds.table_id
)

select * from final
