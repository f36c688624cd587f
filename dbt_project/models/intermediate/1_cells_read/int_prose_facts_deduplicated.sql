-- A report may state the same sentence twice (Eskilstuna's KLK staffing in the cover
-- letter and again in the attachment): one statement, one fact, kept at its first page.
-- The same figure in different sentences stays: they are separate statements.
with prose_facts as (
    select * from {{ changed_only(ref('stg_extracted__prose_facts')) }}
),

final as (
    select * from prose_facts
    qualify row_number() over (
        partition by report_key, fact, fact_value, target_value, population, sentence
        order by page
    ) = 1
)

select * from final
