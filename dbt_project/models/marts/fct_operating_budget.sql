-- the assembled facts (int_operating_facts_assembled) of the canonical copy of each report
-- (report_copies), less the rows quality_quarantine took out for breaking the contract
-- (facts_all_copies holds the rest, with is_primary), each with its table's reconciliation
-- verdict
with facts as (
    select * from {{ ref('int_operating_facts_assembled') }}
),

verification as (
    select * from {{ ref('reconciliation_table_status') }}
    where relation = 'fct_operating_budget'
),

copies as (
    select * from {{ ref('report_copies') }}
    where is_canonical
),

all_copies as (
    select * from {{ ref('facts_all_copies') }}
    where relation = 'fct_operating_budget'
),

final as (
    select
        facts.*,
        all_copies.is_primary,
        coalesce(verification.verification_status, 'not_checked') as verification_status
    from facts
    -- a file that is a copy of another report file gives no facts here (facts_all_copies)
    inner join copies
        on facts.report_key = copies.report_key
    -- the facts quality_quarantine left, each saying whether it is the printing to sum
    inner join all_copies
        on facts.report_key = all_copies.report_key and facts.fact_key = all_copies.fact_key
    left join verification
        on facts.report_key = verification.report_key and facts.table_id = verification.table_id
)

select * from final
