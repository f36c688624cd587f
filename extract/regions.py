"""Numeric regions outside tables: runs of text lines that read like rows of numbers.

Found independently of table finding, so that a table the readers missed is still
counted: a line is a row of numbers when it ends in at least two printed numbers that
are not all years (`Kommunersättning 101,0 115,4`, but not `Budget 2023 2024`). A region
is a run of such lines on one page, at most `max_gap_lines` other lines apart and with no
found table in between; it needs `min_rows` of them. dbt turns each region into a row of
`quality_table_coverage` with the reason `no table found`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from extract.model import BBox, Document, TextBlock
from extract.numbers import is_year, parse_number

_DASHES = frozenset({"-", "\u2212", "\u2013"})
# A printed token: a parenthesised run (`(1 465)`, a negative) or a run without spaces
_TOKEN = re.compile(r"\([^()]*\)|\S+")


@dataclass(frozen=True)
class RegionSettings:
    """Tunables of numeric-region finding."""

    min_rows: int = 3  # rows of numbers that make a region
    min_numbers: int = 2  # trailing numbers that make a line a row
    max_gap_lines: int = 1  # other lines (a wrapped label, a sub-heading) a region may span


@dataclass(frozen=True)
class NumericRegion:
    """A run of number rows outside tables: where it stands, how many rows, its first row."""

    page: int
    numeric_rows: int
    first_row: str
    bbox: BBox | None = None


@dataclass
class _Run:
    page: int
    rows: list[str] = field(default_factory=list)
    boxes: list[BBox] = field(default_factory=list)
    gap: int = 0


def trailing_numbers(line: str) -> list[str]:
    """Given a printed line, return the numbers (or nil dashes) it ends with, left to right."""
    tokens = _TOKEN.findall(line)
    numbers: list[str] = []
    for token in reversed(tokens):
        if token not in _DASHES and parse_number(token).value is None:
            break
        numbers.insert(0, token)
    return numbers


def is_number_row(line: str, settings: RegionSettings = RegionSettings()) -> bool:  # noqa: B008
    """Given a printed line, return whether it reads like a row of a numeric table."""
    numbers = trailing_numbers(line)
    return len(numbers) >= settings.min_numbers and not all(is_year(n) for n in numbers)


def document_to_regions(
    document: Document,
    settings: RegionSettings = RegionSettings(),  # noqa: B008
) -> list[NumericRegion]:
    """Given a read document, return the numeric regions of its text outside tables."""
    spans = _table_spans(document)
    regions: list[NumericRegion] = []
    run: _Run | None = None
    previous: TextBlock | None = None
    for block in document.text_blocks:
        if run and (block.page != run.page or _table_between(previous, block, spans)):
            regions += _close(run, settings)
            run = None
        for line in block.lines or (block.text,):
            if not is_number_row(line, settings):
                if run:
                    run.gap += 1
                continue
            if run and run.gap > settings.max_gap_lines:
                regions += _close(run, settings)
                run = None
            run = run or _Run(block.page)
            run.rows.append(line)
            run.boxes += [block.bbox] if block.bbox else []
            run.gap = 0
        previous = block
    return regions + (_close(run, settings) if run else [])


def _close(run: _Run, settings: RegionSettings) -> list[NumericRegion]:
    """Given a finished run of rows, return it as a region if it holds enough rows."""
    if len(run.rows) < settings.min_rows:
        return []
    box = None
    if run.boxes:
        box = (
            min(b[0] for b in run.boxes),
            min(b[1] for b in run.boxes),
            max(b[2] for b in run.boxes),
            max(b[3] for b in run.boxes),
        )
    return [NumericRegion(run.page, len(run.rows), run.rows[0][:120], box)]


def _table_spans(document: Document) -> dict[int, list[tuple[float, float]]]:
    """Given a document, return per page the vertical extent of each table part on it."""
    spans: dict[int, list[tuple[float, float]]] = {}
    for table in document.tables:
        for page, boxes in _boxes_by_page(c for row in table.rows for c in row):
            spans.setdefault(page, []).append((min(b[1] for b in boxes), max(b[3] for b in boxes)))
    return spans


def _boxes_by_page(cells: Iterable) -> list[tuple[int, list[BBox]]]:
    by_page: dict[int, list[BBox]] = {}
    for cell in cells:
        if cell.bbox is not None:
            by_page.setdefault(cell.page, []).append(cell.bbox)
    return list(by_page.items())


def _table_between(
    above: TextBlock | None, below: TextBlock, spans: dict[int, list[tuple[float, float]]]
) -> bool:
    """Given two blocks of one page, return whether a found table stands between them."""
    if above is None or above.bbox is None or below.bbox is None:
        return False
    return any(
        above.bbox[3] <= top and bottom <= below.bbox[1]
        for top, bottom in spans.get(below.page, [])
    )
