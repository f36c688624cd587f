"""Swedish vocabulary for metadata detection and prose facts, read from CSV.

A new synonym is a row in one of the CSV files beside this module, not a code
change. The municipality list `kommuner.csv` is a copy of the dbt seed, shipped
with the package so an installed `extract` reads no project folder; a test keeps
the two equal.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

VOCABULARY_DIR = Path(__file__).resolve().parent
FRAGMENT_TOKEN = re.compile(r"\{([A-Z_]+)\}")


@dataclass(frozen=True)
class Municipality:
    """One row of the SCB municipality list."""

    code: str
    name: str


@dataclass(frozen=True)
class ReportKind:
    """A title word that names the kind of report and the period it covers."""

    pattern: re.Pattern[str]
    report_kind: str
    period_kind: str
    part_months: int | None  # a numbered part (`Tertialrapport 2`) ends in month N times this


@dataclass(frozen=True)
class ProsePattern:
    """A sentence pattern whose named groups are facts, `population` and `target`."""

    name: str
    regex: re.Pattern[str]


@cache
def read_rows(file_name: str) -> tuple[dict[str, str], ...]:
    """Given a CSV file name beside this module, return its rows as dicts."""
    with (VOCABULARY_DIR / file_name).open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def column(file_name: str, name: str) -> tuple[str, ...]:
    """Given a CSV file name and a column name, return that column's values."""
    return tuple(row[name] for row in read_rows(file_name))


@cache
def municipalities() -> tuple[Municipality, ...]:
    """Given nothing, return the 290 municipalities of the SCB list."""
    return tuple(
        Municipality(row["municipality_code"], row["municipality_name"])
        for row in read_rows("kommuner.csv")
    )


@cache
def months() -> dict[str, int]:
    """Given nothing, return Swedish month names (lowercase) mapped to 1..12."""
    return {row["word"]: int(row["month"]) for row in read_rows("months.csv")}


@cache
def report_kinds() -> tuple[ReportKind, ...]:
    """Given nothing, return the report kind words in priority order."""
    return tuple(
        ReportKind(
            re.compile(rf"\b(?:{row['pattern']})\b", re.IGNORECASE),
            row["report_kind"],
            row["period_kind"],
            int(row["part_months"]) if row["part_months"] else None,
        )
        for row in read_rows("report_kinds.csv")
    )


@cache
def committee_aliases() -> dict[str, str]:
    """Given nothing, return lowercase office names mapped to their committee."""
    return {row["alias"]: row["committee_name"] for row in read_rows("committee_aliases.csv")}


@cache
def municipality_aliases() -> dict[str, str]:
    """Given nothing, return other names of a municipality mapped to its SCB code."""
    rows = read_rows("municipality_aliases.csv")
    return {row["alias"]: row["municipality_code"] for row in rows}


def expand_fragments(regex: str, fragments: dict[str, str]) -> str:
    """Given a regex with `{NAME}` tokens, return it with the fragments substituted."""
    while FRAGMENT_TOKEN.search(regex):
        regex = FRAGMENT_TOKEN.sub(lambda token: fragments[token.group(1)], regex)
    return regex


@cache
def prose_topics() -> dict[str, re.Pattern[str]]:
    """Given nothing, return the words that show a sentence is about a fact."""
    return {row["fact"]: re.compile(row["regex"]) for row in read_rows("prose_topics.csv")}


@dataclass(frozen=True)
class MoneyUnit:
    """A unit word printed after an amount in a sentence, and its factor to SEK."""

    unit: str  # kr | tkr | mnkr, as in the fact tables
    factor: float


@cache
def prose_units() -> dict[str, MoneyUnit]:
    """Given nothing, return the printed money units of sentences (lowercase) by their text."""
    rows = read_rows("prose_units.csv")
    return {row["printed"]: MoneyUnit(row["unit"], float(row["factor"])) for row in rows}


@cache
def prose_forecast_words(kind: str) -> tuple[re.Pattern[str], ...]:
    """Given a kind (`forecast`, `period`, `earlier`, `occasion`), return the words that say
    which report and period a result is of."""
    rows = read_rows("prose_forecast_words.csv")
    fragments = prose_fragments()
    return tuple(
        re.compile(expand_fragments(row["regex"], fragments)) for row in rows if row["kind"] == kind
    )


@cache
def prose_fragments() -> dict[str, str]:
    """Given nothing, return the regex fragments of the prose patterns by name."""
    fragments = {row["name"]: row["regex"] for row in read_rows("prose_fragments.csv")}
    fragments["MONTH"] = "|".join(months())
    units = sorted(prose_units(), key=len, reverse=True)  # `miljoner kronor` before `miljoner`
    fragments["MONEY_UNIT"] = "(?i:" + "|".join(re.escape(unit) for unit in units) + ")"
    return fragments


@cache
def prose_fragment(name: str) -> re.Pattern[str]:
    """Given a fragment's name, return it compiled on its own."""
    return re.compile(expand_fragments(prose_fragments()[name], prose_fragments()))


@cache
def prose_patterns() -> tuple[ProsePattern, ...]:
    """Given nothing, return the compiled prose fact patterns."""
    fragments = prose_fragments()
    return tuple(
        ProsePattern(row["name"], re.compile(expand_fragments(row["regex"], fragments)))
        for row in read_rows("prose_patterns.csv")
    )
