"""The header of a borderless table: the lines right above its first row.

A header line stands over the number columns without running into a column it
is not placed in. Its cells are placed by the words that end at a number
column's right edge: headers of right-aligned numbers are right-aligned too, so
`Budget 2025 Utfall` printed as one run holds two column headers (over numbers
set flush left, a header starts at the column's left edge instead).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from extract.model import RawCell
from extract.readers.pdf.columns import Column, assign
from extract.readers.pdf.group_headers import group_runs
from extract.readers.pdf.rows import SplitLine, cells_from_lines
from extract.readers.pdf.stacked_heads import header_depth, set_apart
from extract.readers.pdf.tables import empty_cell
from extract.readers.pdf.words import Line, Word, union

Box = tuple[float, float, float, float]  # a shaded rectangle: x0, top, x1, bottom
RIGHT_ALIGN = 2.0  # points between a header word's right edge and its column's
# Punctuation a typesetter lets hang past a right-aligned edge (`Utfall t.o.m.`), and
# how far, as a share of the text height.
HANGING_PUNCTUATION = ".,:;"
HANG = 0.5
MIN_CUT_COLUMNS = 2  # flush-left columns a cell from the labels must run into to be cut


@dataclass(frozen=True)
class HeaderSettings:
    """Tunables, as multiples of the text height."""

    header_gap: float = 1.6  # header lines this close above the first row
    wrap_gap: float = 0.5  # a label-only line this close below a header line wraps it
    max_header_lines: int = 10


def header_lines(
    above: list[SplitLine], top: Line | None, columns: list[Column], settings: HeaderSettings
) -> list[SplitLine]:
    """Given the lines above a table's first row (or above nothing: a page end), return its header.

    A header label can wrap (`Kostnad` / `förtroendemannaorganisati` / `on (tkr)`):
    label-only lines count when they wrap a header line standing over the
    number columns; others (a section label such as `Färdigställda projekt` right
    above the first row) are passed over.
    """
    headers: list[SplitLine] = []
    index = len(above) - 1
    while index >= 0 and header_depth(headers) < settings.max_header_lines:
        candidate = _cut_before_flush_left(_without_heads_past(above[index], columns), columns)
        if assign(candidate.cells, columns) is None:
            candidate = _cut_one_run(candidate, columns)
        gap = top.top - candidate.line.bottom if top is not None else 0.0
        if candidate.is_row or gap > settings.header_gap * candidate.line.height:
            break
        unplaced = assign(candidate.cells, columns) is None
        if (
            unplaced
            and not _label_only(candidate, columns)
            and not _groups_above(headers, candidate, columns)
        ):
            break
        headers.insert(0, candidate)
        top = candidate.line
        index -= 1
    while headers and assign(headers[0].cells, columns) is None:
        if _groups(headers[0], headers[1] if len(headers) > 1 else None, columns):
            break
        if _opens_wrapped_stub_head(headers, columns, settings):
            break
        headers.pop(0)
    return _wrapped_labels_only(headers, columns, settings)


def _cut_before_flush_left(line: SplitLine, columns: list[Column]) -> SplitLine:
    """Given a line above a table, return it with its cells cut where flush-left columns start.

    Headers over numbers set flush left start where the numbers do, and stand
    closer to the next column's header than a cell gap when the column is full
    (`Ack. utfall 2022 Årsbudget 2022` holds two headers; in a cramped table even
    the stub head: `Sjukfrånvaro % 2024 2023 Mål`). A cell that opens left of the
    numbers is cut only where a word starts each of two or more columns it runs into: a sentence
    running from the labels into the numbers has a word starting where a column
    does now and then (in a monospaced font every word starts on the same grid).
    """
    pieces: list[Word] = []
    for cell in line.cells:
        words = [w for w in line.line.words if cell.x0 <= w.x0 and w.x1 <= cell.x1]
        cuts = [i for i, w in enumerate(words) if i and _starts_flush_left_column(w, columns)]
        if not cuts or (
            _opens_left_of_numbers(cell, columns) and not _cut_at_each(cell, cuts, columns)
        ):
            pieces.append(cell)
            continue
        bounds = [0, *cuts, len(words)]
        pieces += [union(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return replace(line, cells=pieces)


def _without_heads_past(line: SplitLine, columns: list[Column]) -> SplitLine:
    """Given a line above a table, return it without the cells that start right of its last
    column, when the rest reads as a header: those head a column no row prints a number in
    (a table wider than the page, its last heads and numbers cut off at the page's edge)."""
    edge = columns[-1].x1 + RIGHT_ALIGN
    kept = [cell for cell in line.cells if cell.x0 <= edge]
    if len(kept) in (0, len(line.cells)) or assign(kept, columns) is None:
        return line
    return replace(line, cells=kept)


def _opens_left_of_numbers(cell: Word, columns: list[Column]) -> bool:
    """Given a cell and the columns, return whether it starts left of every number column."""
    return all(cell.x0 < c.x0 - RIGHT_ALIGN for c in columns if c.numeric)


def _cut_at_each(cell: Word, cuts: list[int], columns: list[Column]) -> bool:
    """Given a cell opening left of the numbers and where it would be cut, return whether a
    word starts each of the two or more flush-left columns it runs into (a caption reaching
    one column, `Sjukfrånvaro, procent`, is no row of heads)."""
    reached = sum(1 for c in columns if c.left_aligned and cell.x0 + RIGHT_ALIGN < c.x0 < cell.x1)
    return reached >= MIN_CUT_COLUMNS and len(cuts) >= reached


def _cut_one_run(line: SplitLine, columns: list[Column]) -> SplitLine:
    """Given a line above a table printed as one run over the stub and number columns, return
    it cut into the stub head and one head per column, or as it was.

    A monospaced font sets its heads a word space apart (`Sjukfrånvaro % jan–apr 2023
    jan–apr 2022`), and so does a cramped table (`Sjukfrånvaro % Period 2024 Period 2023
    Mål`): each column's head ends on its column's right edge, and the heads of one line
    are worded alike, so the first column's takes as many words as the others'.
    """
    words = list(line.line.words)
    ends = [i + 1 for i, word in enumerate(words) if _ends_at_number_column(word, columns)]
    if len(ends) < 2 or ends[-1] != len(words):
        return line
    size = _first_head_size([word.text for word in words], ends)
    stub_end = ends[0] - size if size else 0
    if stub_end < 1 or not _label_only(replace(line, cells=[union(words[:stub_end])]), columns):
        return line
    bounds = [0, stub_end, *ends]
    pieces = [union(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return replace(line, cells=pieces)


def _first_head_size(words: list[str], ends: list[int]) -> int | None:
    """Given a header run's words and where each column's head ends, return how many words
    the first column's head has: as many as every other head, or, where a head stands
    apart (a target's `Mål` after `Period 2024 Period 2023`), as many as the head next
    to it when worded as it is up to the last word; None when the heads do not tell."""
    sizes = [b - a for a, b in zip(ends, ends[1:], strict=False)]
    if len(set(sizes)) == 1:
        return sizes[0]
    size = sizes[0]
    first, second = words[ends[0] - size : ends[0] - 1], words[ends[0] : ends[1] - 1]
    return size if size > 1 and first == second else None


def _groups_above(headers: list[SplitLine], line: SplitLine, columns: list[Column]) -> bool:
    """Given the header lines found so far and the line above, return whether it groups them."""
    return bool(headers) and _groups(line, headers[0], columns)


def _groups(line: SplitLine, below: SplitLine | None, columns: list[Column]) -> bool:
    """Given a header line and the one below it, return whether it holds centred groups."""
    if below is None:
        return False
    extents = [(cell.x0, cell.x1) for cell in line.cells]
    leaves = [(cell.x0, cell.x1) for cell in below.cells]
    return group_runs(extents, columns, leaves) is not None


def _groups_over(line: SplitLine, below: list[SplitLine], columns: list[Column]) -> bool:
    """Given a header line and all header lines below it, return whether it holds centred
    groups over them (a wrapped header below, `Utfall fg` / `år`, leaves a line that
    holds only part of the leaves)."""
    extents = [(cell.x0, cell.x1) for cell in line.cells]
    leaves = [(cell.x0, cell.x1) for lower in below for cell in lower.cells]
    return bool(leaves) and group_runs(extents, columns, leaves) is not None


def _opens_wrapped_stub_head(headers: list[SplitLine], columns: list[Column], settings) -> bool:
    """Given header lines, return whether the label-only first one opens a stub head that
    wraps past the column heads (`Barn- och utbildningsnämnden, tusental` / `Utfall 2022` /
    `kronor`): set as tight as a wrap and continued in the label column below, it holds the
    head's first words (often its unit), not a section title."""
    if len(headers) < 3 or not _label_only(headers[0], columns):
        return False
    gap = headers[1].line.top - headers[0].line.bottom
    if gap > settings.wrap_gap * headers[0].line.height:
        return False
    return any(_label_only(line, columns) for line in headers[2:])


def _label_only(line: SplitLine, columns: list[Column]) -> bool:
    """Given a line above a table, return whether it only holds text in the label column."""
    placed = assign(line.cells, columns, strict=False)
    return all(not columns[i].numeric and span == 1 for _, span, i in placed)


def _wrapped_labels_only(headers: list[SplitLine], columns, settings) -> list[SplitLine]:
    """Given header lines, return them without label-only lines that wrap no line above."""
    kept = headers[:1]
    for above, below in zip(headers, headers[1:], strict=False):
        gap = below.line.top - above.line.bottom
        if assign(below.cells, columns) is not None or gap <= settings.wrap_gap * above.line.height:
            kept.append(below)
    return kept


def header_rows(
    headers: list[SplitLine],
    columns: list[Column],
    page: int,
    settings: HeaderSettings,
    shades: Sequence[Box] = (),
) -> list[list[RawCell]]:
    """Given header lines (and the page's shaded rectangles), return the header rows they make.

    A line of centred group headers stays whole: a word of `Period jan–aug` may
    end on a column's edge by chance without ending a header there.
    """
    split = [
        h
        if _groups_over(h, headers[i + 1 :], columns)
        else replace(h, cells=_aligned_pieces(h, columns))
        for i, h in enumerate(headers)
    ]
    bands = _header_bands(split, columns, settings, shades)
    rows = [cells_from_lines(band, columns, page) for band in bands]
    return [
        _group_spans(row, below, columns) for row, below in zip(rows, rows[1:], strict=False)
    ] + rows[-1:]


def _group_spans(row: list[RawCell], below: list[RawCell], columns: list[Column]) -> list[RawCell]:
    """Given a header row above another, return it with its group headers spread.

    A sparse upper header row names groups of the columns below it (`Utgifter
    sedan projektets start` over `Total projektbudget | Ack. Utfall |
    Avvikelse`): each of its cells over a number column covers the empty number
    columns to its right, up to the next cell. A cell printed wider than one
    column (`Period jan–aug` centred over two) covers the columns under it,
    unless the columns are set flush left.
    """
    centred = _centred_groups(row, below, columns)
    if centred is not None:
        return centred
    spread = list(row)
    for index, cell in enumerate(row):
        if not cell.text or not columns[index].numeric:
            continue
        under = _under(cell, columns)
        # A phrase printed over several columns spans just those; one set flush left
        # like its columns runs on as far as its words go, whatever it heads.
        if len(under) > 1 and not columns[index].left_aligned:
            spread[index] = replace(cell, span=under[-1] - index + 1)
            continue
        end = index + 1
        while end < len(row) and not row[end].text and columns[end].numeric:
            end += 1
        spread[index] = replace(cell, span=max(cell.span, end - index))
    return spread


def _centred_groups(
    row: list[RawCell], below: list[RawCell], columns: list[Column]
) -> list[RawCell] | None:
    """Given a header row and the row below, return it with its centred group headers
    over their columns; None when the row holds no such groups (group_headers)."""
    groups = [
        (index, cell)
        for index, cell in enumerate(row)
        if cell.text and cell.bbox is not None and columns[index].numeric
    ]
    leaves = [(cell.bbox[0], cell.bbox[2]) for cell in below if cell.text and cell.bbox]
    runs = group_runs([(cell.bbox[0], cell.bbox[2]) for _, cell in groups], columns, leaves)
    if runs is None or len(runs) != len(groups):
        return None
    spread = [
        cell if not columns[index].numeric else empty_cell(cell.page)
        for index, cell in enumerate(row)
    ]
    for (_, cell), run in zip(groups, runs, strict=True):
        spread[run[0]] = replace(cell, span=len(run))
    return spread


def _under(cell: RawCell, columns: list[Column]) -> list[int]:
    """Given a header cell, return the number columns its printed extent overlaps."""
    if cell.bbox is None:
        return []
    return _under_extent(cell.bbox[0], cell.bbox[2], columns)


def _under_extent(x0: float, x1: float, columns: list[Column]) -> list[int]:
    """Given a printed extent, return the number columns it overlaps."""
    return [i for i, c in enumerate(columns) if c.numeric and min(x1, c.x1) > max(x0, c.x0)]


def _header_bands(
    headers: list[SplitLine], columns: list[Column], settings: HeaderSettings, shades
) -> list[list[SplitLine]]:
    """Given header lines, return bands: one per group of lines set apart by a line gap
    or by the shaded cells they stand in.

    A line with a spanning cell (a group header) stands alone too.
    """
    bands: list[list[SplitLine]] = []
    previous_spans = True
    for index, header in enumerate(headers):
        spans = any(span > 1 for _, span, _ in assign(header.cells, columns, strict=False))
        below = headers[index + 1] if index + 1 < len(headers) else None
        spans = spans or _groups(header, below, columns)
        above = bands[-1][-1].line if bands else None
        apart = above is None or header.line.top - above.bottom > settings.wrap_gap * above.height
        apart = apart or _shaded_apart(bands[-1][-1], header, columns, shades)
        apart = apart or set_apart(bands[-1][-1], headers[index:])
        if spans or previous_spans or apart:
            bands.append([header])
        else:
            bands[-1].append(header)
        previous_spans = spans
    return bands


def _shaded_apart(above: SplitLine, below: SplitLine, columns: list[Column], shades) -> bool:
    """Given two header lines, the columns and the page's shaded rectangles, return whether
    a shaded cell over the numbers holds the upper line and ends above the lower one.

    Writer shades each header cell and sets its rows closer than a wrap: only the
    shading tells a group row (`Perioden`) from the first line of the heads below it.
    """
    middle = (below.line.top + below.line.bottom) / 2
    placed = assign(above.cells, columns, strict=False)
    cells = [cell for cell, _, index in placed if columns[index].numeric]
    return any(_holds(box, cell) and box[3] < middle for cell in cells for box in shades)


def _holds(box: Box, word: Word) -> bool:
    """Given a shaded rectangle and a word, return whether the word stands inside it."""
    x0, top, x1, bottom = box
    middle = (word.top + word.bottom) / 2
    return x0 <= word.x0 and word.x1 <= x1 and top <= middle <= bottom


def _aligned_pieces(line: SplitLine, columns: list[Column]) -> list[Word]:
    """Given a header line, return its cells cut after each word ending at a number column.

    A cell that starts on a number column's left edge and runs over several is cut
    too where a word starts on a column's left edge: headers set flush left over
    numbers of one width, which line up on both edges (`2021-03-31 2020-03-31 Mål`).
    """
    pieces: list[Word] = []
    for cell in line.cells:
        words = [w for w in line.line.words if cell.x0 <= w.x0 and w.x1 <= cell.x1]
        flush = bool(words) and _starts_number_column(words[0], columns)
        wide = flush and len(_under_extent(cell.x0, cell.x1, columns)) > 1
        cuts = [
            i + 1
            for i, (w, following) in enumerate(zip(words, words[1:], strict=False))
            if _ends_at_number_column(w, columns)
            or _starts_flush_left_column(following, columns)
            or (wide and _starts_number_column(following, columns))
        ]
        bounds = [0, *cuts, len(words)]
        if not cuts or not words:
            pieces.append(cell)
            continue
        pieces += [union(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    return pieces


def _ends_at_number_column(word: Word, columns: list[Column]) -> bool:
    """Given a header word, return whether it ends on a right-aligned number column's edge."""
    hang = HANG * (word.bottom - word.top) if word.text[-1:] in HANGING_PUNCTUATION else 0.0
    return any(
        c.numeric and not c.left_aligned and -RIGHT_ALIGN <= word.x1 - c.x1 <= RIGHT_ALIGN + hang
        for c in columns
    )


def _starts_number_column(word: Word, columns: list[Column]) -> bool:
    """Given a header word, return whether it starts on a number column's left edge."""
    return any(c.numeric and abs(word.x0 - c.x0) <= RIGHT_ALIGN for c in columns)


def _starts_flush_left_column(word: Word, columns: list[Column]) -> bool:
    """Given a header word, return whether it starts where flush-left numbers start."""
    return any(c.left_aligned and abs(word.x0 - c.x0) <= RIGHT_ALIGN for c in columns)
