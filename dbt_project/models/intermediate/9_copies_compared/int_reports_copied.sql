-- Two report files are copies of one report (a PDF and its Word or text export) when the
-- evidence says so, never the file name: they state the same municipality, committee,
-- period and kind, and at least COPY_SHARE of the facts of the one with fewer facts state a
-- figure the other states too (int_facts_fingerprinted.figure_key, each printing once).
-- A copy of a copy holds the same report. One row per file and each file holding its
-- report, itself included.
{% set copy_share = 0.8 %}

with recursive reports as (
    select * from {{ ref('int_reports_keyed') }}
),

facts as (
    select * from {{ ref('int_facts_fingerprinted') }}
),

figures as (
    select
        report_key,
        figure_key,
        count(*) as n_printed
    from facts
    group by report_key, figure_key
),

facts_per_report as (
    select
        report_key,
        count(*) as n_facts
    from facts
    group by report_key
),

-- every pair of files that say they are the same report, with the figures they share
same_report as (
    select
        one.report_key,
        other.report_key as other_key,
        least(one_facts.n_facts, other_facts.n_facts) as n_compared,
        (
            select coalesce(sum(least(mine.n_printed, theirs.n_printed)), 0)
            from figures as mine
            inner join figures as theirs
                on mine.figure_key = theirs.figure_key
            where mine.report_key = one.report_key and theirs.report_key = other.report_key
        ) as n_identical
    from reports as one
    inner join reports as other
        on
            one.report_key != other.report_key
            and one.municipality_code = other.municipality_code
            and one.committee_key = other.committee_key
            and one.period_key = other.period_key
            and one.report_kind = other.report_kind
    inner join facts_per_report as one_facts
        on one.report_key = one_facts.report_key
    inner join facts_per_report as other_facts
        on other.report_key = other_facts.report_key
),

copies as (
    select * from same_report
    where n_identical > 0 and n_identical >= {{ copy_share }} * n_compared
),

-- the files holding a file's report, directly or through another copy
reachable (report_key, copy_key) as (
    select
        report_key,
        report_key as copy_key
    from reports
    union
    select
        reachable.report_key,
        copies.other_key as copy_key
    from reachable
    inner join copies
        on reachable.copy_key = copies.report_key
),

final as (
    select
        reachable.report_key,
        reachable.copy_key,
        -- the facts the two files share (NULL for the file itself or a copy of a copy)
        cast(copies.n_identical as integer) as n_identical
    from reachable
    left join copies
        on reachable.report_key = copies.report_key and reachable.copy_key = copies.other_key
)

select * from final
