"""Given a report's content and style, return its money tables as printed, with their gold."""

from __future__ import annotations

import random

from bench.generate.content import Line, Report
from bench.generate.document import Cell, GoldRow, Row, Table, number_text
from bench.generate.wordings import (
    ACTIVITY_TOTALS,
    BUDGET_REPORT_HEADERS,
    HEADERS,
    INVESTMENT_CAPTIONS,
    LINES,
    OPERATING_CAPTIONS,
    PERIOD_GROUPS,
    SUBHEADERS,
    YEAR_GROUPS,
    Style,
    fill,
    options,
    pick,
)

UNIT_FACTOR = {"tkr": 1_000, "mnkr": 1_000_000}
DEVIATIONS = ("deviation_forecast", "deviation_ytd", "deviation")
PERIOD_COLUMNS = ("outcome_ytd", "budget_ytd", "deviation_ytd")
# Printed sign of each line kind under each convention (warehouse: money in +, money out -).
SIGNS = {
    "warehouse": {},
    "costs_positive": {"cost": -1, "cost_total": -1, "net": -1, "net_total": -1},
    "revenue_negative": {"*": -1},
}
DEVIATION_NOTES = {
    "favourable": (
        "Positiv avvikelse innebär överskott mot budget.",
        "Avvikelse: positivt värde = överskott, negativt värde = underskott.",
    ),
    "printed_minus_budget": (
        "Avvikelse = {b} − budget.",
        "Avvikelsen beräknas som {b} minus budget.",
    ),
    "budget_minus_printed": (
        "Avvikelse = budget − {b}.",
        "Avvikelsen beräknas som budget minus {b}.",
    ),
}


def gold_measure(measure: str, year: int) -> tuple[str, int]:
    """Given an internal measure and the report year, return the contract measure and its year."""
    return {
        "budget_prior_year": ("budget", year - 1),
        "plan_1": ("plan", year + 1),
        "plan_2": ("plan", year + 2),
        "outcome_prior_year": ("outcome_prior_year", year - 1),
        "outcome_ytd_prior_year": ("outcome_ytd_prior_year", year - 1),
    }.get(measure, (measure, year))


def sign_of(style: Style, kind: str) -> int:
    """Given a style and a line kind, return the sign the report prints that kind with."""
    signs = SIGNS[style.sign]
    return signs.get(kind, signs.get("*", 1))


def headers(
    rng: random.Random, style: Style, report: Report, measures: list[str], orientation: str
) -> list[str]:
    """Given the measures of a table and how its deviations print, return their column headers."""
    texts = []
    for measure in measures:
        if report.kind == "budget" and measure == "budget":
            # A budget document's own year must be printed: real heads without it stay out.
            choices = BUDGET_REPORT_HEADERS
        else:
            choices = options(style, HEADERS[measure], "column_head", measure, None, orientation)
        template = pick(rng, style, f"h_{measure}", choices)
        if style.two_level and measure in SUBHEADERS:
            subheads = options(style, (SUBHEADERS[measure],), "subhead", measure, None, orientation)
            # One index for all: subheads that refer to each other (Å-P) come as a set.
            template = pick(rng, style, "subheads", subheads)
        text = fill(template, report.year, report.month)
        texts.append(f"{text} ({style.unit_word})" if style.unit_place == "headers" else text)
    return texts


def groups(rng: random.Random, style: Style, report: Report, measures: list[str]) -> list:
    """Given the measures of a two-level table, return the group header as (text, span) pairs."""
    period = sum(measure in PERIOD_COLUMNS for measure in measures)
    year_group = pick(rng, style, "year_group", options(style, YEAR_GROUPS, "group_head", "year"))
    period_options = options(style, PERIOD_GROUPS, "group_head", "period")
    period_group = pick(rng, style, "period_group", period_options)
    return [
        ("", 1),
        (fill(period_group, report.year, report.month), period),
        (fill(year_group, report.year, report.month), len(measures) - period),
    ]


def money_cell(
    style: Style, relation: str, label: str, measure: str, value: int, sign: int, year: int
) -> Cell:
    """Given one value in SEK and the sign it is printed with, return the printed cell and gold."""
    text = number_text(
        value * sign / UNIT_FACTOR[style.unit],
        style.decimals,
        style.thousands,
        style.minus,
        style.zero_dash,
    )
    name, fiscal_year = gold_measure(measure, year)
    return Cell(text, GoldRow(relation, label, name, fiscal_year, value, style.unit, text, label))


def caption(rng: random.Random, style: Style, report: Report, relation: str) -> str:
    """Given a money table's relation, return its caption (with the unit if the style says so)."""
    is_operating = relation == "fct_operating_budget"
    house = OPERATING_CAPTIONS if is_operating else INVESTMENT_CAPTIONS
    key = "operating" if is_operating else "investment"
    choices = options(style, house, "caption", key, report.kind)
    text = fill(pick(rng, style, relation, choices), report.year, report.month)
    if style.unit_place != "caption":
        return text
    house_patterns = (", {u}", " ({u})", " – belopp i {u}", ", {u}")
    pattern = pick(
        rng, style, "unit_pattern", options(style, house_patterns, "unit_label", "caption")
    )
    return text + pattern.format(u=style.unit_word)


def label_header(rng: random.Random, style: Style, default: str, committee: str) -> str:
    """Given the default label-column header, return it, or the unit if the style puts it there."""
    if style.unit_place == "label_header":
        patterns = options(style, ("{U}", "Belopp i {u}", "{u}"), "unit_label", "label_header")
        pattern = pick(rng, style, "label_unit", patterns)
        capital = style.unit_word[0].upper() + style.unit_word[1:]
        return pattern.format(u=style.unit_word, U=capital, c=committee)
    return default


def table_note(rng: random.Random, style: Style, base: str, orientation: str) -> str:
    """Given the deviation base word and orientation (empty: no deviations), return the note."""
    parts = []
    if style.unit_place == "note":
        parts.append(pick(rng, style, "unit_note", ("Belopp i {u}.", "Alla belopp anges i {u}.")))
    if style.deviation_note and orientation:
        notes = options(style, DEVIATION_NOTES[orientation], "sign_note", orientation)
        parts.append(pick(rng, style, "dev_note", notes).format(b=base))
    return " ".join(parts).format(u=style.unit_word)


def line_label(rng: random.Random, style: Style, line: Line, by_activity: bool) -> str:
    """Given a line, return its printed label."""
    if line.kind == "net_total" and by_activity:
        totals = options(style, ACTIVITY_TOTALS, "line_item", "activity_total")
        return pick(rng, style, "activity_total", totals)
    if line.name in LINES:
        return pick(
            rng, style, f"l_{line.name}", options(style, LINES[line.name], "line_item", line.name)
        )
    return line.name


def printed_signs(style: Style, kind: str, relation: str) -> tuple[int, int]:
    """Given a line kind, return the signs its amounts and its deviations are printed with.

    A deviation printed as (printed amount) minus budget carries the amount's
    sign; budget minus (printed amount) the opposite; favourable-positive none.
    """
    if relation == "fct_investment_budget":
        sign = -1 if style.investment_positive else 1
        return sign, -sign if style.investment_budget_minus else sign
    sign = sign_of(style, kind)
    return sign, {"favourable": 1, "printed_minus_budget": sign}.get(style.deviation, -sign)


def orientation(style: Style, is_operating: bool) -> str:
    """Given a style, return how the deviations of an operating or investment table are printed."""
    if is_operating:
        return style.deviation
    return "budget_minus_printed" if style.investment_budget_minus else "printed_minus_budget"


def money_table(
    rng: random.Random, style: Style, report: Report, lines: list[Line], relation: str
) -> Table:
    """Given money lines of one table, return the printed table with every cell's gold."""
    measures = list(lines[0].values)
    rows = []
    for line in lines:
        label = line_label(rng, style, line, report.operating_style == "by_activity")
        sign, dev_sign = printed_signs(style, line.kind, relation)
        cells = [Cell(label)]
        for measure in measures:
            use = dev_sign if measure in DEVIATIONS else sign
            cells.append(
                money_cell(style, relation, label, measure, line.values[measure], use, report.year)
            )
        rows.append(Row(cells, total=line.is_total))
    is_operating = relation == "fct_operating_budget"
    default = rng.choice(("", "Verksamhet", "Kostnadsslag")) if is_operating else "Projekt"
    two_level = style.two_level and is_operating
    printed_orientation = orientation(style, is_operating)
    return Table(
        caption=caption(rng, style, report, relation),
        header=[
            label_header(rng, style, default, report.committee),
            *headers(rng, style, report, measures, printed_orientation),
        ],
        rows=rows,
        groups=groups(rng, style, report, measures) if two_level else None,
        note=table_note(
            rng,
            style,
            "utfall" if report.kind == "annual" else "prognos",
            printed_orientation if set(measures) & set(DEVIATIONS) else "",
        ),
    )
