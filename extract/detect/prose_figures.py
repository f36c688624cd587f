"""The facts one sentence-pattern match states: counts, rates and results against budget.

A pattern's named groups say what each figure is (see `prose_patterns.csv`):
`employees`, `employees_women`, `employees_men`, `annual_work_units`;
`sick_leave_pct` with an optional `target` and a `comparison` figure, which is
the prior period's rate only when `prior_before` or `prior_after` says so, or
its `comparison_year` is the year before the report's; and
`deviation` with its `unit` and the word that gives its sign (`favourable`:
överskott, positiv avvikelse; `unfavourable`: underskott, negativ avvikelse;
`signed`: a bare avvikelse, which is not read: its printed sign follows the
report's own convention, so Torsås's `avvikelse om -1 miljoner` is a lower
cost, favourable). Results are favourable-positive SEK, a forecast when their
clause says so (`prognostiserar`). A result the sentence places in another
report or period (`earlier` and `occasion` words of `prose_forecast_words.csv`:
`i delårsrapporten per mars prognostiserade nämnden ...` in an annual report) is
not this report's: it is withheld with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extract.numbers import parse_number
from extract.vocabulary import months, prose_forecast_words, prose_fragment, prose_units

COUNT_GROUPS = ("employees", "employees_women", "employees_men", "annual_work_units")
PERCENT_GROUPS = ("sick_leave_pct", "target", "comparison")
CLAUSE_START = re.compile(r".*(?:[,;:]\s|\s(?:och|men|medan|samtidigt som)\s)", re.DOTALL)
CLAUSE_END = re.compile(r"[,;:]\s|\s(?:och|men|medan|samtidigt som|vilket)\s")


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


def match_to_reading(
    match: re.Match[str], page: int, sentence: str, period_end: date | None = None
) -> MatchReading:
    """Given a pattern match in a sentence and the report's period end, return the facts it
    states or why it is unclear."""
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
        prior = says_prior(groups, period_end)
        facts += rate_facts(groups, base, prior)
        note = None if prior else unlabelled_comparison(groups, sentence)
    if "deviation" in groups:
        fact, problem = result_fact(match, groups, base, period_end)
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


def says_prior(groups: dict[str, str], period_end: date | None) -> bool:
    """Given a rate match's groups, return whether its compared rate is the prior period's:
    the sentence says so (`föregående år`) or dates it the year before the report's."""
    if "prior_before" in groups or "prior_after" in groups:
        return True
    year = groups.get("comparison_year")
    return year is not None and period_end is not None and int(year) == period_end.year - 1


def rate_facts(groups: dict[str, str], base: dict, prior: bool) -> list[ProseFact]:
    """Given a rate match's groups, return the rate and, if it is the prior one, the compared."""
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
    if "comparison" in groups and prior:
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
    if "comparison" not in groups:
        return None
    compared = groups["comparison"]
    return f"compared rate {compared} % left unread, not said to be a prior period: {sentence!r}"


def result_fact(
    match: re.Match[str], groups: dict[str, str], base: dict, period_end: date | None
) -> tuple[ProseFact | None, str | None]:
    """Given a result match, return its favourable-positive SEK fact, or why it has none."""
    printed = groups["deviation"]
    if base["population"] is None and prose_fragment("ANAPHORA").search(base["sentence"]):
        return None, f"result of what an earlier sentence names: {base['sentence']!r}"
    if elsewhere := placed_elsewhere(match, period_end):
        return None, f"placed in another report or period ({elsewhere!r}): {base['sentence']!r}"
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


def placed_elsewhere(match: re.Match[str], period_end: date | None) -> str | None:
    """Given a result match and the report's period end, return the words that place its
    figure in another report or period (`earlier` words before it or in its clause; an
    `occasion` in its clause naming another month, tertial or year), or None."""
    before = match.string[: match.start("deviation")]
    after = CLAUSE_END.split(match.string[match.end("deviation") :], maxsplit=1)[0]
    for text in (before, after):
        for word in prose_forecast_words("earlier"):
            if found := word.search(text):
                return found.group(0)
    for text in (CLAUSE_START.sub("", before), after):
        for occasion in prose_forecast_words("occasion"):
            for found in occasion.finditer(text):
                if not within_period(found, period_end):
                    return found.group(0)
    return None


def within_period(occasion: re.Match[str], period_end: date | None) -> bool:
    """Given an occasion a sentence names (a month, a tertial or a year), return whether it
    is the report's own period end; an unknown period end holds none, and an occasion
    naming no time (`förra året`) is another."""
    named = {name: value for name, value in occasion.groupdict().items() if value}
    if period_end is None or not named:  # `förra året` names no time of the report's
        return False
    year = named.get("year") or named.get("year_first")
    if year is not None and int(year) != period_end.year:
        return False
    if "month" in named and months()[named["month"].lower()] != period_end.month:
        return False
    return "tertial" not in named or 4 * int(named["tertial"]) == period_end.month


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
