-- A line of a transposed summary naming another table kind than its table's
-- (`Nettoinvesteringar` in an `Ekonomi` operating summary) belongs to that kind and is
-- signed by the report's convention for it, read from the tables of that kind that
-- carry their own sign evidence; no such convention: kind NULL, so no fact (no guess).
with transposed as (
    select * from {{ changed_only(ref('int_cells_transposed')) }}
),

tables_classified as (
    select * from {{ changed_only(ref('int_tables_classified')) }}
),

tables_signed as (
    select * from {{ changed_only(ref('int_tables_signed')) }}
),

kind_vocabulary as (
    select * from {{ ref('table_kind_vocabulary') }}
),

line_kinds as (
    select distinct
        transposed.report_key,
        transposed.table_id,
        transposed.line_item,
        kind_vocabulary.table_kind
    from transposed
    inner join kind_vocabulary
        on regexp_matches(lower(transposed.line_item), kind_vocabulary.pattern)
    qualify row_number() over (
        partition by transposed.report_key, transposed.table_id, transposed.line_item
        order by kind_vocabulary.priority desc
    ) = 1
),

conventions as (
    select
        tables_classified.report_key,
        tables_classified.table_kind,
        min(tables_signed.sign_factor) as sign_factor
    from tables_classified
    inner join tables_signed
        on
            tables_classified.report_key = tables_signed.report_key
            and tables_classified.table_id = tables_signed.table_id
    where tables_signed.sign_basis not in ('as_printed', 'report_convention', 'row_kinds')
    group by tables_classified.report_key, tables_classified.table_kind
    having count(distinct tables_signed.sign_factor) = 1
),

other_kinds as (
    select
        line_kinds.report_key,
        line_kinds.table_id,
        line_kinds.line_item,
        case when conventions.sign_factor is not null then line_kinds.table_kind end as table_kind,
        conventions.sign_factor
    from line_kinds
    inner join tables_classified
        on
            line_kinds.report_key = tables_classified.report_key
            and line_kinds.table_id = tables_classified.table_id
    left join conventions
        on
            line_kinds.report_key = conventions.report_key
            and line_kinds.table_kind = conventions.table_kind
    where line_kinds.table_kind is distinct from tables_classified.table_kind
),

final as (
    -- every cell of a transposed table; kind and sign only where its line names another kind
    select
        transposed.*,
        other_kinds.line_item is not null as is_other_kind,
        other_kinds.table_kind,
        other_kinds.sign_factor
    from transposed
    left join other_kinds
        on
            transposed.report_key = other_kinds.report_key
            and transposed.table_id = other_kinds.table_id
            and transposed.line_item = other_kinds.line_item
)

select * from final
