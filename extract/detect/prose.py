"""Facts stated in running text: headcounts, annual work units, sick leave.

The sentence patterns live in `extract/vocabulary/prose_patterns.csv`. They are
deliberately narrow: a sentence that does not clearly state one value for a
fact yields nothing, and a sentence with more percentages than its pattern
accounts for (a comparison, a prior year) yields a warning instead of a fact, as
does a sentence on a topic of `prose_topics.csv` that prints a percentage that no
pattern reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from extract.model import TextBlock
from extract.numbers import parse_number
from extract.vocabulary import prose_patterns, prose_topics

FACT_GROUPS = ("employees", "employees_women", "employees_men", "annual_work_units")
PERCENT_FACT_GROUPS = ("sick_leave_pct",)
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[^a-zåäö\s,;])")  # next starts a sentence or heading
PERCENT_VALUE = re.compile(r"\d+(?:,\d+)?(?:\s?%|\s+procent)")


@dataclass(frozen=True)
class ProseFact:
    """One figure stated in a sentence, with the sentence it came from."""

    page: int
    fact: str  # employees | employees_women | employees_men | annual_work_units | sick_leave_pct
    value: float
    target_value: float | None
    population: str | None
    as_printed: str
    sentence: str


@dataclass(frozen=True)
class ProseScan:
    """The facts found in a document's text and the sentences passed over."""

    facts: list[ProseFact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def find_prose_facts(blocks: list[TextBlock]) -> list[ProseFact]:
    """Given a document's text blocks, return the facts its sentences state clearly."""
    return scan_prose(blocks).facts


def scan_prose(blocks: list[TextBlock]) -> ProseScan:
    """Given a document's text blocks, return its prose facts and ambiguity warnings."""
    scan = ProseScan()
    for page, sentence in blocks_to_sentences(blocks):
        accounted: set[str] = set()  # facts read or already warned about in this sentence
        for pattern in prose_patterns():
            for match in pattern.regex.finditer(sentence):
                facts = match_to_facts(match, page, sentence)
                accounted |= {fact.fact for fact in facts}
                problem = ambiguity(facts, sentence)
                if problem:
                    scan.warnings.append(f"page {page}: {pattern.name} skipped, {problem}")
                    continue
                scan.facts.extend(fact for fact in facts if fact not in scan.facts)
        scan.warnings.extend(unread_topics(page, sentence, accounted))
    return scan


def unread_topics(page: int, sentence: str, accounted: set[str]) -> list[str]:
    """Given a sentence and the facts accounted for, return warnings for rates left unread."""
    if not PERCENT_VALUE.search(sentence):
        return []
    return [
        f"page {page}: {fact} not read from a sentence about it: {sentence!r}"
        for fact, topic in prose_topics().items()
        if fact not in accounted and topic.search(sentence)
    ]


def blocks_to_sentences(blocks: list[TextBlock]) -> Iterator[tuple[int, str]]:
    """Given text blocks, yield (page, sentence) with each page's blocks joined."""
    for page, text in blocks_to_page_texts(blocks):
        for sentence in SENTENCE_BREAK.split(text):
            if sentence.strip():
                yield page, sentence.strip()


def blocks_to_page_texts(blocks: list[TextBlock]) -> Iterator[tuple[int, str]]:
    """Given text blocks, yield (page, text) joining runs of blocks on the same page.

    PDF readers may cut a sentence over several lines, so lines are joined
    before matching; a sentence running over a page break is not joined.
    """
    run: list[str] = []
    for index, block in enumerate(blocks):
        run.append(" ".join(block.text.split()))
        last_of_run = index + 1 == len(blocks) or blocks[index + 1].page != block.page
        if last_of_run:
            yield block.page, " ".join(part for part in run if part)
            run = []


def match_to_facts(match: re.Match[str], page: int, sentence: str) -> list[ProseFact]:
    """Given a pattern match in a sentence, return one fact per fact group it filled."""
    groups = match.groupdict()
    target = groups.get("target")
    population = groups.get("population")
    return [
        ProseFact(
            page=page,
            fact=name,
            value=prose_number(groups[name]),
            target_value=prose_number(target) if target and name in PERCENT_FACT_GROUPS else None,
            population=population.strip() if population else None,
            as_printed=groups[name],
            sentence=sentence,
        )
        for name in FACT_GROUPS + PERCENT_FACT_GROUPS
        if groups.get(name)
    ]


def ambiguity(facts: list[ProseFact], sentence: str) -> str | None:
    """Given the facts one match found, return why the sentence is ambiguous, or None."""
    percent_facts = [fact for fact in facts if fact.fact in PERCENT_FACT_GROUPS]
    if not percent_facts:
        return None
    stated = len(percent_facts) + sum(fact.target_value is not None for fact in percent_facts)
    printed = len(PERCENT_VALUE.findall(sentence))
    if printed > stated:
        return f"{printed} percentages in a sentence that states {stated}: {sentence!r}"
    return None


def prose_number(text: str) -> float:
    """Given a number the pattern matched (`1 234`, `1,9`), return its value."""
    value = parse_number(text).value
    if value is None:
        raise ValueError(f"prose pattern matched {text!r}, which is not a number")
    return value
