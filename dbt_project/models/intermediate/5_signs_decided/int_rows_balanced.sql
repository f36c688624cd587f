-- The sign of the lines a result balances: `Netto 8 958` (the sum of activities of no
-- known kind), then `Kommunersättning 9 117` (revenue), then `Resultat efter
-- kommunbidrag 159` (a total, or a last line of no kind). The result
-- is the revenue plus the net, so the net must be money out: 9 117 - 8 958 = 159, while
-- 9 117 + 8 958 is no 159. Per printed column: the activities and their total take the
-- one sign under which the balance holds (part, total), the result the sign it then has
-- (result); a column where both signs or neither hold decides nothing.
with located as (
    select * from {{ changed_only(ref('int_cells_located')) }}
),

tables_classified as (
    select * from {{ changed_only(ref('int_tables_classified')) }}
),

level_figures as (
    {{ level_figures('located') }}
),

figures as (
    select level_figures.*
    from level_figures
    inner join tables_classified
        on level_figures.report_key = tables_classified.report_key and level_figures.table_id = tables_classified.table_id
    where tables_classified.table_kind = 'operating'
),

segments as (
    select
        report_key,
        table_id,
        col_index,
        totals_before as segment,
        count(*) as n_lines,
        count(*) filter (where line_role is null) as n_plain,
        count(*) filter (where line_role = 'revenue') as n_revenue,
        sum(printed_number) as line_sum,
        sum(printed_number) filter (where line_role = 'revenue') as revenue_sum,
        max(row_index) as last_row,
        max(row_index) filter (where line_role is null) as last_plain_row,
        max(printed_unit) as printed_unit
    from figures
    where not is_total
    group by report_key, table_id, col_index, totals_before
),

closed as (
    -- each total with the lines it closes
    select
        totals.*,
        segments.n_lines,
        segments.n_plain,
        segments.n_revenue,
        segments.line_sum,
        0.5 * (segments.n_lines + 1) * greatest(segments.printed_unit, totals.printed_unit) as tolerance
    from figures as totals
    inner join segments
        on
            totals.report_key = segments.report_key
            and totals.table_id = segments.table_id
            and totals.col_index = segments.col_index
            and totals.totals_before = segments.segment
    where totals.is_total
),

results as (
    -- revenue lines closed by their result: a total, or a last line of no kind
    -- (`Resultat efter kommunbidrag`) with no total after it
    select
        report_key,
        table_id,
        col_index,
        totals_before as segment,
        row_index as result_row,
        printed_number as result_printed,
        abs(line_sum) as revenue,
        tolerance
    from closed
    where n_revenue = n_lines
    union all
    select
        segments.report_key,
        segments.table_id,
        segments.col_index,
        segments.segment,
        segments.last_row as result_row,
        result.printed_number as result_printed,
        abs(segments.revenue_sum) as revenue,
        0.5 * (segments.n_lines + 1) * segments.printed_unit as tolerance
    from segments
    inner join figures as result
        on
            segments.report_key = result.report_key
            and segments.table_id = result.table_id
            and segments.col_index = result.col_index
            and segments.last_row = result.row_index
    left join closed
        on
            segments.report_key = closed.report_key
            and segments.table_id = closed.table_id
            and segments.col_index = closed.col_index
            and segments.segment = closed.totals_before
    where
        segments.n_plain = 1 and segments.n_revenue = segments.n_lines - 1 and segments.n_revenue > 0
        and segments.last_plain_row = segments.last_row
        and closed.row_index is null
),

balances as (
    -- a net of plain lines it adds up, then revenue lines and their result
    select
        net.report_key,
        net.table_id,
        net.col_index,
        net.row_index as net_row,
        net.totals_before as net_segment,
        results.result_row,
        net.printed_number as net_printed,
        results.result_printed,
        results.revenue,
        net.tolerance + results.tolerance as tolerance,
        results.tolerance as result_tolerance
    from closed as net
    inner join results
        on
            net.report_key = results.report_key
            and net.table_id = results.table_id
            and net.col_index = results.col_index
            and net.totals_before + 1 = results.segment
    where
        net.n_plain = net.n_lines
        and abs(net.printed_number - net.line_sum) <= net.tolerance
),

fits as (
    -- which sign of the net makes revenue plus net the result
    select
        *,
        abs(abs(revenue - net_printed) - abs(result_printed)) <= tolerance as fits_money_out,
        abs(abs(revenue + net_printed) - abs(result_printed)) <= tolerance as fits_money_in
    from balances
),

solved as (
    select
        *,
        case
            when fits_money_out and not fits_money_in then -1
            when fits_money_in and not fits_money_out then 1
        end as net_factor
    from fits
),

factors as (
    select
        solved.report_key,
        solved.table_id,
        solved.col_index,
        parts.row_index,
        'part' as balance_role,
        solved.net_factor as sign_factor
    from solved
    inner join figures as parts
        on
            solved.report_key = parts.report_key
            and solved.table_id = parts.table_id
            and solved.col_index = parts.col_index
            and solved.net_segment = parts.totals_before
            and not parts.is_total
    where solved.net_factor is not null
    union all
    select
        report_key,
        table_id,
        col_index,
        net_row as row_index,
        'total' as balance_role,
        net_factor as sign_factor
    from solved
    where net_factor is not null
    union all
    -- a result of 0 has no sign to find; once the net's sign is found, the result is the
    -- printed revenue plus the printed net, so only their rounding (not that of the
    -- lines the net adds up) can hide its sign: `98,5` - `98,9` is a result of -0,4
    -- however its seven lines round
    select
        report_key,
        table_id,
        col_index,
        result_row as row_index,
        'result' as balance_role,
        cast(sign(revenue + net_factor * net_printed) * sign(result_printed) as integer) as sign_factor
    from solved
    where
        net_factor is not null and result_printed != 0
        and abs(revenue + net_factor * net_printed) > result_tolerance
),

final as (
    select
        factors.*,
        cast(sign(figures.printed_number) as integer) as printed_sign
    from factors
    inner join figures
        on
            factors.report_key = figures.report_key
            and factors.table_id = figures.table_id
            and factors.row_index = figures.row_index
            and factors.col_index = figures.col_index
)

select * from final
