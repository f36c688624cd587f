-- A report may print one line (a project, a unit) in several tables: an overview and a
-- table per area, or a sentence restating it. Two lines of different tables of one report
-- and fact table are the same line when the numbers say so: they share a printed figure
-- (the same measure, year and value, not a nil) and their
-- labels agree word by word, as many words, a word of three or more letters abbreviating
-- the other's (`Expl Gustavslund`, `Exploatering Gustavslund`; `Närlundaskolan omg
-- markarbeten`, `Närlundaskolan, omgivande markarbete`; a number only as itself). A label
-- with a word more is another line (`10 Nämnder/Styrelser Intäkt` under the unit's net
-- line), whatever figure they share. Of the tables printing a line, the
-- report's main table of its kind (the most facts) comes first, then page order; a
-- sentence comes after every table. One row per line and each printing of it in a table
-- ahead of its own: facts_all_copies sums a figure from the first table printing it.
with facts as (
    select * from {{ ref('int_facts_fingerprinted') }}
),

tables_ordered as (
    select
        report_key,
        relation,
        table_id,
        row_number() over (
            partition by report_key, relation
            order by table_id is null, count(*) desc, min(page), table_id
        ) as table_order
    from facts
    group by report_key, relation, table_id
),

shared_figures as (
    select distinct
        one.report_key,
        one.relation,
        one.table_id,
        one.org_unit,
        one.label_words,
        other.table_id as other_table_id,
        other.label_words as other_label_words
    from facts as one
    inner join facts as other
        on
            one.report_key = other.report_key
            and one.value_key = other.value_key
            and one.org_unit is not distinct from other.org_unit
            and one.table_id is distinct from other.table_id
    -- a nil or an unreadable figure is printed on many lines: no evidence of one line
    where one.value != 0
),

same_lines as (
    select * from shared_figures
    where len(label_words) = len(other_label_words) and list_bool_and(list_transform(
        range(1, len(label_words) + 1),
        lambda i: label_words[i] = other_label_words[i] or (
            regexp_full_match(label_words[i] || other_label_words[i], '\p{L}+')
            and least(length(label_words[i]), length(other_label_words[i])) >= 3
            and (starts_with(label_words[i], other_label_words[i]) or starts_with(other_label_words[i], label_words[i]))
        )
    ))
),

-- each line with every printing of it in a table ahead of its own
final as (
    select
        same_lines.report_key,
        same_lines.relation,
        same_lines.table_id,
        same_lines.org_unit,
        same_lines.label_words,
        same_lines.other_table_id as earlier_table_id,
        same_lines.other_label_words as earlier_label_words
    from same_lines
    inner join tables_ordered as own_order
        on
            same_lines.report_key = own_order.report_key
            and same_lines.relation = own_order.relation
            and same_lines.table_id is not distinct from own_order.table_id
    inner join tables_ordered as other_order
        on
            same_lines.report_key = other_order.report_key
            and same_lines.relation = other_order.relation
            and same_lines.other_table_id = other_order.table_id
    where other_order.table_order < own_order.table_order
)

select * from final
