-- The unit a table states for itself: in its header (stub header `tkr`, `Belopp i
-- tkr`), caption or the note under it (`Belopp i tusen kronor.`), else in the prose
-- around it. Where its own statements name two units, unit_source is `conflicting` and
-- the unit NULL: never the first one read.
with tables as (
    select * from {{ changed_only(ref('stg_extracted__tables')) }}
),

header_texts as (
    select * from {{ changed_only(ref('int_tables_header_text')) }}
),

unit_vocabulary as (
    select * from {{ ref('unit_vocabulary') }}
),

any_unit as (
    -- every unit's pattern in one: an amount's own unit is cut out of the running text
    -- whole (`0,1 miljoner kronor`), not only by the pattern being tried, which left
    -- `kronor` of it to read as the table's unit
    select string_agg('(' || pattern || ')', '|') as pattern
    from unit_vocabulary
),

candidate_texts as (
    select
        report_key,
        table_id,
        'header' as unit_source,
        1 as source_rank,
        -- a header cell wraps a word at a hyphen (`(tu-sental kronor)`, `miljo - ner kronor`):
        -- the unit reads whole
        regexp_replace(lower(header_text), '(\w) ?- ?(\w)', '\1\2', 'g') as source_text
    from header_texts
    union all
    select
        report_key,
        table_id,
        -- a caption ending in a full stop is the tail of a sentence above the table (prose)
        case when regexp_matches(caption, '\.\s*$') then 'context' else 'caption' end as unit_source,
        case when regexp_matches(caption, '\.\s*$') then 3 else 2 end as source_rank,
        lower(caption) as source_text
    from tables
    union all
    select
        report_key,
        table_id,
        'note' as unit_source,
        2 as source_rank,
        lower(note) as source_text
    from tables
    -- a note stating the unit prints no figure; a unit beside a figure (`överskott på
    -- 4,5 mnkr`) speaks of that figure, not of the table above
    where not regexp_matches(note, '\d')
    union all
    select
        report_key,
        table_id,
        'context' as unit_source,
        3 as source_rank,
        lower(context) as source_text
    from tables
),

candidate_texts_read as (
    -- in the running text, a unit right after an amount (`ett underskott på 4,5 mnkr`)
    -- speaks of that amount, not of the table below: cut once per text, before any
    -- unit is tried
    select
        candidate_texts.report_key,
        candidate_texts.table_id,
        candidate_texts.unit_source,
        candidate_texts.source_rank,
        case
            when candidate_texts.unit_source = 'context'
                then regexp_replace(
                    candidate_texts.source_text,
                    '(\d+,\d+|\d{1,3}(\s\d{3})+|\b\d{1,3})\s?(' || any_unit.pattern || ')',
                    ' ', 'g'
                )
            else candidate_texts.source_text
        end as source_text
    from candidate_texts
    cross join any_unit
),

matches as (
    select
        candidate_texts_read.report_key,
        candidate_texts_read.table_id,
        candidate_texts_read.unit_source,
        candidate_texts_read.source_rank,
        unit_vocabulary.unit,
        unit_vocabulary.factor_sek
    from candidate_texts_read
    inner join unit_vocabulary
        on regexp_matches(candidate_texts_read.source_text, unit_vocabulary.pattern)
    -- one unit per text: patterns that overlap in it (`tusen kronor` is also `kronor`)
    -- yield to the longer name
    qualify row_number() over (
        partition by candidate_texts_read.report_key, candidate_texts_read.table_id, candidate_texts_read.unit_source
        order by candidate_texts_read.source_rank asc, unit_vocabulary.priority desc
    ) = 1
),

stated as (
    -- the table's own statements (header, caption, note) must agree: two units among
    -- them is conflicting evidence, withheld rather than settled by which was read first
    select
        report_key,
        table_id,
        count(distinct unit) as n_units,
        min(unit) as unit,
        min(factor_sek) as factor_sek,
        arg_min(unit_source, source_rank) as unit_source
    from matches
    where unit_source != 'context'
    group by report_key, table_id
),

context_units as (
    select * from matches
    where unit_source = 'context'
),

final as (
    select
        tables.report_key,
        tables.table_id,
        case when stated.n_units > 1 then null else coalesce(stated.unit, context_units.unit) end as unit,
        case when stated.n_units > 1 then null else coalesce(stated.factor_sek, context_units.factor_sek) end
            as factor_sek,
        case
            when stated.n_units > 1 then 'conflicting'
            else coalesce(stated.unit_source, context_units.unit_source)
        end as unit_source
    from tables
    left join stated
        on tables.report_key = stated.report_key and tables.table_id = stated.table_id
    left join context_units
        on tables.report_key = context_units.report_key and tables.table_id = context_units.table_id
)

select * from final
