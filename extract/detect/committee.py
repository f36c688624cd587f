"""Which committee (nämnd, styrelse) a report comes from.

The author is named in the title block: in the title itself
(`Delårsrapport för kommunstyrelsen`), on a line of its own
(`Revisorskollegiet`, `Tekniska nämnden`), at the start of a heading line, or
after a cover label (`Organisation: Kultur- och fritidsnämnden`,
`committee_labels.csv`), in its own words or through an
office that stands for it (`Kommunledningsförvaltningen`, listed in
`committee_aliases.csv`). A committee a sentence speaks to (`Kritik riktas
till grundskolenämnden`) is not the author. Failing the title block, one
committee must clearly dominate the first pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from extract.vocabulary import column, committee_aliases


@dataclass(frozen=True)
class CommitteeEvidence:
    """How clearly the first pages must name a committee outside the title block."""

    minimum_mentions: int = 2
    dominance: float = 2.0  # times the mentions of any other committee


EVIDENCE = CommitteeEvidence()
SPACED_HYPHEN = re.compile(r"\s+-")  # some PDF text layers print `Kultur - och`


def detect_committee(
    title: str,
    zone_lines: Sequence[str],
    heading_lines: Sequence[str],
    first_pages_text: str,
    evidence: CommitteeEvidence = EVIDENCE,
) -> str | None:
    """Given the title, the title zone's lines, its heading lines and the first pages,
    return the author committee."""
    return (
        title_block_committee(title, heading_lines)
        or labelled_committee(zone_lines)
        or dominant_committee(first_pages_text, evidence)
    )


def labelled_committee(zone_lines: Sequence[str]) -> str | None:
    """Given the title zone's lines, return a committee a cover label names (`Organisation: X`)."""
    for line in zone_lines:
        if match := labelled_pattern().search(line):
            return committee_name(match.group(1))
    return None


def title_block_committee(title: str, heading_lines: Sequence[str]) -> str | None:
    """Given the title and the heading lines, return the committee the title block names.

    The title first, then a line that is only a name, then a name that opens a
    line; not one further into a line (`Kritik riktas till grundskolenämnden`,
    `Till: Kommunstyrelsen`: the committee spoken or written to).
    """
    patterns = (title_block_pattern(), alias_pattern())
    for pattern in patterns:
        if match := pattern.search(title):
            return committee_name(match.group(1))
    for pattern in patterns:
        for line in heading_lines:
            if match := pattern.fullmatch(line.strip(" .:")):
                return committee_name(match.group(1))
    for line in heading_lines:
        for pattern in patterns:
            if match := pattern.match(line):
                return committee_name(match.group(1))
    return None


def dominant_committee(first_pages_text: str, evidence: CommitteeEvidence) -> str | None:
    """Given the first pages' text, return the committee they name far more than any other."""
    mentions = committee_pattern().finditer(first_pages_text)
    ranked = Counter(committee_name(match.group(1)) for match in mentions).most_common(2)
    if not ranked:
        return None
    best, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    clear = count >= evidence.minimum_mentions and count >= evidence.dominance * runner_up
    return best if clear else None


def committee_name(printed: str) -> str:
    """Given a committee or office as printed (any case, genitive), return its name."""
    name = SPACED_HYPHEN.sub("-", " ".join(printed.split())).lower()
    name = committee_aliases().get(name.removesuffix("s"), name.removesuffix("s"))
    return name[:1].upper() + name[1:]


def suffixes() -> str:
    """Given nothing, return the alternation of the words that end a committee's name."""
    return "|".join(column("committee_suffixes.csv", "suffix"))


def compound_form() -> str:
    """Given nothing, return the regex of a compound name such as `Kultur- och fritidsnämnden`."""
    joint = r"[a-zåäö]+\s?-(?:,\s+[a-zåäö]+\s?-)*\s+(?:och|samt|&)\s+"
    return rf"(?:{joint})?[a-zåäö]+(?:{suffixes()})s?"


@cache
def committee_pattern() -> re.Pattern[str]:
    """Given nothing, return the regex for committee names in running text."""
    return re.compile(rf"\b({compound_form()})\b", re.IGNORECASE)


@cache
def title_block_pattern() -> re.Pattern[str]:
    """Given nothing, return the regex for a committee in a title block.

    Besides the compound form it takes the adjective form `Tekniska nämnden`,
    which in running text is too easily a phrase (`hela nämnden`); the words
    that open such phrases are listed in `committee_not_adjectives.csv`.
    """
    not_adjectives = "|".join(column("committee_not_adjectives.csv", "word"))
    adjective = rf"(?!(?:{not_adjectives})\s)[a-zåäö]{{3,}}[ae]\s+(?:{suffixes()})s?"
    return re.compile(rf"\b({adjective}|{compound_form()})\b", re.IGNORECASE)


@cache
def labelled_pattern() -> re.Pattern[str]:
    """Given nothing, return the regex for a committee after a label of `committee_labels.csv`."""
    labels = "|".join(re.escape(label) for label in column("committee_labels.csv", "label"))
    name = title_block_pattern().pattern.removeprefix(r"\b")
    return re.compile(rf"\b(?:{labels})\s*:\s*(?:[A-ZÅÄÖ]\s+)?{name}", re.IGNORECASE)


@cache
def alias_pattern() -> re.Pattern[str]:
    """Given nothing, return the regex for offices that stand for a committee."""
    aliases = "|".join(re.escape(alias) for alias in committee_aliases())
    return re.compile(rf"\b((?:{aliases})s?)\b", re.IGNORECASE)
