-- One report published as several files (a PDF and its Word or text export) is counted
-- once: of the files holding it (int_reports_copied, decided by their facts), its canonical
-- copy is the richest reading: the most facts kept, then the fewest withheld
-- (facts quarantined and numeric regions not read), then PDF, Word, text (a PDF's pages are
-- the printed pages lineage names), then report_key. The fact tables hold its facts only.
with reports as (
    select * from {{ ref('int_reports_keyed') }}
),

copied as (
    select * from {{ ref('int_reports_copied') }}
),

facts as (
    select * from {{ ref('facts_all_copies') }}
),

coverage as (
    select * from {{ ref('quality_table_coverage') }}
),

quarantine as (
    select * from {{ ref('quality_quarantine') }}
),

-- facts quarantined and in-scope numeric regions not read
withheld_per_report as (
    select
        report_key,
        sum(n_withheld) as n_withheld
    from (
        select
            report_key,
            count(distinct relation || fact_key) as n_withheld
        from quarantine
        group by report_key
        union all
        select
            report_key,
            count(*) as n_withheld
        from coverage
        where not is_read and is_in_scope
        group by report_key
    ) as withheld
    group by report_key
),

readings as (
    select
        reports.report_key,
        reports.file_name,
        reports.municipality_code,
        reports.committee_key,
        reports.period_key,
        reports.report_kind,
        (
            select count(*)
            from facts
            where facts.report_key = reports.report_key
        ) as n_facts,
        coalesce(withheld_per_report.n_withheld, 0) as n_withheld,
        case reports.file_format when 'pdf' then 1 when 'docx' then 2 else 3 end as format_order
    from reports
    left join withheld_per_report
        on reports.report_key = withheld_per_report.report_key
),

ranked as (
    select
        *,
        row_number() over (order by n_facts desc, n_withheld asc, format_order asc, report_key asc)
            as reading_rank
    from readings
),

canonical as (
    select
        copied.report_key,
        arg_min(copied.copy_key, ranked.reading_rank) as canonical_report_key,
        count(*) as n_copies
    from copied
    inner join ranked
        on copied.copy_key = ranked.report_key
    group by copied.report_key
),

final as (
    select
        ranked.report_key,
        ranked.file_name,
        canonical.canonical_report_key,
        canonical.canonical_report_key = ranked.report_key as is_canonical,
        cast(canonical.n_copies as integer) as n_copies,
        cast(ranked.n_facts as integer) as n_facts,
        cast(ranked.n_withheld as integer) as n_withheld,
        canonical_pair.n_identical as n_identical_to_canonical,
        case
            when canonical.n_copies = 1 then 'no other copy'
            when canonical.canonical_report_key = ranked.report_key
                then format(
                    'canonical of {} copies: {} facts, {} withheld (most facts, then fewest withheld, '
                    || 'then pdf, docx, text, then key)',
                    canonical.n_copies, ranked.n_facts, ranked.n_withheld
                )
            when canonical_pair.n_identical is null
                then format('copy of {} through another copy of it', chosen.file_name)
            else format(
                'copy of {}: same municipality, committee, period and kind, {} of its {} facts identical; '
                || '{} has {} facts, {} withheld',
                chosen.file_name, canonical_pair.n_identical, ranked.n_facts,
                chosen.file_name, chosen.n_facts, chosen.n_withheld
            )
        end as canonical_reason
    from ranked
    inner join canonical
        on ranked.report_key = canonical.report_key
    inner join ranked as chosen
        on canonical.canonical_report_key = chosen.report_key
    left join copied as canonical_pair
        on
            ranked.report_key = canonical_pair.report_key
            and canonical.canonical_report_key = canonical_pair.copy_key
            and canonical_pair.copy_key != canonical_pair.report_key
)

select * from final
