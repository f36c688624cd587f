-- the assembled facts (int_investment_facts_assembled) less the rows quality_quarantine took out
-- for breaking the contract, each with its table's reconciliation verdict
with facts as (
    select * from {{ ref('int_investment_facts_assembled') }}
),

quarantine as (
    select * from {{ ref('quality_quarantine') }}
    where relation = 'fct_investment_budget'
),

verification as (
    select * from {{ ref('reconciliation_table_status') }}
    where relation = 'fct_investment_budget'
),

final as (
    select
        facts.*,
        coalesce(verification.verification_status, 'not_checked') as verification_status
    from facts
    left join verification
        on facts.report_key = verification.report_key and facts.table_id = verification.table_id
    where {{ not_quarantined('facts', 'quarantine') }}
)

select * from final
