with reports as (
    select * from {{ ref('int_reports_keyed') }}
),

coverage as (
    select * from {{ ref('quality_table_coverage') }}
),

quarantine as (
    select * from {{ ref('quality_quarantine') }}
),

-- a report whose rows were all taken out for breaking the contract has no fact left (a copy
-- of another file keeps its facts there, not in the fact tables)
facts_kept as (
    select distinct report_key from {{ ref('facts_all_copies') }}
),

copies as (
    select * from {{ ref('report_copies') }}
),

-- rows taken out for breaking the contract make the report partial, or failed when no
-- fact of it is left; error names the rules, warnings each relation, page and fact key
-- (a key breaking two rules is withheld once)
quarantine_named as (
    select
        *,
        format('{} {}({})', relation, rule, column_name) as broken_rule,
        row_number() over (partition by report_key, relation, fact_key order by rule, column_name) = 1
            as is_first_of_key
    from quarantine
),

quarantined as (
    select
        report_key,
        sum(rows_withheld) filter (where is_first_of_key) as n_withheld,
        string_agg(distinct broken_rule, ', ' order by broken_rule) as broken_rules,
        list(
            format('{} page {}: {} withheld ({}: {})', relation, page, fact_key, broken_rule, reason)
            order by relation, page, fact_key, broken_rule
        ) as quarantine_warnings
    from quarantine_named
    group by report_key
),

-- numbers printed in rows that produced no fact make a read report partial, saying where
-- (a table of a kind the warehouse does not load, such as indicators, is out of scope)
unread as (
    select
        report_key,
        count(*) as n_unread,
        list(format('page {}: {} not read into facts ({})', page, region, reason) order by page, region)
            as unread_warnings
    from coverage
    where not is_read and is_in_scope
    group by report_key
),

with_unread as (
    select
        reports.*,
        coalesce(unread.n_unread, 0) as n_unread,
        coalesce(unread.unread_warnings, []) as unread_warnings,
        coalesce(quarantined.n_withheld, 0) as n_withheld,
        quarantined.broken_rules,
        coalesce(quarantined.quarantine_warnings, []) as quarantine_warnings,
        facts_kept.report_key is not null as has_facts,
        copies.canonical_report_key,
        copies.canonical_reason
    from reports
    left join unread
        on reports.report_key = unread.report_key
    left join quarantined
        on reports.report_key = quarantined.report_key
    left join facts_kept
        on reports.report_key = facts_kept.report_key
    left join copies
        on reports.report_key = copies.report_key
),

final as (
    select
        report_key,
        file_name,
        sha256,
        file_format,
        file_size,
        title,
        municipality_code,
        municipality_source,
        committee_key,
        committee_name,
        period_key,
        fiscal_year,
        period_start,
        period_end,
        report_kind,
        page_count,
        case
            when status = 'failed' then status
            when n_withheld > 0 and not has_facts then 'failed'
            when n_unread > 0 or n_withheld > 0 then 'partial'
            else status
        end as status,
        nullif(concat_ws(
            '; ',
            case
                when status = 'ok' and n_unread > 0 then format('numeric regions not read into facts: {}', n_unread)
                else error
            end,
            case
                when n_withheld > 0 then format('rows withheld for breaking the contract: {} ({})', n_withheld, broken_rules)
            end
        ), '') as error,
        list_concat(list_concat(warnings, unread_warnings), quarantine_warnings) as warnings,
        source_url,
        canonical_report_key,
        canonical_reason
    from with_unread
)

select * from final
