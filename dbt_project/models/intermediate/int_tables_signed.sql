with cells as (
    select * from {{ ref('int_cells_stitched') }}
),

rows_classified as (
    select * from {{ ref('int_rows_classified') }}
),

columns_measured as (
    select * from {{ ref('int_columns_measured') }}
),

tables_classified as (
    select * from {{ ref('int_tables_classified') }}
),

money_figures as (
    -- level figures only: a deviation's sign says nothing about the convention
    select
        cells.report_key,
        cells.table_id,
        rows_classified.line_role,
        rows_classified.is_subline,
        sign(cells.printed_number) as printed_sign
    from cells
    inner join rows_classified
        on
            cells.report_key = rows_classified.report_key
            and cells.table_id = rows_classified.table_id
            and cells.row_index = rows_classified.row_index
    inner join columns_measured
        on
            cells.report_key = columns_measured.report_key
            and cells.table_id = columns_measured.table_id
            and cells.col_index = columns_measured.col_index
    where
        columns_measured.header_role in ('budget', 'outcome', 'forecast', 'plan')
        and cells.printed_number != 0
),

votes as (
    select
        report_key,
        table_id,
        sum(case when line_role = 'revenue' then -printed_sign when line_role = 'cost' then printed_sign end)
            as revenue_cost_vote,
        sum(case when not is_subline then printed_sign end) as line_vote
    from money_figures
    group by report_key, table_id
),

table_evidence as (
    select
        tables_classified.report_key,
        tables_classified.table_id,
        tables_classified.table_kind,
        case
            when votes.revenue_cost_vote > 0 then -1
            when votes.revenue_cost_vote < 0 then 1
            when
                (tables_classified.is_cost_table or tables_classified.table_kind = 'investment')
                and votes.line_vote != 0 then -sign(votes.line_vote)
        end as evidence_factor,
        case
            when votes.revenue_cost_vote != 0 then 'revenue_cost_lines'
            when tables_classified.is_cost_table and votes.line_vote != 0 then 'cost_table'
            when tables_classified.table_kind = 'investment' and votes.line_vote != 0
                then 'investment_expenditure'
        end as evidence_basis
    from tables_classified
    left join votes
        on tables_classified.report_key = votes.report_key and tables_classified.table_id = votes.table_id
),

report_convention as (
    -- per report and kind, only when its evidenced tables agree: a report may print
    -- operating costs negative and investment expenditure positive (Simrishamn 2025)
    select
        report_key,
        table_kind,
        min(evidence_factor) as report_factor
    from table_evidence
    where evidence_factor is not null and table_kind in ('operating', 'investment')
    group by report_key, table_kind
    having count(distinct evidence_factor) = 1
),

final as (
    select
        table_evidence.report_key,
        table_evidence.table_id,
        cast(coalesce(
            table_evidence.evidence_factor, report_convention.report_factor, 1
        ) as integer) as sign_factor,
        case
            when table_evidence.evidence_factor is not null then table_evidence.evidence_basis
            when report_convention.report_factor is not null then 'report_convention'
            else 'as_printed'
        end as sign_basis
    from table_evidence
    left join report_convention
        on
            table_evidence.report_key = report_convention.report_key
            and table_evidence.table_kind = report_convention.table_kind
)

select * from final
