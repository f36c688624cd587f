-- Unit precedence: the table's own header, caption or note below it, then a table printing the same
-- total, then the nearest earlier table with the same columns, then the prose around
-- the table, then the report's running text; NULL when nothing says (never guessed),
-- and NULL (unit_source `conflicting`) when the table's own statements disagree: other
-- evidence does not settle them.
-- Prose around a table often speaks of other figures (`avvikelse -6 mkr` under a tkr
-- table), so it ranks below the evidence of other tables.
with found as (
    select * from {{ changed_only(ref('int_tables_unit_found')) }}
),

matched_units as (
    select * from {{ changed_only(ref('int_tables_unit_matched')) }}
),

family_units as (
    select * from {{ changed_only(ref('int_tables_unit_family')) }}
),

report_units as (
    select * from {{ changed_only(ref('int_reports_unit_found')) }}
),

own_units as (
    select
        report_key,
        table_id,
        coalesce(unit_source = 'conflicting', false) as is_conflicting,
        case when unit_source != 'context' then unit end as stated_unit,
        case when unit_source != 'context' then factor_sek end as stated_factor_sek,
        case when unit_source != 'context' then unit_source end as stated_source,
        case when unit_source = 'context' then unit end as context_unit,
        case when unit_source = 'context' then factor_sek end as context_factor_sek
    from found
),

final as (
    select
        own_units.report_key,
        own_units.table_id,
        case when not own_units.is_conflicting then coalesce(
            own_units.stated_unit, matched_units.unit, family_units.unit,
            own_units.context_unit, report_units.unit
        ) end as unit,
        case when not own_units.is_conflicting then coalesce(
            own_units.stated_factor_sek, matched_units.factor_sek, family_units.factor_sek,
            own_units.context_factor_sek, report_units.factor_sek
        ) end as factor_sek,
        case
            when own_units.is_conflicting then 'conflicting'
            when own_units.stated_unit is not null then own_units.stated_source
            when matched_units.unit is not null then 'matching_table'
            when family_units.unit is not null then 'table_family'
            when own_units.context_unit is not null then 'context'
            when report_units.unit is not null then 'report_text'
        end as unit_source
    from own_units
    left join matched_units
        on own_units.report_key = matched_units.report_key and own_units.table_id = matched_units.table_id
    left join family_units
        on own_units.report_key = family_units.report_key and own_units.table_id = family_units.table_id
    left join report_units
        on own_units.report_key = report_units.report_key
)

select * from final
