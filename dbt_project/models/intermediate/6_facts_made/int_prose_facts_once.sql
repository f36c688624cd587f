-- A fact stated in prose is one fact, whichever sentences state it: the statements of a
-- report with the same fact (measure or metric, and period: a prior year's rate is its
-- own fact) and owner are one group. A group stating one figure keeps its first
-- statement (is_kept, the page it is first read on); a group stating different figures
-- (98 in one sentence, 102 in another) keeps none, each statement withheld with the
-- figures as the reason: which one holds is not the warehouse's to pick. A statement
-- whose owner is unknown stays withheld with int_prose_facts_owned's reason.
with owned as (
    select * from {{ changed_only(ref('int_prose_facts_owned')) }}
),

owned_keyed as (
    select
        *,
        concat_ws('|', report_key, fact, owner_kind, lower(owner)) as fact_group
    from owned
),

groups as (
    select
        fact_group,
        count(distinct fact_value) as n_values,
        count(distinct target_value) as n_targets,
        max(target_value) as stated_target,
        string_agg(distinct as_printed, ', ' order by as_printed) as figures,
        string_agg(distinct cast(target_value as varchar), ', ') as targets
    from owned_keyed
    where withheld_reason is null
    group by fact_group
),

ranked as (
    select
        owned_keyed.*,
        groups.n_values,
        groups.n_targets,
        groups.stated_target,
        groups.figures,
        groups.targets,
        row_number() over (
            partition by owned_keyed.fact_group order by owned_keyed.page, owned_keyed.sentence
        ) as statement_rank
    from owned_keyed
    left join groups
        on owned_keyed.fact_group = groups.fact_group
    where owned_keyed.withheld_reason is null
),

stated_once as (
    select
        * exclude (withheld_reason, n_values, n_targets, stated_target, figures, targets, statement_rank),
        stated_target as stated_target_value,
        n_values = 1 and n_targets <= 1 and statement_rank = 1 as is_kept,
        case
            when n_values > 1 then format('stated with different figures: {}', figures)
            when n_targets > 1 then format('stated with different targets: {}', targets)
        end as withheld_reason
    from ranked
),

owner_unknown as (
    select
        * exclude (withheld_reason),
        target_value as stated_target_value,
        false as is_kept,
        withheld_reason
    from owned_keyed
    where withheld_reason is not null
),

final as (
    select * from stated_once
    union all by name
    select * from owner_unknown
)

select * from final
