"""Given a report's staffing and sick-leave content, return them printed: as tables or prose."""

from __future__ import annotations

import random

from bench.generate.content import Report
from bench.generate.document import Cell, GoldRow, Paragraph, Row, Table, number_text
from bench.generate.wordings import (
    MONTH_END,
    MONTHS,
    SHORT_MONTHS,
    SICK_CAPTIONS,
    SICK_ROWS,
    STAFF_CAPTIONS,
    STAFF_ROWS,
    Style,
    options,
    pick,
)

STAFF_DATES = {
    "interim": ("{y}-{mm}-{dd}", "{dd} {month} {y}", "Utfall {mon} {y}"),
    "annual": ("{y}-12-31", "{y}", "31 dec {y}"),
}
SICK_PERIODS = {"interim": ("jan–{mon} {y}", "{y}-{mm}-{dd}", "Period {y}"), "annual": ("{y}",)}
STAFF_SENTENCES = (
    "Vid periodens slut hade förvaltningen {n} tillsvidareanställda, "
    "varav {w} kvinnor och {m} män.",
    "Antalet anställda uppgick till {n}, varav {w} kvinnor och {m} män.",
    "Förvaltningen har totalt {n} medarbetare, {w} kvinnor och {m} män.",
)
UNITS_SENTENCES = ("Antalet årsarbetare var {u}.", "Det motsvarar {u} årsarbetare.")
SICK_SENTENCES = (
    "Sjukfrånvaron uppgick till {x} procent jämfört med {y} procent samma period föregående år.",
    "Den totala sjukfrånvaron var {x} % ({y} % föregående år).",
    "Sjukfrånvaron har {moved} från {y} procent till {x} procent.",
)
# The words for a rise and a fall: (noun, participle), so a sentence says which way it went.
TRENDS = (("ökning", "ökat"), ("minskning", "minskat"))


def _date_header(template: str, year: int, month: int) -> str:
    """Given a date template and a year, return the header for the report's period end."""
    return template.format(
        y=year,
        mm=f"{month:02d}",
        dd=MONTH_END[month - 1],
        month=MONTHS[month - 1],
        mon=SHORT_MONTHS[month - 1],
    )


def _measures(report: Report) -> tuple[str, str]:
    """Given a report, return the staffing measures of this year's and last year's figures."""
    if report.kind == "annual":
        return "outcome", "outcome_prior_year"
    return "outcome_ytd", "outcome_ytd_prior_year"


def _count(value: float, decimals: int = 0) -> str:
    """Given a count, return it printed with a space between thousands."""
    return number_text(value, decimals, " ", "-", False)


def staff_table(rng: random.Random, style: Style, report: Report) -> Table:
    """Given a report, return its staffing table: this year and last, one row per metric."""
    template = pick(rng, style, "staff_date", STAFF_DATES[report.kind])
    measures = _measures(report)
    rows = []
    for metric, house in STAFF_ROWS.items():
        label = pick(rng, style, f"s_{metric}", options(style, house, "staff_row", metric))
        cells = [Cell(label)]
        for staff, measure in zip(report.staff, measures, strict=True):
            value = {
                "employees": staff.employees,
                "employees_women": staff.women,
                "employees_men": staff.men,
                "annual_work_units": staff.work_units,
            }[metric]
            text = _count(value, 1 if metric == "annual_work_units" else 0)
            gold = GoldRow("fct_staffing", metric, measure, staff.year, value, "count", text, label)
            cells.append(Cell(text, gold))
        rows.append(Row(cells))
    header = [""] + [_date_header(template, staff.year, report.month) for staff in report.staff]
    captions = options(style, STAFF_CAPTIONS, "caption", "staff", report.kind)
    return Table(pick(rng, style, "staff_caption", captions), header, rows)


def _pct(style: Style, value: float) -> str:
    """Given a percentage, return it as the style prints percentages."""
    text = number_text(value, style.pct_decimals, " ", "-", False)
    return f"{text} %" if style.pct_sign else text


def sick_table(rng: random.Random, style: Style, report: Report) -> Table:
    """Given a report, return its sick-leave table: populations by period, maybe a target."""
    template = pick(rng, style, "sick_period", SICK_PERIODS[report.kind])
    rows = []
    for population, house in SICK_ROWS.items():
        label = pick(rng, style, f"k_{population}", options(style, house, "sick_row", population))
        cells = [Cell(label)]
        for sick in report.sick_leave:
            value = round(getattr(sick, population), style.pct_decimals)
            text = _pct(style, value)
            gold = GoldRow(
                "fct_sick_leave", label, "sick_leave_pct", sick.year, value, "pct", text, label
            )
            cells.append(Cell(text, gold))
        if report.sick_target is not None:
            text = _pct(style, report.sick_target)
            gold = GoldRow(
                "fct_sick_leave",
                label,
                "target_pct",
                report.year,
                report.sick_target,
                "pct",
                text,
                label,
            )
            cells.append(Cell(text, gold))
        rows.append(Row(cells, total=population == "total"))
    header = [pick(rng, style, "sick_label", ("", "Sjukfrånvaro %", "Procent"))]
    header += [_date_header(template, sick.year, report.month) for sick in report.sick_leave]
    if report.sick_target is not None:
        header.append(pick(rng, style, "sick_target", ("Mål", "Mål {y}")).format(y=report.year))
    captions = options(style, SICK_CAPTIONS, "caption", "sick", report.kind)
    return Table(pick(rng, style, "sick_caption", captions), header, rows)


def staff_prose(rng: random.Random, style: Style, report: Report) -> Paragraph:
    """Given a report, return a sentence stating this year's headcount and work units."""
    staff, measure = report.staff[0], _measures(report)[0]
    n, w, m, u = (
        _count(staff.employees),
        _count(staff.women),
        _count(staff.men),
        _count(staff.work_units, 1),
    )
    sentences = options(style, STAFF_SENTENCES, "prose_staff", "employees", report.kind)
    units = options(style, UNITS_SENTENCES, "prose_units", "annual_work_units", report.kind)
    text = pick(rng, style, "staff_sentence", sentences).format(n=n, w=w, m=m)
    text += " " + pick(rng, style, "units_sentence", units).format(u=u)
    gold = tuple(
        GoldRow("fct_staffing", metric, measure, staff.year, value, "count", printed)
        for metric, value, printed in (
            ("employees", staff.employees, n),
            ("employees_women", staff.women, w),
            ("employees_men", staff.men, m),
            ("annual_work_units", staff.work_units, u),
        )
    )
    return Paragraph(text, gold)


def sick_prose(rng: random.Random, style: Style, report: Report) -> Paragraph:
    """Given a report, return a sentence stating total sick leave now and a year earlier."""
    now, before = (round(sick.total, 1) for sick in report.sick_leave)
    x, y = (number_text(value, 1, " ", "-", False) for value in (now, before))
    sentences = options(style, SICK_SENTENCES, "prose_sick", "total", report.kind)
    change = number_text(abs(now - before), 1, " ", "-", False)
    trend, moved = TRENDS[now < before]
    template = pick(rng, style, "sick_sentence", sentences)
    text = template.format(x=x, y=y, d=change, trend=trend, moved=moved)
    gold = (
        GoldRow("fct_sick_leave", "", "sick_leave_pct", report.sick_leave[0].year, now, "pct", x),
        GoldRow(
            "fct_sick_leave", "", "sick_leave_pct", report.sick_leave[1].year, before, "pct", y
        ),
    )
    return Paragraph(text, gold)
