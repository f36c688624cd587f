-- One row per table with at least one reconciliation check, so that every fact can carry
-- whether its table's printed totals agree. The rule is the one Great Expectations applies
-- to the same rows (expectations/reconciliation.py): a check passes when both sides were
-- read and abs(difference) <= tolerance; a check that could not be made (not_checked_reason)
-- neither passes nor fails. GE stays the recorder (quality_reconciliation).
with checks as (
    select * from {{ ref('reconciliation_checks') }}
),

judged as (
    select
        report_key,
        relation,
        table_id,
        not_checked_reason is null as is_checked,
        coalesce(actual is not null and abs(difference) <= tolerance, false) as passed
    from checks
    where table_id is not null
),

final as (
    select
        report_key,
        relation,
        table_id,
        count(*) filter (where is_checked) as n_checks,
        count(*) filter (where is_checked and not passed) as n_failed,
        count(*) filter (where not is_checked) as n_not_checked,
        -- verified claims every printed total agrees: one that could not be checked leaves
        -- the table not_checked (quality_reconciliation says why), never verified
        case
            when count(*) filter (where is_checked and not passed) > 0 then 'unverified'
            when bool_and(is_checked) then 'verified'
            else 'not_checked'
        end as verification_status
    from judged
    group by report_key, relation, table_id
)

select * from final
