-- One row per table with at least one reconciliation check, so that every fact can carry
-- whether its table's printed totals agree. The rule is the one Great Expectations applies
-- to the same rows (expectations/reconciliation.py): a check passes when both sides were
-- read and abs(difference) <= tolerance. GE stays the recorder (quality_reconciliation).
with checks as (
    select * from {{ ref('reconciliation_checks') }}
),

judged as (
    select
        report_key,
        relation,
        table_id,
        coalesce(actual is not null and abs(difference) <= tolerance, false) as passed
    from checks
    where table_id is not null
),

final as (
    select
        report_key,
        relation,
        table_id,
        count(*) as n_checks,
        count(*) filter (where not passed) as n_failed,
        case when bool_and(passed) then 'verified' else 'unverified' end as verification_status
    from judged
    group by report_key, relation, table_id
)

select * from final
