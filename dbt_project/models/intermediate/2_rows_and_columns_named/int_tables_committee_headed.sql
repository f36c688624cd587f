-- A table whose label column is headed with its report's own committee (`Socialnämnden,
-- tusen kronor`): the lines under the committee's name are its parts. The name must stand
-- whole: `Socialnämndens intäkter` names something of the committee, not the committee.
with label_headers as (
    select * from {{ changed_only(ref('int_tables_label_header')) }}
),

reports as (
    select * from {{ changed_only(ref('stg_extracted__reports')) }}
),

committees as (
    select
        report_key,
        lower(trim(committee_name)) as committee
    from reports
    where committee_name is not null
),

final as (
    select
        label_headers.report_key,
        label_headers.table_id,
        label_headers.label_header
    from label_headers
    inner join committees
        on label_headers.report_key = committees.report_key
    where
        starts_with(label_headers.label_header, committees.committee)
        -- the name ends where the header ends or at a mark or space, not inside a word
        and not regexp_matches(
            substr(label_headers.label_header, length(committees.committee) + 1, 1), '[\pL\pN_]'
        )
)

select * from final
