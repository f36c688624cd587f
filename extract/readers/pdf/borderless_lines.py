"""Which printed lines read as rows of a borderless table.

A row holds at least two numbers (or a label and only dashes), with nothing but
values from its first number on: a sentence with numbers in it is not a row,
nor is a header's lower line of bare years, nor a line of a table of contents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extract.readers.pdf.contents import LEADER
from extract.readers.pdf.filled_labels import cut_trailing_numbers
from extract.readers.pdf.headers import HeaderSettings
from extract.readers.pdf.rows import SplitLine
from extract.readers.pdf.shaded_heads import cut_at_joins
from extract.readers.pdf.words import DASH, YEAR, Line, Word, first_number, segments

SYMBOL = re.compile(r"^[^\w\s]{1,3}$")  # an arrow or mark in a value column (`↑`)
YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")  # a header naming a year: `jan–apr 2021`
MIN_YEAR_HEADERS = 2  # years named in header cells that open the next table
YEAR_SPAN = 10  # the most years between the first and the last a header names
QUALIFIED = re.compile(r"^\D{2,24}\s[-−–]?\d[\d \u00a0]*(?:[,.]\d+)?\s?%?$")  # `Lägre än 5,00`


@dataclass(frozen=True)
class BorderlessSettings:
    """Tunables, as multiples of the text height unless said otherwise."""

    cell_gap: float = 0.8  # wider gaps than this separate cells
    number_gap: float = 0.45  # widest thousands space
    row_gap: float = 4.0  # lines further apart than this end the table
    wrap_gap: float = 0.5  # a label line this close below a row continues its label
    header: HeaderSettings = field(default_factory=HeaderSettings)
    min_rows: int = 2  # rows a table needs when no header stands over its numbers
    min_numbers: int = 2  # numbers a line needs to be a table row
    page_head_chars: int = 60  # running heads a continued table's rows may have above them


def split_line(line: Line, settings: BorderlessSettings, joins: Sequence[float] = ()) -> SplitLine:
    """Given a line (and where the shaded header cells over it meet), return its cells and
    whether it reads as a table row; a line that reads as one only with its numbers cut off
    a label filling its column (`filled_labels`) is read so."""
    cells = cut_at_joins(line, segments(line, settings.cell_gap, settings.number_gap), joins)
    split = _read_cells(line, cells, settings)
    if split.is_row:
        return split
    cut = cut_trailing_numbers(line, cells, settings.cell_gap, settings.number_gap)
    if cut == cells:
        return split
    cut_split = _read_cells(line, cut, settings)
    return cut_split if cut_split.is_row else split


def _read_cells(line: Line, cells: list[Word], settings: BorderlessSettings) -> SplitLine:
    """Given a line and its cells, return them with whether they read as a table row."""
    first = first_number(cells)
    if first is None:
        return SplitLine(line, cells, _nil_row(cells, settings))
    tail = cells[first:]
    numbers = sum(1 for c in tail if c.is_number)  # `3 8 352` as printed counts too
    only_numbers = all(c.is_number or DASH.match(c.text) or SYMBOL.match(c.text) for c in tail)
    if any(LEADER.search(c.text) for c in cells):
        return SplitLine(line, cells, False)  # a table of contents: `Sammanfattning .... 2`
    # a target set in words before the outcome (`Lägre än 5,00  1,86  ↑`) is a value too
    qualified = [c for c in cells[1:first] if QUALIFIED.match(c.text)]
    numbers += len(qualified)
    # Bare years for numbers (`2023 2024 2025`, `o us Nr 2027 2028`, `helår 2025 | 2024`):
    # a header's lower line; values that read as years lie further apart (`1964 2058 2085`)
    named = [*qualified, *tail]
    years = all(YEAR.match(c.text.split()[-1]) for c in named) and names_years(named)
    return SplitLine(line, cells, only_numbers and not years and numbers >= settings.min_numbers)


def _nil_row(cells: Sequence[Word], settings: BorderlessSettings) -> bool:
    """Given a line's cells with no number, return whether it is a row of nils: a label,
    then only dashes (`Resultat efter kommunbidrag   –   –   –`)."""
    values = cells[1:]
    return (
        len(values) >= settings.min_numbers
        and not DASH.match(cells[0].text)
        and all(DASH.match(c.text) for c in values)
    )


def holds_values(line: Line, settings: BorderlessSettings) -> bool:
    """Given a line, return whether it holds a number and only values from its first number on.

    Such a line may be a row whose one number (`–  –  5 773  –`) only its
    columns tell apart from prose; one without a number is a label line.
    """
    cells = segments(line, settings.cell_gap, settings.number_gap)
    first = first_number(cells)
    tail = cells[first:] if first is not None else []
    return bool(tail) and all(c.is_number or DASH.match(c.text) for c in tail)


def names_years(cells: Sequence[Word]) -> bool:
    """Given a line's cells after its first, return whether they head columns by year.

    Header years lie close together (`jan–apr 2021 | jan–apr 2020`); values that
    read as years (`1964 | 2058 | 2085`) do not.
    """
    years = [int(year) for c in cells for year in YEAR_IN.findall(c.text)]
    return len(years) >= MIN_YEAR_HEADERS and max(years) - min(years) <= YEAR_SPAN
