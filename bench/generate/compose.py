"""Given a seed, return a `content.Report`: municipality, committee, period and every number."""

from __future__ import annotations

import random

from bench.generate.content import (
    COMMITTEES,
    INTERIM_MONTHS,
    PROJECT_SITES,
    REPORT_KINDS,
    Line,
    Report,
    SickLeave,
    Staff,
    committee_names,
    line_values,
    municipalities,
    pick_measures,
    sum_lines,
)

REVENUE_NAMES = ("fees", "grants_received", "sales", "rents", "other_revenue")
COST_NAMES = (
    "staff",
    "premises",
    "purchased",
    "materials",
    "capital",
    "grants_paid",
    "other_costs",
)
PRIOR_MEASURES = ("outcome_ytd_prior_year", "outcome_prior_year", "budget_prior_year")
PERIOD_MEASURES = ("budget_ytd", "deviation_ytd")
# A committee allocation (kommunbidrag) mirrors the net budget of the measure it stands beside.
GRANT_SOURCE = {"forecast": "budget", "outcome": "budget", "outcome_ytd": "budget_ytd"}


def _lines(rng: random.Random, names: list[str], kind: str, total: int, measures, month) -> list:
    """Given line names and a signed annual total, return lines that share it at random."""
    weights = [rng.uniform(0.2, 1.0) for _ in names]
    return [
        Line(kind, name, line_values(rng, total * weight / sum(weights), measures, month))
        for name, weight in zip(names, weights, strict=True)
    ]


def _grant_and_result(net: Line, measures: list[str]) -> list[Line]:
    """Given the net-cost total, return the committee allocation and the result after it."""
    grant = {}
    for measure in measures:
        if not measure.startswith("deviation"):
            grant[measure] = -net.values.get(GRANT_SOURCE.get(measure, measure), 0)
    pairs = {"deviation_forecast": ("forecast", "budget"), "deviation": ("outcome", "budget")}
    pairs["deviation_ytd"] = ("outcome_ytd", "budget_ytd")
    for measure in measures:
        if measure in pairs:
            grant[measure] = grant[pairs[measure][0]] - grant[pairs[measure][1]]
    grant_line = Line("grant", "grant", grant)
    result = {measure: grant[measure] + net.values[measure] for measure in measures}
    return [grant_line, Line("result", "result", result, is_total=True)]


def operating_lines(rng: random.Random, report: Report, activities: tuple[str, ...]) -> list[Line]:
    """Given a report's frame, return its operating table: lines, subtotals, net total."""
    measures, month = report.measures, report.month
    costs = -rng.choice((8, 25, 60, 140, 400, 900, 2400)) * 1_000_000 * rng.uniform(0.7, 1.3)
    if report.operating_style == "by_activity":
        names = rng.sample(activities, rng.randint(3, len(activities)))
        lines = _lines(rng, names, "net", costs * rng.uniform(0.7, 0.95), measures, month)
        net = sum_lines("net_total", "net_total", lines, measures)
        table = [*lines, net]
    else:
        revenue_names = rng.sample(REVENUE_NAMES, rng.randint(1, 4))
        cost_names = rng.sample(COST_NAMES, rng.randint(2, 6))
        revenue = _lines(
            rng, revenue_names, "revenue", -costs * rng.uniform(0.05, 0.3), measures, month
        )
        cost = _lines(rng, cost_names, "cost", costs, measures, month)
        net = sum_lines("net_total", "net_total", revenue + cost, measures)
        if rng.random() < 0.5:
            revenue.append(sum_lines("revenue_total", "revenue_total", revenue, measures))
            cost.append(sum_lines("cost_total", "cost_total", cost, measures))
        table = [*revenue, *cost, net]
    if rng.random() < 0.35:
        table += _grant_and_result(net, measures)
    return table


def investment_lines(rng: random.Random, report: Report, projects: tuple[str, ...]) -> list[Line]:
    """Given a report's frame, return its investment projects and their total."""
    measures = [m for m in report.measures if m not in PRIOR_MEASURES + PERIOD_MEASURES]
    count = rng.choice((3, 5, 8, 12, 20, 35, 48))
    coded = rng.random() < 0.3
    lines = []
    for number in range(count):
        name = f"{rng.choice(projects)} {rng.choice(PROJECT_SITES)}"
        if coded:
            name = f"{rng.randint(1000, 9999)} {name}"
        elif number >= len(projects):
            name = f"{name} {number}"
        base = -rng.choice((0.2, 0.5, 1, 2.5, 6, 15, 40)) * 1_000_000 * rng.uniform(0.5, 1.5)
        lines.append(Line("expenditure", name, line_values(rng, base, measures, report.month)))
    names = {line.name for line in lines}
    if len(names) < len(lines):  # a label must name one row
        lines = [
            Line(line.kind, f"{line.name} ({i + 1})", line.values) for i, line in enumerate(lines)
        ]
    return [*lines, sum_lines("investment_total", "investment_total", lines, measures)]


def staff_and_sick_leave(rng: random.Random, report: Report) -> None:
    """Given a report, fill its staffing (this year and last) and sick-leave figures."""
    employees = rng.choice((18, 45, 120, 380, 900, 2400))
    for year in (report.year, report.year - 1):
        count = max(6, int(employees * rng.uniform(0.9, 1.1)))
        women = int(count * rng.uniform(0.55, 0.9))
        units = round(count * rng.uniform(0.82, 0.97), 1)
        report.staff.append(Staff(year, count, women, count - women, units))
        women_rate, men_rate = rng.uniform(4, 11), rng.uniform(2, 7)
        share = women / count
        total = women_rate * share + men_rate * (1 - share)
        report.sick_leave.append(SickLeave(year, total, women_rate, men_rate))
    report.sick_target = rng.choice((None, None, 5.0, 6.0, 7.0))


def compose(seed: int) -> Report:
    """Given a seed, return the content of one report (the same for the same seed)."""
    rng = random.Random(seed)
    committee = rng.choice(sorted(COMMITTEES))
    activities, projects = committee_names(committee)
    kind = rng.choice(REPORT_KINDS)
    year = rng.randint(2021, 2026)
    month = rng.choice(INTERIM_MONTHS) if kind == "interim" else 12
    report = Report(
        seed=seed,
        municipality=rng.choice(municipalities()),
        committee=committee,
        kind=kind,
        year=year,
        month=month,
        operating_style=rng.choice(("by_kind", "by_kind", "by_activity")),
        measures=pick_measures(rng, kind),
    )
    report.operating = operating_lines(rng, report, activities)
    if rng.random() < 0.85:
        report.investments = investment_lines(rng, report, projects)
    if kind != "budget":
        staff_and_sick_leave(rng, report)
    return report
