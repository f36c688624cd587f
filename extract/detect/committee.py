"""Which committee (nämnd, styrelse) a report comes from.

The committee is the first one named in the title zone, in its own words
(`Kultur- och fritidsnämnden`) or through an office that stands for it
(`Kommunledningsförvaltningen`, listed in `committee_aliases.csv`). Failing
that, one committee must clearly dominate the first pages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from extract.vocabulary import column, committee_aliases


@dataclass(frozen=True)
class CommitteeEvidence:
    """How clearly the first pages must name a committee outside the title zone."""

    minimum_mentions: int = 2
    dominance: float = 2.0  # times the mentions of any other committee


EVIDENCE = CommitteeEvidence()
SPACED_HYPHEN = re.compile(r"\s+-")  # some PDF text layers print `Kultur - och`


def detect_committee(
    title_zone_text: str, first_pages_text: str, evidence: CommitteeEvidence = EVIDENCE
) -> str | None:
    """Given the title zone's and the first pages' text, return the committee reporting."""
    for pattern in (committee_pattern(), alias_pattern()):
        if match := pattern.search(title_zone_text):
            return committee_name(match.group(1))
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


@cache
def committee_pattern() -> re.Pattern[str]:
    """Given nothing, return the regex for committee names such as `Kultur- och fritidsnämnden`."""
    suffixes = "|".join(column("committee_suffixes.csv", "suffix"))
    joint = r"[a-zåäö]+\s?-(?:,\s+[a-zåäö]+\s?-)*\s+(?:och|samt|&)\s+"
    return re.compile(rf"\b((?:{joint})?[a-zåäö]+(?:{suffixes})s?)\b", re.IGNORECASE)


@cache
def alias_pattern() -> re.Pattern[str]:
    """Given nothing, return the regex for offices that stand for a committee."""
    aliases = "|".join(re.escape(alias) for alias in committee_aliases())
    return re.compile(rf"\b((?:{aliases})s?)\b", re.IGNORECASE)
