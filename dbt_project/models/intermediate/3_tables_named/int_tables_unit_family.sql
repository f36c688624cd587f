-- A table without a unit of its own that repeats the columns of an earlier table in the
-- same report (a table family: one activity-analysis table per activity) takes the unit
-- of the nearest preceding family member stating one in its header or caption.
with found as (
    select * from {{ changed_only(ref('int_tables_unit_found')) }}
),

signatures as (
    select * from {{ changed_only(ref('int_tables_column_signatures')) }}
),

members as (
    select
        found.report_key,
        found.table_id,
        found.unit,
        found.factor_sek,
        found.unit_source,
        signatures.column_signature
    from found
    inner join signatures
        on found.report_key = signatures.report_key and found.table_id = signatures.table_id
),

final as (
    select
        unresolved.report_key,
        unresolved.table_id,
        stated.unit,
        stated.factor_sek
    from members as unresolved
    inner join members as stated
        on
            unresolved.report_key = stated.report_key
            and unresolved.column_signature = stated.column_signature
            and unresolved.table_id > stated.table_id
    where
        (unresolved.unit is null or unresolved.unit_source = 'context')
        and stated.unit_source in ('header', 'caption', 'note')
    qualify row_number() over (
        partition by unresolved.report_key, unresolved.table_id order by stated.table_id desc
    ) = 1
)

select * from final
