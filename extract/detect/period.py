"""The period a report covers, from the words around its title.

Swedish municipalities keep their books by calendar year (kommunallagen 11
kap.), so an interim report that only states its end date starts on 1 January
of that year, and an annual report or a budget covers one calendar year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from extract.vocabulary import ReportKind, months

ISO_DATE = (
    r"(?<!\d)(\d{4})\s?-\s?(\d{2})\s?-\s?(\d{2})(?!\d)"  # PDF text may print `2025 - 12 - 31`
)
DASH = r"\s*[-–—]\s*"
YEAR = re.compile(r"(?<![\d-])((?:19|20)\d{2})(?![\d-])")
ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
YEAR_RANGE = re.compile(rf"(?<![\d-])((?:19|20)\d{{2}}){DASH}((?:19|20)\d{{2}})(?![\d-])")
# the year right after the title's kind word, one word between at most (`Budget för 2025`)
KIND_YEAR = re.compile(r"\s+(?:\w+\s+)?((?:19|20)\d{2})(?![\d/-])")
PART_NUMBER = re.compile(r"\s*(?:nr\.?\s*)?(\d{1,2})(?!\d)")  # `Tertialrapport 2`, `nr 2`


@dataclass(frozen=True)
class Period:
    """A detected period; any part may be unknown."""

    start: date | None = None
    end: date | None = None
    fiscal_year: int | None = None
    kind: str | None = None  # `interim` or `annual` when the period alone decides it


@dataclass(frozen=True)
class InterimPatterns:
    """Date forms that can end an interim period, compiled from the month vocabulary."""

    iso_range: re.Pattern[str]
    month_range: re.Pattern[str]
    per_month: re.Pattern[str]
    per_iso_date: re.Pattern[str]
    day_month: re.Pattern[str]
    iso_date: re.Pattern[str]


@cache
def interim_patterns() -> InterimPatterns:
    """Given nothing, return the interim date patterns with Swedish month names."""
    month = "|".join(months())
    flags = re.IGNORECASE
    return InterimPatterns(
        iso_range=re.compile(rf"{ISO_DATE}{DASH}{ISO_DATE}"),
        month_range=re.compile(
            rf"\b({month})(?:{DASH}|\s+till\s+(?:och\s+med\s+)?)({month})\b(?:\s+(\d{{4}}))?", flags
        ),
        per_month=re.compile(
            rf"\bper\s+(?:den\s+)?(?:(\d{{1,2}})\s+)?({month})\b(?:\s+(\d{{4}}))?", flags
        ),
        per_iso_date=re.compile(rf"\bper\s+(?:den\s+)?{ISO_DATE}", flags),
        day_month=re.compile(rf"(?:(?<!\d)(\d{{1,2}})\s+)?\b({month})\b(?:\s+(\d{{4}}))?", flags),
        iso_date=re.compile(ISO_DATE),
    )


def detect_period(kind: ReportKind, title_text: str, first_pages_text: str) -> Period:
    """Given the report kind, the title and the first pages' text, return the period.

    An annual report's year must be in its title: the first pages are full of
    decision dates from the following year.
    """
    if kind.period_kind == "interim":
        return interim_period(title_text, first_pages_text, kind)
    if kind.period_kind == "budget":
        year = budget_year(title_text, kind) or budget_range_year(first_pages_text)
    else:
        year = first_year(title_text)
    if year is None:
        return Period()
    return Period(date(year, 1, 1), date(year, 12, 31), year)


@cache
def dated_line_pattern() -> re.Pattern[str]:
    """Given nothing, return the pattern of a cover line opening with a spelled date."""
    month = "|".join(months())
    return re.compile(rf"^(?:(\d{{1,2}})\s+)?({month})\s+((?:19|20)\d{{2}})(?!\d)", re.IGNORECASE)


def dated_cover_period(zone_lines: list[str]) -> Period:
    """Given the title zone's lines of a report naming no kind, return the period its cover
    date ends (`31 MARS 2022`, `juni 2022`).

    Only a line opening with a spelled month counts: meeting dates and registry numbers
    print ISO dates (`Dnr 2020/334 · 2022-03-07`). The books run by calendar year, so the
    period starts on 1 January and is the whole year only when it ends on 31 December.
    """
    for line in zone_lines:
        if match := dated_line_pattern().match(line.strip()):
            end = day_month_to_date(match, None)
            if end is not None:
                kind = "annual" if (end.month, end.day) == (12, 31) else "interim"
                return Period(date(end.year, 1, 1), end, end.year, kind)
    return Period()


def interim_period(title_text: str, first_pages_text: str, kind: ReportKind) -> Period:
    """Given the title, the first pages' text and the report kind, return an interim period.

    A bare date, `31 augusti` or `augusti 2023` counts only in the title; on the first pages
    (meeting dates, deadlines) only a range or `per <month or date>` does. A numbered part
    of a kind with fixed parts (`Tertialrapport 2`) ends where that part ends.
    """
    default_year = first_year(title_text) or first_year(first_pages_text)
    title_dates = text_to_interim_dates(title_text, True, default_year)
    part_end = (None, numbered_part_end(title_text, kind, default_year))
    for start, end in (
        title_dates,
        part_end,
        text_to_interim_dates(first_pages_text, False, default_year),
    ):
        if end is not None:
            start = start or date(end.year, 1, 1)
            return Period(start, end, end.year)
    return Period()


def numbered_part_end(title_text: str, kind: ReportKind, year: int | None) -> date | None:
    """Given a title, its report kind and the year, return the end of the numbered part named.

    `Tertialrapport 1 2025` ends on 30 April 2025; a kind without fixed parts
    (`Delårsrapport 1`: a quarter or a tertial) says nothing.
    """
    kind_word = kind.pattern.search(title_text)
    if kind.part_months is None or kind_word is None or year is None:
        return None
    number = PART_NUMBER.match(title_text, kind_word.end())
    if number is None or not 1 <= int(number.group(1)) * kind.part_months < 12:
        return None
    return month_end(year, int(number.group(1)) * kind.part_months)


def text_to_interim_dates(
    text: str, near_title: bool, default_year: int | None
) -> tuple[date | None, date | None]:
    """Given text, return (start, end) of the first interim date form found in it."""
    patterns = interim_patterns()
    if match := patterns.iso_range.search(text):
        numbers = [int(group) for group in match.groups()]
        return safe_date(*numbers[:3]), safe_date(*numbers[3:])
    if match := patterns.month_range.search(text):
        year = int(match.group(3)) if match.group(3) else default_year
        first, last = months()[match.group(1).lower()], months()[match.group(2).lower()]
        return month_start(year, first), month_end(year, last)
    if match := patterns.per_iso_date.search(text):
        return None, safe_date(*(int(group) for group in match.groups()))
    day_month_forms = [patterns.per_month] + ([patterns.day_month] if near_title else [])
    for pattern in day_month_forms:
        if match := pattern.search(text):
            return None, day_month_to_date(match, default_year)
    if near_title and (match := patterns.iso_date.search(text)):
        return None, safe_date(*(int(group) for group in match.groups()))
    return None, None


def day_month_to_date(match: re.Match[str], default_year: int | None) -> date | None:
    """Given a (day, month, year) match, return the date; no day means the month's last."""
    day, month_name, year = match.groups()
    year_number = int(year) if year else default_year
    month = months()[month_name.lower()]
    if day is None:
        return month_end(year_number, month)
    return safe_date(year_number, month, int(day))


def month_start(year: int | None, month: int) -> date | None:
    """Given a year (maybe unknown) and a month, return the month's first day."""
    return None if year is None else date(year, month, 1)


def month_end(year: int | None, month: int) -> date | None:
    """Given a year (maybe unknown) and a month, return the month's last day."""
    return None if year is None else date(year, month, calendar.monthrange(year, month)[1])


def safe_date(year: int | None, month: int, day: int) -> date | None:
    """Given date parts as printed, return the date, or None if it does not exist."""
    try:
        return None if year is None else date(year, month, day)
    except ValueError:
        return None


def first_year(text: str) -> int | None:
    """Given text, return the first year printed in it, inside a date or alone."""
    match = ANY_YEAR.search(text)
    return int(match.group(1)) if match else None


def budget_year(text: str, kind: ReportKind) -> int | None:
    """Given text near a budget title and its kind, return the first budget year, ignoring
    dated lines.

    A budget title names its years (`2021–2022`, `2027-2031`), first the one right
    after its kind word (`Budget 2025 med plan 2026–2027`); a full date near it is
    the document's own date, not a budget year.
    """
    undated = re.sub(ISO_DATE, " ", text)
    named = kind.pattern.search(undated)
    match = KIND_YEAR.match(undated, named.end()) if named else None
    match = match or YEAR_RANGE.search(undated) or YEAR.search(undated)
    return int(match.group(1)) if match else None


def budget_range_year(text: str) -> int | None:
    """Given the first pages of a budget with no year in its title, return its first year.

    Only a year range (`budget 2027–2031`) counts there, since a budget plans
    several years; a single year could be any decision or meeting.
    """
    match = YEAR_RANGE.search(re.sub(ISO_DATE, " ", text))
    return int(match.group(1)) if match else None
