"""Wording real committee reports print, read from bench/wording/real_wording.csv.

Each entry names the municipality (when the page does) and the page it was
read from. Short phrases are stored as printed; sentences are stored
rewritten, with their numbers as placeholders, so facts carry over and no
sentence is copied. The generator draws from these beside its own wording
(`wordings`), so a document can say things the reader was not built on.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WORDING_FILE = Path(__file__).resolve().parents[1] / "wording" / "real_wording.csv"
# Kinds whose `scope` is the time a column covers; for every other kind it is a report kind.
HEAD_KINDS = ("column_head", "subhead", "group_head")


@dataclass(frozen=True)
class Entry:
    """One printed wording: what it is (kind, key), its text, when it applies, and its source."""

    kind: str
    key: str  # the measure, line, committee, orientation ... the text stands for
    text: str
    scope: str  # a head's time scope, or the report kind a text belongs to (empty: any)
    requires: str  # the deviation orientation a text states (empty: any)
    municipality: str
    source: str


@lru_cache(maxsize=4)
def entries(path: Path = WORDING_FILE) -> tuple[Entry, ...]:
    """Given the wording file, return its entries in file order."""
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(Entry(**row) for row in csv.DictReader(handle))


def fits(entry: Entry, report_kind: str | None, orientation: str | None) -> bool:
    """Given an entry and the report kind and orientation in force, return whether it applies."""
    kind_ok = entry.kind in HEAD_KINDS or not entry.scope or entry.scope == report_kind
    return kind_ok and (not entry.requires or entry.requires == orientation)


def real_texts(
    kind: str, key: str, report_kind: str | None = None, orientation: str | None = None
) -> tuple[str, ...]:
    """Given a kind and key (and the report kind, orientation), return the texts that fit, once."""
    found = [
        entry.text
        for entry in entries()
        if entry.kind == kind and entry.key == key and fits(entry, report_kind, orientation)
    ]
    return tuple(dict.fromkeys(found))


def real_keys(kind: str) -> dict[str, str]:
    """Given a kind, return each of its texts with the key it stands for (a unit word's unit)."""
    return {entry.text: entry.key for entry in entries() if entry.kind == kind}
