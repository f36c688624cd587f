with tables as (
    select * from {{ ref('stg_extracted__tables') }}
),

header_texts as (
    select * from {{ ref('int_tables_header_text') }}
),

unit_vocabulary as (
    select * from {{ ref('unit_vocabulary') }}
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

matches as (
    select
        candidate_texts.report_key,
        candidate_texts.table_id,
        candidate_texts.unit_source,
        unit_vocabulary.unit,
        unit_vocabulary.factor_sek
    from candidate_texts
    inner join unit_vocabulary
        on regexp_matches(
            -- in the running text, a unit right after an amount (`ett underskott på 4,5
            -- mnkr`) speaks of that amount, not of the table below
            case
                when candidate_texts.unit_source = 'context'
                    then regexp_replace(
                        candidate_texts.source_text,
                        '(\d+,\d+|\d{1,3}(\s\d{3})+|\b\d{1,3})\s?(' || unit_vocabulary.pattern || ')',
                        ' ', 'g'
                    )
                else candidate_texts.source_text
            end,
            unit_vocabulary.pattern
        )
    qualify row_number() over (
        partition by candidate_texts.report_key, candidate_texts.table_id
        order by candidate_texts.source_rank asc, unit_vocabulary.priority desc
    ) = 1
),

final as (
    select
        tables.report_key,
        tables.table_id,
        matches.unit,
        matches.factor_sek,
        matches.unit_source
    from tables
    left join matches
        on tables.report_key = matches.report_key and tables.table_id = matches.table_id
)

select * from final
