-- Whose a prose fact is: the reporting committee (the sentence names no one, the
-- committee by name, or a word for it: `Nämnden`, `förvaltningen`), a line the report
-- prints (`Försörjningsstödet` is the table line Försörjningsstöd; a heading or list item
-- `- Verksamhetsstöd och service + 8,2 mnkr` prints a unit too), or a committee or unit
-- by its name (prose_owner_vocabulary). Any other owner is a fragment of the sentence
-- (`Eftersom nämnden`): the fact is withheld with that reason, never stored under it.
with prose_facts as (
    select * from {{ changed_only(ref('int_prose_facts_deduplicated')) }}
),

reports as (
    select * from {{ changed_only(ref('int_reports_keyed')) }}
),

amounts as (
    select * from {{ changed_only(ref('int_amounts_normalised')) }}
),

org_units as (
    select * from {{ changed_only(ref('int_rows_org_units_assigned')) }}
),

text_blocks as (
    select * from {{ changed_only(ref('stg_extracted__text_blocks')) }}
),

owner_vocabulary as (
    select * from {{ ref('prose_owner_vocabulary') }}
),

facts as (
    select
        prose_facts.*,
        left(md5(concat_ws(
            '|', prose_facts.report_key, prose_facts.page, prose_facts.fact, prose_facts.fact_value,
            prose_facts.population, prose_facts.sentence
        )), 16) as statement_id,
        lower(trim(prose_facts.population)) as owner_text,
        reports.committee_name
    from prose_facts
    inner join reports
        on prose_facts.report_key = reports.report_key
),

text_lines as (
    select
        report_key,
        unnest(string_split(block_text, chr(10))) as text_line
    from text_blocks
),

printed_lines as (
    select distinct
        report_key,
        line_item as printed
    from amounts
    where table_kind = 'operating' and line_item is not null
    union
    select distinct
        report_key,
        org_unit as printed
    from org_units
    where org_unit is not null
    union
    -- a line of text that is a name alone, or with the figure a list gives it
    select distinct
        report_key,
        regexp_extract(
            trim(text_line), '^[-–•*]?\s*([A-ZÅÄÖ][^0-9+−–]*?)\s*(?:[+−–-]?\s?\d[\d\s,.]*\s*[a-zA-Z%]*)?$', 1
        ) as printed
    from text_lines
    where length(trim(text_line)) between 2 and 80
),

line_matches as (
    -- the longest printed line the owner is, or is with a definite ending
    select
        facts.statement_id,
        arg_max(printed_lines.printed, length(printed_lines.printed)) as printed_line
    from facts
    inner join printed_lines
        on
            facts.report_key = printed_lines.report_key
            and printed_lines.printed != ''
            and starts_with(facts.owner_text, lower(printed_lines.printed))
    where
        facts.owner_text = lower(printed_lines.printed)
        or exists (
            select 1 from owner_vocabulary
            where
                owner_vocabulary.owner_kind = 'definite_suffix'
                and regexp_matches(
                    substr(facts.owner_text, length(printed_lines.printed) + 1), owner_vocabulary.pattern
                )
        )
    group by facts.statement_id
),

word_matches as (
    select
        facts.statement_id,
        min(owner_vocabulary.owner_kind) filter (where owner_vocabulary.owner_kind = 'committee') as committee_word,
        min(owner_vocabulary.owner_kind) filter (where owner_vocabulary.owner_kind != 'committee') as named_kind
    from facts
    inner join owner_vocabulary
        on
            owner_vocabulary.owner_kind != 'definite_suffix'
            and regexp_matches(trim(facts.population), owner_vocabulary.pattern)
    group by facts.statement_id
),

resolved as (
    select
        facts.*,
        line_matches.printed_line,
        word_matches.named_kind,
        -- a report whose committee is unknown names it nowhere: false, never null, so an
        -- unknown owner there is withheld like anywhere else
        facts.owner_text is null
        or coalesce(facts.owner_text = lower(trim(facts.committee_name)), false)
        or word_matches.committee_word is not null as is_committee
    from facts
    left join line_matches
        on facts.statement_id = line_matches.statement_id
    left join word_matches
        on facts.statement_id = word_matches.statement_id
),

final as (
    select
        * exclude (owner_text, printed_line, named_kind, is_committee),
        case
            when is_committee then 'committee'
            when printed_line is not null then 'line'
            else named_kind
        end as owner_kind,
        case when not is_committee then coalesce(printed_line, trim(population)) end as owner,
        case
            when not is_committee and printed_line is null and named_kind is null
                then format('owner not a committee, unit or printed line: {}', trim(population))
        end as withheld_reason
    from resolved
)

select * from final
