with label_headers as (
    select * from {{ changed_only(ref('int_tables_label_header')) }}
),

org_unit_vocabulary as (
    select * from {{ ref('org_unit_vocabulary') }}
),

final as (
    -- the label column's header says the lines are units or activities of the committee
    select distinct
        label_headers.report_key,
        label_headers.table_id,
        label_headers.label_header
    from label_headers
    inner join org_unit_vocabulary
        on regexp_matches(label_headers.label_header, org_unit_vocabulary.pattern)
)

select * from final
