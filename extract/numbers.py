"""Swedish printed numbers: `-3 200`, `190,7`, `- 6 279`, `−4 401`, `(120)`, `1,9%`, `-400*`.

A cell either parses to a value, or keeps its text with a flag saying why it
did not (`malformed` for a truncated `-26 62`, `not_applicable` for `Ej
aktuellt`). Nothing is repaired. A lone dash is the nil of Swedish tables
(SCB's `–`: nothing to report), so it reads as 0, flagged `dash`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Space-like characters Word and PDF exports use as thousands separators.
_THOUSANDS = "[ \u00a0\u202f\u2009]"
_MINUS = "-\u2212\u2013\u2014"
_NUMBER = re.compile(
    rf"^(?P<sign>[{_MINUS}+]?)\s*"
    rf"(?P<integer>\d{{1,3}}(?:{_THOUSANDS}\d{{3}})+|\d+)"
    r"(?:,(?P<fraction>\d+))?"
    r"\s*(?P<percent>%)?$"
)
_FOOTNOTE = re.compile(r"\s*(\*+\)?|\*\))$")
_PARENTHESES = re.compile(r"^\((?P<inner>[^()]+)\)$")
_NUMBER_LIKE = re.compile(rf"^[{_MINUS}+(]?[\d\s\u00a0\u202f\u2009,.%]+\)?$")
_DASHES = frozenset({"-", "\u2212", "\u2013", "\u2014", "--"})
NOT_APPLICABLE = frozenset({"ej aktuellt", "e.a.", "ea", "n/a", "ej tillämpligt", "saknas"})


@dataclass(frozen=True)
class ParsedNumber:
    """A cell read as a number: the value (None if unreadable), why not, and its precision."""

    value: float | None
    flag: str | None = None  # malformed | dash | not_applicable | footnote | parentheses | percent
    decimals: int | None = None


BLANK = ParsedNumber(None)
TEXT = ParsedNumber(None)


def parse_number(text: str) -> ParsedNumber:
    """Given a cell's printed text, return its value, flag and printed decimals."""
    cleaned = " ".join(text.split())
    if not cleaned:
        return BLANK
    if cleaned in _DASHES:
        return ParsedNumber(0.0, "dash", 0)
    if cleaned.lower() in NOT_APPLICABLE:
        return ParsedNumber(None, "not_applicable")
    flag = None
    without_footnote = _FOOTNOTE.sub("", cleaned)
    if without_footnote != cleaned and without_footnote:
        flag, cleaned = "footnote", without_footnote
    negate = False
    parenthesised = _PARENTHESES.match(cleaned)
    if parenthesised:
        flag, cleaned, negate = "parentheses", parenthesised["inner"].strip(), True
    parsed = _parse_plain(cleaned, flag)
    if parsed is None:
        return ParsedNumber(None, "malformed") if _NUMBER_LIKE.match(cleaned) else TEXT
    if negate and parsed.value is not None:
        return ParsedNumber(-parsed.value, parsed.flag, parsed.decimals)
    return parsed


def _parse_plain(text: str, flag: str | None) -> ParsedNumber | None:
    """Given text without footnote or parentheses, return the number or None if it is not one."""
    match = _NUMBER.match(text)
    if not match:
        return None
    digits = re.sub(_THOUSANDS, "", match["integer"])
    fraction = match["fraction"] or ""
    value = float(f"{digits}.{fraction}" if fraction else digits)
    if match["sign"] and match["sign"] != "+":
        value = -value
    if match["percent"]:
        flag = flag or "percent"
    return ParsedNumber(value, flag, len(fraction))


def is_year(text: str) -> bool:
    """Given a cell text, return whether it is a bare year such as `2024` (a header)."""
    stripped = text.strip()
    return len(stripped) == 4 and stripped.isdigit() and 1900 <= int(stripped) <= 2100
