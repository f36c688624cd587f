with text_blocks as (
    select * from {{ changed_only(ref('stg_extracted__text_blocks')) }}
),

unit_vocabulary as (
    select * from {{ ref('unit_vocabulary') }}
),

block_units as (
    select
        text_blocks.report_key,
        text_blocks.page,
        text_blocks.block_index,
        unit_vocabulary.unit,
        unit_vocabulary.factor_sek
    from text_blocks
    inner join unit_vocabulary
        on regexp_matches(lower(text_blocks.block_text), unit_vocabulary.pattern)
    qualify row_number() over (
        partition by text_blocks.report_key, text_blocks.page, text_blocks.block_index
        order by unit_vocabulary.priority desc
    ) = 1
),

per_report as (
    select
        report_key,
        count(distinct unit) as n_units,
        min(unit) as unit,
        min(factor_sek) as factor_sek
    from block_units
    group by report_key
),

final as (
    -- only a report whose running text names exactly one money unit says which unit it uses
    select
        report_key,
        unit,
        factor_sek
    from per_report
    where n_units = 1
)

select * from final
