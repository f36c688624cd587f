-- the assembled rates (int_sick_leave_facts_assembled) less the rows quality_quarantine
-- took out for breaking the contract
with facts as (
    select * from {{ ref('int_sick_leave_facts_assembled') }}
),

quarantine as (
    select * from {{ ref('quality_quarantine') }}
    where relation = 'fct_sick_leave'
),

final as (
    select
        facts.*,
        -- no printed figure sums or derives a rate, so none is reconciled
        'not_checked' as verification_status
    from facts
    where {{ not_quarantined('facts', 'quarantine') }}
)

select * from final
