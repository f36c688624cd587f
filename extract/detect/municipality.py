"""Which municipality a report belongs to, from how the text names it.

Reports name other municipalities in passing (neighbours, partners), and some
names are also common words (`Mark`, `Vara`, `Berg`). So names are matched as
whole words in their printed case, only the `X kommun` / `Xs kommun` /
`X stad` form (or a listed alias) makes a municipality a candidate, and the
winner must clearly outweigh every other name; otherwise nothing is returned.
One `X kommun` is a passing mention, unless it is the report's first line
(`Trosa kommun` over the committee and the title): that is its letterhead, and
a text that names another municipality more leaves the owner undecided.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from extract.detect.prose import blocks_to_page_texts
from extract.model import TextBlock
from extract.vocabulary import Municipality, column, municipalities, municipality_aliases


@dataclass(frozen=True)
class EvidenceWeights:
    """How much one mention of a municipality counts."""

    named_as_municipality: float = 3.0  # `Torsås kommun`, `Göteborgs Stad`
    bare_name: float = 1.0  # `Torsås`
    first_pages: int = 2  # mentions on these pages are where a report names its owner
    first_pages_factor: float = 2.0
    dominance: float = 2.0  # the winner must outscore the runner-up this many times
    minimum_mentions: int = 2  # one `X kommun`, even on page 1, is a passing mention ...
    minimum: float = 6.0  # ... and so are two bare names: owners are named as municipalities


@dataclass(frozen=True)
class MunicipalityResult:
    """The detected municipality, or None and why."""

    municipality: Municipality | None
    warning: str | None


WEIGHTS = EvidenceWeights()
BOUNDARY_BEFORE = r"(?<![\w-])"
BOUNDARY_AFTER = r"(?![\w-])"


def detect_municipality(
    blocks: list[TextBlock], weights: EvidenceWeights = WEIGHTS
) -> MunicipalityResult:
    """Given a document's text blocks, return its municipality when the text says clearly."""
    scores: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    named: set[str] = set()
    for page, text in blocks_to_page_texts(blocks):
        factor = weights.first_pages_factor if page <= weights.first_pages else 1.0
        for code, is_named in page_text_to_mentions(text):
            weight = weights.named_as_municipality if is_named else weights.bare_name
            scores[code] += weight * factor
            mentions[code] += 1
            if is_named:
                named.add(code)
    return scores_to_result(scores, mentions, named, weights, letterhead(blocks))


def scores_to_result(
    scores: Counter[str],
    mentions: Counter[str],
    named: set[str],
    weights: EvidenceWeights,
    heading: str | None = None,
) -> MunicipalityResult:
    """Given scores and mention counts per code, the codes named as such and the one the
    letterhead names, return the verdict."""
    by_code = {municipality.code: municipality for municipality in municipalities()}
    candidates = sorted(named, key=lambda code: (-scores[code], code))
    if not candidates:
        return MunicipalityResult(None, "not named in the text")
    best = candidates[0]
    runner_up = max((score for code, score in scores.items() if code != best), default=0.0)
    ranked = ", ".join(f"{by_code[code].name} ({score:g})" for code, score in scores.most_common(3))
    passing = scores[best] < weights.minimum or mentions[best] < weights.minimum_mentions
    if passing and best != heading:
        return MunicipalityResult(None, f"named only in passing: {ranked}")
    if scores[best] < weights.dominance * runner_up or heading not in (None, best):
        return MunicipalityResult(None, f"ambiguous in the text: {ranked}")
    return MunicipalityResult(by_code[best], None)


def letterhead(blocks: list[TextBlock]) -> str | None:
    """Given a document's text blocks, return the code of the municipality its first line
    names as such, on a line of its own (`Trosa kommun`, `HANINGE KOMMUN`), if any."""
    first = next((block for block in blocks if block.text.strip()), None)
    if first is None or first.page != 1:
        return None
    line = (first.lines or first.text.splitlines())[0].strip()
    match = name_pattern().fullmatch(line)
    if match and match.group("word"):
        return names_to_codes()[normalise_name(match.group("name"))]
    if match := upper_name_pattern().fullmatch(line):
        return names_to_codes()[normalise_name(match.group("name"))]
    return None


def page_text_to_mentions(text: str) -> list[tuple[str, bool]]:
    """Given a page's text, return (code, named as municipality) for every mention."""
    codes = names_to_codes()
    mentions = [
        (codes[normalise_name(match.group("name"))], bool(match.group("word")))
        for match in name_pattern().finditer(text)
    ]
    mentions += [
        (codes[normalise_name(match.group("name"))], True)
        for match in upper_name_pattern().finditer(text)
    ]
    mentions += [
        (code, True)
        for alias, code in municipality_aliases().items()
        for _ in re.finditer(rf"{BOUNDARY_BEFORE}{re.escape(alias)}", text)
    ]
    return mentions


def normalise_name(printed: str) -> str:
    """Given a name as printed (any case, any spacing), return its lookup key."""
    return " ".join(printed.split()).casefold()


@cache
def names_to_codes() -> dict[str, str]:
    """Given nothing, return lookup keys of municipality names mapped to SCB codes."""
    return {
        normalise_name(municipality.name): municipality.code for municipality in municipalities()
    }


def names_alternation(upper: bool) -> str:
    """Given a case choice, return a regex alternation of all names, longest first."""
    names = sorted((municipality.name for municipality in municipalities()), key=len, reverse=True)
    return "|".join(
        r"\s+".join(re.escape(word.upper() if upper else word) for word in name.split())
        for name in names
    )


@cache
def name_pattern() -> re.Pattern[str]:
    """Given nothing, return the regex for names as printed, with an optional `kommun`."""
    words = "|".join(column("municipality_words.csv", "word"))
    return re.compile(
        rf"{BOUNDARY_BEFORE}(?P<name>{names_alternation(upper=False)})s?"
        rf"(?:\s+(?P<word>(?i:{words})){BOUNDARY_AFTER}|{BOUNDARY_AFTER})"
    )


@cache
def upper_name_pattern() -> re.Pattern[str]:
    """Given nothing, return the regex for capitalised headings such as `HANINGE KOMMUNS`."""
    words = "|".join(word.upper() for word in column("municipality_words.csv", "word"))
    return re.compile(
        rf"{BOUNDARY_BEFORE}(?P<name>{names_alternation(upper=True)})S?\s+(?:{words}){BOUNDARY_AFTER}"
    )
