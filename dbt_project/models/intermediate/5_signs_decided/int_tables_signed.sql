-- The sign convention of a table, from the sums of its printed revenue and cost lines:
-- revenue sums to money in, costs to money out. Revenue negative and costs positive
-- (or the reverse) is one convention for the whole table; both printed with one sign
-- (or revenue and the net a result balances it with: int_rows_balanced) is a convention
-- per row kind (int_rows_signed). Without such lines, a cost table or
-- an investment table is money out; else the report's convention for the kind; else as
-- printed. Sums of amounts decide, never a count of signs. A table of positive figures
-- with neither kind of line whose deviation is printed as budget - outcome on every row
-- it can be checked on is a table of costs: a deviation is printed favourable-positive
-- by custom (positiv avvikelse = överskott), so an outcome below budget is a cost. Else
-- a result the report's text states (underskott på 0,4 mnkr) that a total's printed
-- difference matches in size tells (int_tables_prose_result_matched). Else, in an
-- operating table whose label column is headed as the committee's activities
-- (`Verksamhet`: int_tables_org_units_found) or with the committee's own name
-- (`Socialnämnden, tusen kronor`: int_tables_committee_headed), or whose total names the
-- committee as a whole (`Summa förvaltningen`: committee_total_vocabulary), the lines are the
-- activities' net costs, money out, by the convention of a municipal operating
-- statement: the sum of their printed figures says which sign prints money out.
with located as (
    select * from {{ changed_only(ref('int_cells_located')) }}
),

tables_classified as (
    select * from {{ changed_only(ref('int_tables_classified')) }}
),

deviation_columns as (
    select * from {{ changed_only(ref('int_deviation_columns_oriented')) }}
),

prose_results as (
    select * from {{ changed_only(ref('int_tables_prose_result_matched')) }}
),

committee_total_vocabulary as (
    select * from {{ ref('committee_total_vocabulary') }}
),

activity_tables as (
    select
        report_key,
        table_id
    from {{ changed_only(ref('int_tables_org_units_found')) }}
    union
    select
        report_key,
        table_id
    from {{ changed_only(ref('int_tables_committee_headed')) }}
    union
    -- a total closing the committee as a whole: the lines above it are its parts
    select
        located.report_key,
        located.table_id
    from located
    inner join committee_total_vocabulary
        on regexp_matches(
            regexp_replace(lower(trim(located.line_item)), '\s+', ' ', 'g'), committee_total_vocabulary.pattern
        )
    where located.is_total
),

balanced as (
    -- the printed sign of the money out a result balances (int_rows_balanced)
    select
        report_key,
        table_id,
        case when count(distinct printed_sign) = 1 then min(printed_sign) end as money_out_sign
    from {{ changed_only(ref('int_rows_balanced')) }}
    where balance_role = 'part' and printed_sign * sign_factor = -1
    group by report_key, table_id
),

deviations_checked as (
    -- the orientations the figures prove; a table whose deviation columns disagree proves none
    select
        report_key,
        table_id,
        case when count(distinct orientation) = 1 then min(orientation) end as orientation
    from deviation_columns
    where orientation_basis = 'arithmetic'
    group by report_key, table_id
),

level_figures as (
    -- level figures only: a deviation's sign says nothing about the convention
    {{ level_figures('located') }}
),

sums as (
    select
        report_key,
        table_id,
        cast(sign(sum(printed_number) filter (where line_role = 'revenue')) as integer) as revenue_sign,
        cast(sign(sum(printed_number) filter (where line_role = 'cost')) as integer) as cost_sign,
        cast(sign(sum(printed_number)) as integer) as line_sign
    from level_figures
    where printed_number != 0
    group by report_key, table_id
),

one_sign as (
    -- revenue and costs printed with one sign: both kinds of line, or revenue and the
    -- money out a result balances
    select
        sums.*,
        coalesce(
            sums.revenue_sign = sums.cost_sign,
            sums.revenue_sign = balanced.money_out_sign,
            false
        ) as is_one_sign
    from sums
    left join balanced
        on sums.report_key = balanced.report_key and sums.table_id = balanced.table_id
),

table_evidence as (
    select
        tables_classified.report_key,
        tables_classified.table_id,
        tables_classified.table_kind,
        sums.revenue_sign,
        -coalesce(sums.cost_sign, sums.revenue_sign) as cost_factor,
        case
            when sums.is_one_sign then null
            when sums.revenue_sign is not null or sums.cost_sign is not null
                then coalesce(sums.revenue_sign, -sums.cost_sign)
            when
                (tables_classified.is_cost_table or tables_classified.table_kind = 'investment')
                and sums.line_sign != 0 then -sums.line_sign
            when sums.line_sign = 1 and deviations_checked.orientation = -1 then -1
            when prose_results.sign_factor is not null then prose_results.sign_factor
            when
                activity_tables.table_id is not null and tables_classified.table_kind = 'operating'
                and sums.line_sign != 0 then -sums.line_sign
        end as evidence_factor,
        case
            when sums.is_one_sign then 'row_kinds'
            when sums.revenue_sign is not null or sums.cost_sign is not null then 'revenue_cost_lines'
            when tables_classified.is_cost_table and sums.line_sign != 0 then 'cost_table'
            when tables_classified.table_kind = 'investment' and sums.line_sign != 0
                then 'investment_expenditure'
            when sums.line_sign = 1 and deviations_checked.orientation = -1 then 'deviation_under_budget'
            when prose_results.sign_factor is not null then 'prose_result'
            when
                activity_tables.table_id is not null and tables_classified.table_kind = 'operating'
                and sums.line_sign != 0 then 'activity_net_cost'
        end as evidence_basis
    from tables_classified
    left join one_sign as sums
        on tables_classified.report_key = sums.report_key and tables_classified.table_id = sums.table_id
    left join deviations_checked
        on
            tables_classified.report_key = deviations_checked.report_key
            and tables_classified.table_id = deviations_checked.table_id
    left join prose_results
        on
            tables_classified.report_key = prose_results.report_key
            and tables_classified.table_id = prose_results.table_id
    left join activity_tables
        on
            tables_classified.report_key = activity_tables.report_key
            and tables_classified.table_id = activity_tables.table_id
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
        case when table_evidence.evidence_basis = 'row_kinds' then table_evidence.revenue_sign end
            as revenue_factor,
        case when table_evidence.evidence_basis = 'row_kinds' then table_evidence.cost_factor end
            as cost_factor,
        cast(coalesce(
            table_evidence.evidence_factor,
            case when table_evidence.evidence_basis is null then report_convention.report_factor end,
            1
        ) as integer) as sign_factor,
        case
            when table_evidence.evidence_basis is not null then table_evidence.evidence_basis
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
