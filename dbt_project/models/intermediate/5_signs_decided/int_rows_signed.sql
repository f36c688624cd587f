-- The sign of each row of a table printing revenue and costs with one sign (both
-- positive, `Nettokostnad` positive): revenue is money in, costs money out, lines of no
-- kind the sign under which the total closing them (beside lines of a kind) is their
-- sum, or a result balances them with (int_rows_balanced), and a
-- total the sign under which it is the sum of the lines above it (a net cost printed
-- positive is money out), or of the totals above it when it follows totals. A total
-- may close only the lines of the kind it follows among lines of both (`Summa
-- kostnader` 37,6 after `Intäkter` 14,8 and costs 27,6 and 10,0): it is that kind's
-- sum, lines of no kind beside them are of its kind, and a net after it
-- (`Nettokostnad` 22,8) is the whole segment's, 14,8 - 37,6: money out. A total
-- with more than one reading that adds up decides nothing. A result
-- after a total (`Nettokostnader`, then `Budgetram`, then `Nettoresultat` -323) takes
-- the sign under which it is the signed total plus the lines of a kind between them
-- (-5 869 + 5 546). A total neither sign adds up to, and any other line, gets no sign
-- (NULL): never guessed.
with located as (
    select * from {{ changed_only(ref('int_cells_located')) }}
),

tables_signed as (
    select * from {{ changed_only(ref('int_tables_signed')) }}
    where sign_basis = 'row_kinds'
),

balanced as (
    select * from {{ changed_only(ref('int_rows_balanced')) }}
),

level_figures as (
    {{ level_figures('located') }}
),

figures as (
    select
        level_figures.*,
        case level_figures.line_role
            when 'revenue' then tables_signed.revenue_factor
            when 'cost' then tables_signed.cost_factor
        end as kind_factor
    from level_figures
    inner join tables_signed
        on level_figures.report_key = tables_signed.report_key and level_figures.table_id = tables_signed.table_id
),

segment_sums as (
    select
        report_key,
        table_id,
        col_index,
        totals_before as segment,
        count(*) as n_lines,
        count(kind_factor) as n_kinded,
        count(*) filter (where line_role = 'revenue') as n_revenue,
        count(*) filter (where line_role = 'cost') as n_cost,
        sum(kind_factor * printed_number) as kinded_net,
        coalesce(sum(printed_number) filter (where line_role = 'revenue'), 0) as revenue_sum,
        coalesce(sum(printed_number) filter (where line_role = 'cost'), 0) as cost_sum,
        any_value(kind_factor) filter (where line_role = 'revenue') as revenue_factor,
        any_value(kind_factor) filter (where line_role = 'cost') as cost_factor,
        arg_max(line_role, row_index) filter (where kind_factor is not null) as last_kind,
        coalesce(sum(printed_number) filter (where kind_factor is null), 0) as unknown_sum,
        max(printed_unit) as printed_unit
    from figures
    where not is_total
    group by report_key, table_id, col_index, totals_before
),

closed_segments as (
    -- the readings of the total closing a segment: the net of all its lines, lines of no
    -- kind beside lines of a kind taking the one sign under which it adds up
    -- (`Förbrukningsmaterial`, `Köpta tjänster` among costs), or, where the other kind's
    -- lines make a difference, the sum of the lines of the kind it follows and those of
    -- no kind
    select
        segment_sums.*,
        totals.printed_number as total_printed,
        0.5 * (segment_sums.n_lines + 1) * segment_sums.printed_unit as tolerance,
        abs(abs(segment_sums.kinded_net - segment_sums.unknown_sum) - abs(totals.printed_number))
        <= 0.5 * (segment_sums.n_lines + 1) * segment_sums.printed_unit as fits_money_out,
        abs(abs(segment_sums.kinded_net + segment_sums.unknown_sum) - abs(totals.printed_number))
        <= 0.5 * (segment_sums.n_lines + 1) * segment_sums.printed_unit as fits_money_in,
        abs(segment_sums.revenue_sum) > 0.5 * (segment_sums.n_lines + 1) * segment_sums.printed_unit
        and segment_sums.last_kind = 'cost'
        and abs(abs(segment_sums.cost_sum + segment_sums.unknown_sum) - abs(totals.printed_number))
        <= 0.5 * (segment_sums.n_lines + 1) * segment_sums.printed_unit as fits_cost_sum,
        abs(segment_sums.cost_sum) > 0.5 * (segment_sums.n_lines + 1) * segment_sums.printed_unit
        and segment_sums.last_kind = 'revenue'
        and abs(abs(segment_sums.revenue_sum + segment_sums.unknown_sum) - abs(totals.printed_number))
        <= 0.5 * (segment_sums.n_lines + 1) * segment_sums.printed_unit as fits_revenue_sum
    from segment_sums
    left join figures as totals
        on
            segment_sums.report_key = totals.report_key
            and segment_sums.table_id = totals.table_id
            and segment_sums.col_index = totals.col_index
            and segment_sums.segment = totals.totals_before
            and totals.is_total
),

readings as (
    -- how many readings of the total add up (both signs of lines of no kind count as two)
    select
        *,
        cast(fits_money_out as integer)
        + cast(fits_money_in and n_kinded != n_lines as integer)
        + cast(fits_cost_sum as integer)
        + cast(fits_revenue_sum as integer) as n_fitting
    from closed_segments
),

segments as (
    select
        *,
        case
            when n_fitting != 1 and n_kinded != 0 then null
            when fits_cost_sum then 'cost'
            when fits_revenue_sum then 'revenue'
            else 'net'
        end as closes,
        case
            when n_kinded = 0 or n_kinded = n_lines or n_fitting != 1 then null
            when fits_cost_sum then cost_factor
            when fits_revenue_sum then revenue_factor
            when fits_money_out then -1
            when fits_money_in then 1
        end as unknown_factor
    from readings
),

segment_nets as (
    -- the signed net of the whole segment, and of the lines its total closes
    select
        *,
        case
            when n_kinded = n_lines then kinded_net
            when unknown_factor is not null then kinded_net + unknown_factor * unknown_sum
        end as net,
        case closes
            when 'cost' then cost_factor * cost_sum + coalesce(unknown_factor * unknown_sum, 0)
            when 'revenue' then revenue_factor * revenue_sum + coalesce(unknown_factor * unknown_sum, 0)
            when 'net' then case
                when n_kinded = n_lines then kinded_net
                when unknown_factor is not null then kinded_net + unknown_factor * unknown_sum
            end
        end as closed_net
    from segments
),

first_totals as (
    select
        totals.*,
        segments.n_lines,
        segments.closes,
        segments.net as segment_net,
        case
            when abs(totals.printed_number - segments.closed_net) <= segments.tolerance then 1
            when abs(totals.printed_number + segments.closed_net) <= segments.tolerance then -1
        end as total_factor
    from figures as totals
    left join segment_nets as segments
        on
            totals.report_key = segments.report_key
            and totals.table_id = segments.table_id
            and totals.col_index = segments.col_index
            and totals.totals_before = segments.segment
    where totals.is_total
),

composite_sums as (
    -- a total right after other totals (intäkter, kostnader -> nettokostnad) sums those;
    -- a total of one kind stands for its whole segment, the other kind's lines with it
    select
        composite.report_key,
        composite.table_id,
        composite.row_index,
        composite.col_index,
        any_value(composite.printed_number) as printed_number,
        sum(
            case when part.closes = 'net' then part.total_factor * part.printed_number else part.segment_net end
        ) as net,
        0.5 * (count(*) + 1) * max(part.printed_unit) as tolerance
    from first_totals as composite
    inner join first_totals as part
        on
            composite.report_key = part.report_key
            and composite.table_id = part.table_id
            and composite.col_index = part.col_index
            and composite.row_index > part.row_index
            and part.n_lines is not null
    where composite.n_lines is null
    group by composite.report_key, composite.table_id, composite.row_index, composite.col_index
    having count(part.total_factor) = count(*)
),

composites as (
    select
        *,
        case
            when abs(printed_number - net) <= tolerance then 1
            when abs(printed_number + net) <= tolerance then -1
        end as total_factor
    from composite_sums
),

signed_totals as (
    select
        first_totals.report_key,
        first_totals.table_id,
        first_totals.row_index,
        first_totals.col_index,
        first_totals.totals_before,
        first_totals.printed_number,
        coalesce(first_totals.total_factor, composites.total_factor) as total_factor
    from first_totals
    left join composites
        on
            first_totals.report_key = composites.report_key and first_totals.table_id = composites.table_id
            and first_totals.row_index = composites.row_index and first_totals.col_index = composites.col_index
),

result_sums as (
    -- a line of no kind (or a total) after a total, against that total signed plus the
    -- lines of a kind between them
    select
        result.report_key,
        result.table_id,
        result.row_index,
        result.col_index,
        any_value(result.printed_number) as printed_number,
        any_value(closing.total_factor * closing.printed_number)
        + sum(line.kind_factor * line.printed_number) as expected,
        0.5 * (count(*) + 2) * max(result.printed_unit) as tolerance
    from figures as result
    inner join signed_totals as closing
        on
            result.report_key = closing.report_key
            and result.table_id = closing.table_id
            and result.col_index = closing.col_index
            and result.totals_before = closing.totals_before + 1
            and result.row_index > closing.row_index
    inner join figures as line
        on
            result.report_key = line.report_key
            and result.table_id = line.table_id
            and result.col_index = line.col_index
            and result.totals_before = line.totals_before
            and result.row_index > line.row_index
            and not line.is_total
    where (result.is_total or result.kind_factor is null) and closing.total_factor is not null
    group by result.report_key, result.table_id, result.row_index, result.col_index
    having count(line.kind_factor) = count(*)
),

results as (
    -- 0 where neither sign balances: the row is not this result, whatever other columns say
    select
        *,
        case
            when abs(printed_number - expected) <= tolerance and abs(printed_number + expected) > tolerance then 1
            when abs(printed_number + expected) <= tolerance and abs(printed_number - expected) > tolerance then -1
            when abs(printed_number - expected) > tolerance and abs(printed_number + expected) > tolerance then 0
        end as result_factor
    from result_sums
),

row_factors as (
    select
        figures.report_key,
        figures.table_id,
        figures.row_index,
        coalesce(
            figures.kind_factor,
            balanced.sign_factor,
            case when not figures.is_total then segments.unknown_factor end,
            signed_totals.total_factor,
            results.result_factor
        ) as factor,
        balanced.sign_factor is not null or results.result_factor is not null as is_balanced
    from figures
    left join segments
        on
            figures.report_key = segments.report_key and figures.table_id = segments.table_id
            and figures.col_index = segments.col_index and figures.totals_before = segments.segment
    left join balanced
        on
            figures.report_key = balanced.report_key and figures.table_id = balanced.table_id
            and figures.row_index = balanced.row_index and figures.col_index = balanced.col_index
    left join signed_totals
        on
            figures.report_key = signed_totals.report_key and figures.table_id = signed_totals.table_id
            and figures.row_index = signed_totals.row_index and figures.col_index = signed_totals.col_index
    left join results
        on
            figures.report_key = results.report_key and figures.table_id = results.table_id
            and figures.row_index = results.row_index and figures.col_index = results.col_index
),

final as (
    -- one sign per row, only when every level column of the row agrees; a balance or a
    -- result is evidence for its row, where a column it cannot decide (a grant of 0) is
    -- silent, but not one it contradicts
    select
        report_key,
        table_id,
        row_index,
        case
            when
                count(distinct factor) = 1 and min(factor) != 0
                and (count(factor) = count(*) or bool_or(is_balanced))
                then min(factor)
        end as sign_factor
    from row_factors
    group by report_key, table_id, row_index
)

select * from final
