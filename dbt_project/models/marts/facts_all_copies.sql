-- Every fact kept (assembled, less what quality_quarantine took out) of every report file,
-- canonical copy or not, saying whether it is the printing to sum (is_primary): report_copies
-- compares copies by these rows, the fact tables take is_primary from here.
with facts as (
    select * from {{ ref('int_facts_fingerprinted') }}
),

quarantine as (
    select * from {{ ref('quality_quarantine') }}
),

lines as (
    select * from {{ ref('int_lines_repeated') }}
),

kept as (
    select * from facts
    where not exists (
        select 1 from quarantine
        where
            quarantine.relation = facts.relation
            and quarantine.report_key is not distinct from facts.report_key
            and quarantine.fact_key is not distinct from facts.fact_key
    )
),

-- a figure is summed from the first table printing its line (int_lines_repeated); a
-- figure of a line that no earlier table prints, or not with this measure and year, is
-- summed here
final as (
    select
        relation,
        fact_key,
        report_key,
        page,
        table_id,
        org_unit,
        label,
        measure,
        fiscal_year,
        value,
        as_printed,
        figure_key,
        not exists (
            select 1
            from lines
            inner join kept as earlier
                on
                    lines.report_key = earlier.report_key
                    and lines.relation = earlier.relation
                    and lines.earlier_table_id = earlier.table_id
                    and lines.org_unit is not distinct from earlier.org_unit
                    and lines.earlier_label_words = earlier.label_words
            where
                lines.report_key = kept.report_key
                and lines.relation = kept.relation
                and lines.table_id is not distinct from kept.table_id
                and lines.org_unit is not distinct from kept.org_unit
                and lines.label_words = kept.label_words
                and earlier.measure is not distinct from kept.measure
                and earlier.fiscal_year is not distinct from kept.fiscal_year
        ) as is_primary
    from kept
)

select * from final
