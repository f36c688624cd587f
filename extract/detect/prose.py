"""Facts stated in running text: headcounts, annual work units, sick leave, results.

The sentence patterns live in `extract/vocabulary/prose_patterns.csv`; what a
match states is read in `prose_figures`. They are deliberately narrow: a
sentence that does not clearly state one value for a fact yields nothing, and a
sentence with more percentages than its pattern accounts for (a comparison, a
prior year) yields a warning instead of a fact, as does a sentence on a topic of
`prose_topics.csv` that prints a percentage that no pattern reads. A figure one
pattern has read is not read again by a later, more general one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from extract.detect.prose_figures import (
    COUNT_GROUPS,
    ProseFact,
    match_to_reading,
    percentages_stated,
)
from extract.model import TextBlock
from extract.vocabulary import prose_fragment, prose_patterns, prose_topics

__all__ = ["ProseFact", "ProseScan", "blocks_to_page_texts", "find_prose_facts", "scan_prose"]

SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[^a-zåäö\s,;])")  # next starts a sentence or heading
PERCENT_VALUE = re.compile(r"\d+(?:,\d+)?(?:\s?%|\s+procent\b)")


@dataclass(frozen=True)
class ProseScan:
    """The facts found in a document's text and the sentences passed over."""

    facts: list[ProseFact] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def find_prose_facts(blocks: list[TextBlock], period_end: date | None = None) -> list[ProseFact]:
    """Given a document's text blocks and its period's end, return the facts its sentences
    state clearly."""
    return scan_prose(blocks, period_end).facts


def scan_prose(blocks: list[TextBlock], period_end: date | None = None) -> ProseScan:
    """Given a document's text blocks and the end of the period it reports (None if
    unknown), return its prose facts and ambiguity warnings."""
    scan = ProseScan()
    previous: list[ProseFact] = []
    for page, sentence in blocks_to_sentences(blocks):
        facts, warnings = scan_sentence(page, sentence, period_end)
        facts, unbound = bound_to_headcount_before(facts, sentence, previous)
        scan.facts.extend(fact for fact in facts if fact not in scan.facts)
        scan.warnings.extend(warnings + unbound)
        previous = facts
    return scan


def bound_to_headcount_before(
    facts: list[ProseFact], sentence: str, previous: list[ProseFact]
) -> tuple[list[ProseFact], list[str]]:
    """Given a sentence's facts and the previous sentence's, return the facts with staff
    figures of a sentence that points back (`Det motsvarar 349,2 årsarbetare`) given the
    population of the headcount stated right before, and warnings for those with none."""
    if not prose_fragment("ANAPHORA").search(sentence):
        return facts, []
    headcounts = [fact for fact in previous if fact.fact == "employees"]
    bound, warnings = [], []
    for fact in facts:
        if fact.fact not in COUNT_GROUPS or fact.population is not None:
            bound.append(fact)
        elif headcounts:
            bound.append(replace(fact, population=headcounts[-1].population))
        else:
            warnings.append(
                f"page {fact.page}: {fact.fact} of what an earlier sentence names, "
                f"with no headcount before it: {sentence!r}"
            )
    return bound, warnings


def scan_sentence(
    page: int, sentence: str, period_end: date | None = None
) -> tuple[list[ProseFact], list[str]]:
    """Given one sentence and the report's period end, return the facts it states and the
    warnings it raises."""
    facts: list[ProseFact] = []
    warnings: list[str] = []
    accounted: set[str] = set()  # facts read or already warned about in this sentence
    read: set[tuple[int, int]] = set()  # spans of the figures read in this sentence
    for pattern in prose_patterns():
        for match in pattern.regex.finditer(sentence):
            reading = match_to_reading(match, page, sentence, period_end)
            if read & set(reading.spans):
                continue
            accounted |= {fact.fact.removesuffix("_prior_year") for fact in reading.facts}
            problem = ambiguity(match, sentence) or reading.problem
            if problem or reading.note:
                accounted.add("sick_leave_pct")
                verdict = f"skipped, {problem}" if problem else f"read, {reading.note}"
                warnings.append(f"page {page}: {pattern.name} {verdict}")
            if not problem:
                read |= set(reading.spans)
                facts.extend(reading.facts)
    warnings.extend(unread_topics(page, sentence, accounted))
    return with_sentence_subject(facts), warnings


def with_sentence_subject(facts: list[ProseFact]) -> list[ProseFact]:
    """Given a sentence's facts, return them with results that name no one given its subject.

    In `Grönyteskötseln redovisade ett överskott på 0,3 mnkr och prognostiserar ett
    underskott på 0,5 mnkr` both results are the subject's, not the committee's.
    """
    subject = None
    kept = []
    for fact in facts:
        if fact.unit is not None and fact.population is None and subject is not None:
            fact = replace(fact, population=subject)
        subject = fact.population if fact.unit is not None else subject
        kept.append(fact)
    return kept


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
    before matching, a word broken at a line end too (BROKEN_WORD); a sentence
    running over a page break is not joined.
    """
    run: list[str] = []
    for index, block in enumerate(blocks):
        run.append(" ".join(block.text.split()))
        last_of_run = index + 1 == len(blocks) or blocks[index + 1].page != block.page
        if last_of_run:
            text = " ".join(part for part in run if part)
            yield block.page, prose_fragment("BROKEN_WORD").sub("", text)
            run = []


def ambiguity(match: re.Match[str], sentence: str) -> str | None:
    """Given a match that read percentages, return why its sentence is ambiguous, or None."""
    stated = percentages_stated(match)
    printed = len(PERCENT_VALUE.findall(sentence))
    if stated and printed > stated:
        return f"{printed} percentages in a sentence that states {stated}: {sentence!r}"
    return None
