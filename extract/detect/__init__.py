"""Report metadata from the text itself: municipality, committee, kind, period, title.

Everything is read from the title zone (the first blocks of the first pages)
and, where the title is not enough, the first pages. What cannot be found is
left None with a warning naming the field; the manifest may still state it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from extract.detect.committee import detect_committee
from extract.detect.municipality import detect_municipality
from extract.detect.period import dated_cover_period, detect_period
from extract.model import RawTable, TextBlock
from extract.vocabulary import ReportKind, report_kinds


@dataclass(frozen=True)
class DetectSettings:
    """Where in a document to look for its metadata."""

    first_pages: int = 2
    title_zone_blocks: int = 12  # first blocks of the first pages: title, subtitle, cover lines
    first_pages_blocks: int = 80  # cap, for readers that put a whole export on page 1
    heading_max_chars: int = 120


@dataclass(frozen=True)
class DetectionWarning:
    """A field the text did not settle, and why; the manifest may settle it."""

    field: str  # municipality | committee | report_kind | period | title
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


@dataclass(frozen=True)
class DetectedMetadata:
    """What a report says about itself; None where it does not say."""

    municipality_code: str | None
    municipality_name: str | None
    committee_name: str | None
    report_kind: str | None
    period_kind: str | None  # interim | annual | budget
    period_start: date | None
    period_end: date | None
    fiscal_year: int | None
    title: str | None
    warnings: tuple[DetectionWarning, ...]


@dataclass(frozen=True)
class KindHit:
    """A report kind word found in the title zone, and where."""

    kind: ReportKind
    block_index: int


SETTINGS = DetectSettings()
HEADING_MARKUP = re.compile(r"^[#*\s]+|[*\s]+$")
SENTENCE_END = re.compile(r"[.:;]$|[.!?]\s+[A-ZÅÄÖ]")
CONTINUATION = re.compile(r"^(?:[a-zåäö]|(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?$)")


def detect_metadata(
    blocks: list[TextBlock],
    file_name: str,
    settings: DetectSettings = SETTINGS,
    *,
    table_text: Sequence[TextBlock] = (),
    captions: Sequence[str] = (),
) -> DetectedMetadata:
    """Given a document's text blocks and its file name, return the metadata it states.

    `table_text` (see `tables_to_blocks`) adds the tables' cells as evidence of the
    municipality only: some reports name themselves mostly inside tables.
    `captions` are the tables' captions: under a cover dated by a spelled date
    (`30 JUNI 2021`), a caption naming a kind (`Investeringsuppföljning`) is a
    table's, not the report's title, and the cover dates the report.
    `file_name` is part of the interface for callers but deliberately not read:
    file names follow no convention, so they are not evidence of what a report is.
    """
    first = [block for block in blocks if block.page <= settings.first_pages]
    first = first[: settings.first_pages_blocks]
    zone = first[: settings.title_zone_blocks]
    municipality = detect_municipality(sorted([*blocks, *table_text], key=lambda b: b.page))
    zone_lines = [block.text for block in zone]
    hit = find_kind(zone, settings)
    table_captions = {clean_heading(text) for text in captions}
    if hit and clean_heading(zone[hit.block_index].text) in table_captions:
        hit = hit if dated_cover_period(zone_lines).end is None else None
    untitled = [block for block in zone if clean_heading(block.text) not in table_captions]
    title = detect_title(zone if hit else untitled, hit, settings)
    headings = [clean_heading(b.text) for b in zone if is_heading(b.text, settings)]
    committee = detect_committee(title or "", zone_lines, headings, joined(first))
    # a cover naming no kind may still date itself (`31 MARS 2022`): its period ends there
    if hit:
        period = detect_period(hit.kind, title or "", joined(first))
    else:
        period = dated_cover_period(zone_lines)
    warnings = [
        ("municipality", municipality.warning),
        ("committee", None if committee else "not named on the first pages"),
        ("report_kind", None if hit else "not named near the title"),
        ("period", None if period and period.end else "not stated near the title"),
        ("title", None if title else "not found on page 1"),
    ]
    return DetectedMetadata(
        municipality_code=municipality.municipality.code if municipality.municipality else None,
        municipality_name=municipality.municipality.name if municipality.municipality else None,
        committee_name=committee,
        report_kind=hit.kind.report_kind if hit else None,
        period_kind=hit.kind.period_kind if hit else period.kind,
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        fiscal_year=period.fiscal_year if period else None,
        title=title,
        warnings=tuple(DetectionWarning(name, text) for name, text in warnings if text),
    )


def tables_to_blocks(tables: list[RawTable]) -> list[TextBlock]:
    """Given a document's tables, return their captions and cells as text blocks."""
    blocks = []
    for table in tables:
        blocks.append(TextBlock(table.page, table.caption))
        blocks += [TextBlock(cell.page, cell.text) for row in table.rows for cell in row]
    return [block for block in blocks if block.text.strip()]


def joined(blocks: list[TextBlock]) -> str:
    """Given blocks, return their text joined by newlines."""
    return "\n".join(block.text for block in blocks)


def find_kind(zone: list[TextBlock], settings: DetectSettings) -> KindHit | None:
    """Given the title zone, return the earliest report kind word in a heading-like line."""
    hits = [
        (index, match.start(), order, KindHit(kind, index))
        for index, block in enumerate(zone)
        if is_heading(block.text, settings)
        for order, kind in enumerate(report_kinds())
        if (match := kind.pattern.search(block.text))
    ]
    return min(hits, key=lambda hit: hit[:3])[3] if hits else None


def detect_title(
    zone: list[TextBlock], hit: KindHit | None, settings: DetectSettings
) -> str | None:
    """Given the title zone and the kind word, return the title as printed.

    The title is the line naming the report kind, with the lines that continue
    it (lowercase starts, a bare year range); failing that, the first
    heading-like line of page 1.
    """
    if hit is None:
        return first_heading(zone, settings)
    parts = [clean_heading(zone[hit.block_index].text)]
    for block in zone[hit.block_index + 1 :]:
        text = clean_heading(block.text)
        same_page = block.page == zone[hit.block_index].page
        if not (same_page and CONTINUATION.match(text) and len(text) <= settings.heading_max_chars):
            break
        parts.append(text)
    return " ".join(parts)[: settings.heading_max_chars] or None


def first_heading(zone: list[TextBlock], settings: DetectSettings) -> str | None:
    """Given the title zone, return the first short line of page 1 that is not a sentence."""
    for block in zone:
        text = clean_heading(block.text)
        if block.page == 1 and is_heading(text, settings) and sum(map(str.isalpha, text)) >= 3:
            return text
    return None


def is_heading(text: str, settings: DetectSettings) -> bool:
    """Given a block's text, return whether it could be a heading rather than a sentence."""
    text = text.strip()
    return len(text) <= settings.heading_max_chars and not SENTENCE_END.search(text)


def clean_heading(text: str) -> str:
    """Given a heading as exported, return it without markup and doubled spaces."""
    return " ".join(HEADING_MARKUP.sub("", text).split())
