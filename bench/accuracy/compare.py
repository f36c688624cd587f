"""Score gold facts against warehouse facts: found, misplaced, wrong (number differs), missing.

Pure functions over plain records, so the scoring is tested without a warehouse
(tests/bench/test_accuracy.py). A fact's key is its document, relation,
normalised label, measure and fiscal year; an empty gold label or year means
the document does not print one next to the figure, so it is not compared.

A figure is misplaced when its size is in the warehouse but with the other
sign under its own key, or under another measure or year of its label in a
row that holds no gold value of its own: the number was read, its meaning was not.
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
    row_label: str = ""  # the label of its table row; empty for a figure in running text


@dataclass(frozen=True)
class WarehouseFact:
    """One fact row of the warehouse, with every label it may be known by."""

    document: str
    relation: str
    labels: tuple[str, ...]
    measure: str
    fiscal_year: int | None
    value: float | None
    from_table: bool = True  # False for a fact read from prose, which has no row


@dataclass(frozen=True)
class Verdict:
    """The outcome for one gold fact: found, wrong or missing, and the values seen."""

    fact: GoldFact
    status: str  # found | misplaced | wrong | missing
    seen: tuple[float | None, ...] = ()
    where: tuple[str, ...] = ()  # for a misplaced figure: the measure and year it sits under


@dataclass
class Score:
    """Counts of one document (or rendering): found, misplaced, wrong, missing."""

    found: int = 0
    misplaced: int = 0
    wrong: int = 0
    missing: int = 0
    verdicts: list[Verdict] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Given the counts, return the number of gold facts scored."""
        return self.found + self.misplaced + self.wrong + self.missing

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


def same_size(fact: GoldFact, value: float | None) -> bool:
    """Given a gold fact and a stored value, return whether they agree in size (either sign)."""
    return value is not None and abs(abs(value) - abs(fact.value)) <= tolerance(fact)


def judge(
    fact: GoldFact, rows: Iterable[WarehouseFact], strays: Iterable[WarehouseFact] = ()
) -> Verdict:
    """Given a gold fact, rows of its key and its document's stray rows, return its verdict."""
    seen = tuple(row.value for row in _candidates(fact, rows))
    numbers = [value for value in seen if value is not None]
    if any(abs(value - fact.value) <= tolerance(fact) for value in numbers):
        return Verdict(fact, "found", seen)
    if fact.value and any(same_size(fact, value) for value in numbers):
        return Verdict(fact, "misplaced", seen, ("its own key, other sign",))
    if numbers:
        return Verdict(fact, "wrong", seen)
    label = normalise_label(fact.line_item)
    elsewhere = [
        row
        for row in strays
        if fact.value
        and same_size(fact, row.value)
        and (not label or label in {normalise_label(text) for text in row.labels})
    ]
    if not elsewhere:
        return Verdict(fact, "missing", seen)
    where = tuple(f"{row.measure} {row.fiscal_year}" for row in elsewhere)
    return Verdict(fact, "misplaced", tuple(row.value for row in elsewhere), where)


def holds_gold(row: WarehouseFact, facts: Iterable[GoldFact]) -> bool:
    """Given a warehouse row and the gold facts of its key, return whether it holds one's value."""
    return any(
        row.value is not None
        and abs(row.value - fact.value) <= tolerance(fact)
        and _candidates(fact, [row])
        for fact in facts
    )


def strays_by_document(
    gold: list[GoldFact], rows: list[WarehouseFact]
) -> dict[tuple[str, str], list[WarehouseFact]]:
    """Given gold facts and rows, return per (document, relation) the rows holding no gold value."""
    by_key: dict[tuple[str, str, str], list[GoldFact]] = defaultdict(list)
    for fact in gold:
        by_key[(fact.document, fact.relation, fact.measure)].append(fact)
    strays: dict[tuple[str, str], list[WarehouseFact]] = defaultdict(list)
    for row in rows:
        if not holds_gold(row, by_key.get((row.document, row.relation, row.measure), [])):
            strays[(row.document, row.relation)].append(row)
    return strays


def score(gold: Iterable[GoldFact], rows: Iterable[WarehouseFact]) -> dict[str, Score]:
    """Given gold facts and warehouse rows, return the score of each gold document."""
    gold, rows = list(gold), list(rows)
    index: dict[tuple[str, str, str], list[WarehouseFact]] = defaultdict(list)
    for row in rows:
        index[(row.document, row.relation, row.measure)].append(row)
    strays = strays_by_document(gold, rows)
    scores: dict[str, Score] = {}
    for fact in gold:
        rows_alike = index.get((fact.document, fact.relation, fact.measure), [])
        verdict = judge(fact, rows_alike, strays.get((fact.document, fact.relation), []))
        scores.setdefault(fact.document, Score()).add(verdict)
    return scores


def total(scores: Iterable[Score]) -> Score:
    """Given document scores, return their sum."""
    summed = Score()
    for one in scores:
        for verdict in one.verdicts:
            summed.add(verdict)
    return summed


def unmatched(gold: Iterable[GoldFact], rows: Iterable[WarehouseFact]) -> list[WarehouseFact]:
    """Given gold facts and warehouse rows, return the rows whose key names no gold fact.

    A NULL value (a rate printed without a target) claims nothing, so it is not listed.
    """
    index: dict[tuple[str, str, str], list[GoldFact]] = defaultdict(list)
    for fact in gold:
        index[(fact.document, fact.relation, fact.measure)].append(fact)
    return [
        row
        for row in rows
        if row.value is not None
        and not any(
            _candidates(fact, [row]) for fact in index[(row.document, row.relation, row.measure)]
        )
    ]
