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


def headers(rng: random.Random, style: Style, report: Report, measures: list[str]) -> list[str]:
    """Given the measures of a table, return their column headers."""
    texts = []
    for measure in measures:
        options = BUDGET_REPORT_HEADERS if report.kind == "budget" and measure == "budget" else None
        template = pick(rng, style, f"h_{measure}", options or HEADERS[measure])
        if style.two_level and measure in SUBHEADERS:
            template = SUBHEADERS[measure]
        text = fill(template, report.year, report.month)
        texts.append(f"{text} ({style.unit_word})" if style.unit_place == "headers" else text)
    return texts


def groups(rng: random.Random, style: Style, report: Report, measures: list[str]) -> list:
    """Given the measures of a two-level table, return the group header as (text, span) pairs."""
    period = sum(measure in PERIOD_COLUMNS for measure in measures)
    year_group = pick(rng, style, "year_group", YEAR_GROUPS)
    period_group = pick(rng, style, "period_group", PERIOD_GROUPS)
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


def caption(rng: random.Random, style: Style, options: tuple[str, ...], key: str) -> str:
    """Given caption options, return the caption, with the unit when the style puts it there."""
    text = pick(rng, style, key, options)
    if style.unit_place != "caption":
        return text
    pattern = pick(rng, style, "unit_pattern", (", {u}", " ({u})", " – belopp i {u}", ", {u}"))
    return text + pattern.format(u=style.unit_word)


def label_header(rng: random.Random, style: Style, default: str) -> str:
    """Given the default label-column header, return it, or the unit if the style puts it there."""
    if style.unit_place == "label_header":
        pattern = pick(rng, style, "label_unit", ("{U}", "Belopp i {u}", "{u}"))
        return pattern.format(u=style.unit_word, U=style.unit_word[0].upper() + style.unit_word[1:])
    return default


def table_note(rng: random.Random, style: Style, base: str, orientation: str) -> str:
    """Given the deviation base word and orientation, return the table's note (maybe empty)."""
    parts = []
    if style.unit_place == "note":
        parts.append(pick(rng, style, "unit_note", ("Belopp i {u}.", "Alla belopp anges i {u}.")))
    if style.deviation_note:
        parts.append(pick(rng, style, "dev_note", DEVIATION_NOTES[orientation]).format(b=base))
    return " ".join(parts).format(u=style.unit_word)


def line_label(rng: random.Random, style: Style, line: Line, by_activity: bool) -> str:
    """Given a line, return its printed label."""
    if line.kind == "net_total" and by_activity:
        return pick(rng, style, "activity_total", ACTIVITY_TOTALS)
    if line.name in LINES:
        return pick(rng, style, f"l_{line.name}", LINES[line.name])
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
    options = OPERATING_CAPTIONS if is_operating else INVESTMENT_CAPTIONS
    default = rng.choice(("", "Verksamhet", "Kostnadsslag")) if is_operating else "Projekt"
    two_level = style.two_level and is_operating
    return Table(
        caption=caption(rng, style, options, relation),
        header=[label_header(rng, style, default), *headers(rng, style, report, measures)],
        rows=rows,
        groups=groups(rng, style, report, measures) if two_level else None,
        note=table_note(
            rng,
            style,
            "utfall" if report.kind == "annual" else "prognos",
            orientation(style, is_operating),
        ),
    )
