"""Score gold facts against warehouse facts: found, wrong (number differs), missing.

Pure functions over plain records, so the scoring is tested without a warehouse
(tests/bench/test_accuracy.py). A fact's key is its document, relation,
normalised label, measure and fiscal year; an empty gold label or year means
the document does not print one next to the figure, so it is not compared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

# SEK (or plain units) per printed unit; a gold fact's tolerance is half its last printed digit.
UNIT_FACTORS = {"kr": 1.0, "tkr": 1_000.0, "mnkr": 1_000_000.0, "pct": 1.0, "count": 1.0}
# Floating-point slack on top of the printed precision, so 0.5 of a unit is still "found".
FLOAT_SLACK = 1e-6

_TAGS = re.compile(r"<[^>]+>")
# Anything that is not a letter or digit: spaces, hyphens, soft hyphens, commas, slashes.
_NOT_ALNUM = re.compile(r"[\W_]+")
_PRINTED_NUMBER = re.compile(r"\d[\d \u00a0\u202f]*(?:,(\d+))?")


@dataclass(frozen=True)
class GoldFact:
    """One hand-read number of a document, with the value the warehouse must hold."""

    document: str
    relation: str
    line_item: str
    measure: str
    fiscal_year: int | None
    value: float
    unit: str
    as_printed: str


@dataclass(frozen=True)
class WarehouseFact:
    """One fact row of the warehouse, with every label it may be known by."""

    document: str
    relation: str
    labels: tuple[str, ...]
    measure: str
    fiscal_year: int | None
    value: float | None


@dataclass(frozen=True)
class Verdict:
    """The outcome for one gold fact: found, wrong or missing, and the values seen."""

    fact: GoldFact
    status: str  # found | wrong | missing
    seen: tuple[float | None, ...] = ()


@dataclass
class Score:
    """Counts of one document (or rendering): found, wrong, missing."""

    found: int = 0
    wrong: int = 0
    missing: int = 0
    verdicts: list[Verdict] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Given the counts, return the number of gold facts scored."""
        return self.found + self.wrong + self.missing

    @property
    def found_pct(self) -> float:
        """Given the counts, return found as a percent of all (100 when there is nothing)."""
        return 100.0 * self.found / self.total if self.total else 100.0

    def add(self, verdict: Verdict) -> None:
        """Given one verdict, count it."""
        setattr(self, verdict.status, getattr(self, verdict.status) + 1)
        self.verdicts.append(verdict)


def normalise_label(text: str | None) -> str:
    """Given a printed label, return it casefolded with tags, spaces and punctuation removed."""
    return _NOT_ALNUM.sub("", _TAGS.sub("", text or "")).casefold()


def tolerance(fact: GoldFact) -> float:
    """Given a gold fact, return half a unit of its last printed digit, in warehouse units."""
    numbers = _PRINTED_NUMBER.findall(fact.as_printed)
    decimals = len(numbers[-1]) if numbers else 0
    return 0.5 * 10.0**-decimals * UNIT_FACTORS[fact.unit] + FLOAT_SLACK


def _candidates(fact: GoldFact, rows: Iterable[WarehouseFact]) -> list[WarehouseFact]:
    """Given a gold fact and rows of its relation and measure, return those keyed alike."""
    label = normalise_label(fact.line_item)
    return [
        row
        for row in rows
        if (not label or label in {normalise_label(text) for text in row.labels})
        and (fact.fiscal_year is None or row.fiscal_year == fact.fiscal_year)
    ]


def judge(fact: GoldFact, rows: Iterable[WarehouseFact]) -> Verdict:
    """Given a gold fact and rows of its document, relation and measure, return its verdict."""
    seen = tuple(row.value for row in _candidates(fact, rows))
    numbers = [value for value in seen if value is not None]
    if not numbers:
        return Verdict(fact, "missing", seen)
    if any(abs(value - fact.value) <= tolerance(fact) for value in numbers):
        return Verdict(fact, "found", seen)
    return Verdict(fact, "wrong", seen)


def score(gold: Iterable[GoldFact], rows: Iterable[WarehouseFact]) -> dict[str, Score]:
    """Given gold facts and warehouse rows, return the score of each gold document."""
    index: dict[tuple[str, str, str], list[WarehouseFact]] = defaultdict(list)
    for row in rows:
        index[(row.document, row.relation, row.measure)].append(row)
    scores: dict[str, Score] = {}
    for fact in gold:
        rows_alike = index.get((fact.document, fact.relation, fact.measure), [])
        scores.setdefault(fact.document, Score()).add(judge(fact, rows_alike))
    return scores


def total(scores: Iterable[Score]) -> Score:
    """Given document scores, return their sum."""
    summed = Score()
    for one in scores:
        for verdict in one.verdicts:
            summed.add(verdict)
    return summed


def unmatched(gold: Iterable[GoldFact], rows: Iterable[WarehouseFact]) -> list[WarehouseFact]:
    """Given gold facts and warehouse rows, return the rows whose key names no gold fact."""
    index: dict[tuple[str, str, str], list[GoldFact]] = defaultdict(list)
    for fact in gold:
        index[(fact.document, fact.relation, fact.measure)].append(fact)
    return [
        row
        for row in rows
        if not any(
            _candidates(fact, [row]) for fact in index[(row.document, row.relation, row.measure)]
        )
    ]
