"""The facts one sentence-pattern match states: counts, rates and results against budget.

A pattern's named groups say what each figure is (see `prose_patterns.csv`):
`employees`, `employees_women`, `employees_men`, `annual_work_units`;
`sick_leave_pct` with an optional `target` and a `comparison` figure, which is
the prior period's rate only when `prior_before` or `prior_after` says so; and
`deviation` with its `unit` and the word that gives its sign (`favourable`:
överskott, positiv avvikelse; `unfavourable`: underskott, negativ avvikelse;
`signed`: a bare avvikelse, which is not read: its printed sign follows the
report's own convention, so Torsås's `avvikelse om -1 miljoner` is a lower
cost, favourable). Results are favourable-positive SEK, a forecast when their
clause says so (`prognostiserar`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.numbers import parse_number
from extract.vocabulary import prose_forecast_words, prose_fragment, prose_units

COUNT_GROUPS = ("employees", "employees_women", "employees_men", "annual_work_units")
PERCENT_GROUPS = ("sick_leave_pct", "target", "comparison")
CLAUSE_START = re.compile(r".*(?:[,;:]\s|\s(?:och|men|medan|samtidigt som)\s)", re.DOTALL)


@dataclass(frozen=True)
class ProseFact:
    """One figure stated in a sentence, with the sentence it came from."""

    page: int
    # COUNT_GROUPS | sick_leave_pct(_prior_year) | deviation(_forecast)_sek | net_cost_budget_sek
    fact: str
    value: float
    target_value: float | None
    population: str | None
    as_printed: str
    sentence: str
    unit: str | None = None  # money only: kr | tkr | mnkr


@dataclass(frozen=True)
class MatchReading:
    """What one match states: its facts and the spans they were read from, or why not."""

    facts: list[ProseFact]
    spans: list[tuple[int, int]]
    problem: str | None = None  # the match states nothing clearly: no fact
    note: str | None = None  # the facts stand, a figure beside them was left unread


def match_to_reading(match: re.Match[str], page: int, sentence: str) -> MatchReading:
    """Given a pattern match in a sentence, return the facts it states or why it is unclear."""
    groups = {name: value for name, value in match.groupdict().items() if value}
    named = (groups.get(name) for name in ("population", "unit_population", "inverted_population"))
    population = next((name.strip() for name in named if name), None)
    base = {"page": page, "population": population, "sentence": sentence}
    spans = [
        match.span(name)
        for name in (*COUNT_GROUPS, *PERCENT_GROUPS, "deviation", "net_cost")
        if name in groups
    ]
    facts = [
        ProseFact(
            fact=name,
            value=prose_number(groups[name]),
            target_value=None,
            as_printed=groups[name],
            **base,
        )
        for name in COUNT_GROUPS
        if name in groups
    ]
    problem = note = None
    if "sick_leave_pct" in groups:
        facts += rate_facts(groups, base)
        note = unlabelled_comparison(groups, sentence)
    if "deviation" in groups:
        fact, problem = result_fact(match, groups, base)
        facts += [fact] if fact else []
    if "net_cost" in groups:
        facts.append(net_cost_fact(groups, base))
    return MatchReading(facts, spans, problem, note)


def net_cost_fact(groups: dict[str, str], base: dict) -> ProseFact:
    """Given a net cost match's groups, return the budgeted net cost in SEK, as money out."""
    unit = prose_units()[" ".join(groups["unit"].lower().split())]
    value = round(-abs(prose_number(groups["net_cost"])) * unit.factor, 6)
    return ProseFact(
        fact="net_cost_budget_sek",
        value=value,
        target_value=None,
        as_printed=groups["net_cost"],
        unit=unit.unit,
        **base,
    )


def rate_facts(groups: dict[str, str], base: dict) -> list[ProseFact]:
    """Given a rate match's groups, return the rate and, if the sentence says so, the prior one."""
    target = prose_number(groups["target"]) if "target" in groups else None
    facts = [
        ProseFact(
            fact="sick_leave_pct",
            value=prose_number(groups["sick_leave_pct"]),
            target_value=target,
            as_printed=groups["sick_leave_pct"],
            **base,
        )
    ]
    if "comparison" in groups and ("prior_before" in groups or "prior_after" in groups):
        facts.append(
            ProseFact(
                fact="sick_leave_pct_prior_year",
                value=prose_number(groups["comparison"]),
                target_value=None,
                as_printed=groups["comparison"],
                **base,
            )
        )
    return facts


def unlabelled_comparison(groups: dict[str, str], sentence: str) -> str | None:
    """Given a rate match's groups, return a note when a compared rate is not said to be prior."""
    if "comparison" not in groups or "prior_before" in groups or "prior_after" in groups:
        return None
    compared = groups["comparison"]
    return f"compared rate {compared} % left unread, not said to be a prior period: {sentence!r}"


def result_fact(
    match: re.Match[str], groups: dict[str, str], base: dict
) -> tuple[ProseFact | None, str | None]:
    """Given a result match, return its favourable-positive SEK fact, or why it has none."""
    printed = groups["deviation"]
    if base["population"] is None and prose_fragment("ANAPHORA").search(base["sentence"]):
        return None, f"result of what an earlier sentence names: {base['sentence']!r}"
    if says(match.string[: match.start("deviation")], "earlier"):
        return None, f"a forecast given in an earlier report: {base['sentence']!r}"
    amount = prose_number(printed)
    signed_negative = amount < 0
    if "favourable" in groups and signed_negative:
        return None, f"överskott printed negative ({printed}): {base['sentence']!r}"
    if "signed" in groups:
        return None, f"deviation {printed} has no word for its direction: {base['sentence']!r}"
    sign = -1.0 if "unfavourable" in groups or signed_negative else 1.0
    unit = prose_units()[" ".join(groups["unit"].lower().split())]
    fact = "deviation_forecast_sek" if is_forecast(match) else "deviation_sek"
    value = round(sign * abs(amount) * unit.factor, 6)  # 8,2 mnkr is 8 200 000, not ...999.99
    return ProseFact(
        fact=fact, value=value, target_value=None, as_printed=printed, unit=unit.unit, **base
    ), None


def is_forecast(match: re.Match[str]) -> bool:
    """Given a result match, return whether it is a forecast for the year.

    It is when its clause says so, or when the sentence said so before it and
    its own clause does not turn to the period so far (`... och för perioden`).
    """
    before = match.string[: match.start("deviation")]
    clause = CLAUSE_START.sub("", before)
    if says(clause, "forecast"):
        return True
    return says(before, "forecast") and not says(clause, "period")


def says(text: str, kind: str) -> bool:
    """Given text and a kind of words (`forecast`, `period`, `earlier`), return if it has one."""
    return any(word.search(text) for word in prose_forecast_words(kind))


def percentages_stated(match: re.Match[str]) -> int:
    """Given a match, return how many percentages its groups read."""
    return sum(bool(match.group(name)) for name in PERCENT_GROUPS if name in match.re.groupindex)


def prose_number(text: str) -> float:
    """Given a number the pattern matched (`1 234`, `1,9`, `-1,5`), return its value."""
    value = parse_number(text).value
    if value is None:
        raise ValueError(f"prose pattern matched {text!r}, which is not a number")
    return value
