"""Columns of a borderless table, found from where its row cells stand.

Label cells are left-aligned, so label columns cluster on their left edges;
numbers are right-aligned, so number columns cluster on their right edges.
A cell with no value simply has nothing in that column, so a missing cell
lands in its right column by x alignment alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from extract.readers.pdf.words import DASH, Word, first_value, union

SPREAD_NOISE = 0.5  # points of edge spread that glyph rounding makes in numbers of one width


@dataclass(frozen=True)
class Column:
    """One column: its kind, its printed extent and how many rows fill it."""

    numeric: bool
    x0: float
    x1: float
    support: int
    tolerance: float
    left_aligned: bool = False  # numbers set flush left (some budget tables)

    @property
    def anchor(self) -> float:
        """The aligned edge: right for numbers (unless set flush left), left for labels."""
        return self.x1 if self.numeric and not self.left_aligned else self.x0

    def aligns(self, word: Word) -> bool:
        """Given a word, return whether it stands on this column's aligned edge."""
        edge = word.x0 if not self.numeric or self.left_aligned else word.x1
        return abs(edge - self.anchor) <= self.tolerance

    @property
    def right(self) -> float:
        return self.x1

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def block_columns(
    rows: Sequence[Sequence[Word]], tolerance: float, tie_flush_left: bool = False
) -> list[Column]:
    """Given the cells of each table row, return the table's columns left to right.

    `tie_flush_left` reads numbers that line up as well on either edge (all of
    one width) as flush left; the header then tells which reading holds.
    """
    labels: list[Word] = []
    numbers: list[Word] = []
    label_left = _label_left(rows)
    label_right = _label_right(rows)
    for cells in rows:
        first = _first_value(cells)
        if first == 0 and label_left is not None and _label_rest(cells, label_left, tolerance):
            first = 1
        if first == 1 and _unlabelled(cells, label_right, rows, tolerance):
            first = 0
        opening = first
        while (
            first is not None
            and first < len(cells)
            and _under_labels(cells, first, rows, tolerance)
        ):
            first += 1
        # numbers taken back into a label are one cell with it, not a column of their own
        labels += cells[:first] if first == opening else [union(cells[:first])]
        numbers += cells[first:]
    columns = _cluster(labels, lambda w: w.x0, False, tolerance)
    columns += _number_columns(numbers, tolerance, tie_flush_left)
    return sorted(columns, key=lambda c: c.centre)


def _label_left(rows: Sequence[Sequence[Word]]) -> float | None:
    """Given the cells of each row, return where the labels start: the first text cells'
    left edge, or None when no row opens with text."""
    starts = [cells[0].x0 for cells in rows if cells and not cells[0].is_number]
    return min(starts) if starts else None


def _label_right(rows: Sequence[Sequence[Word]]) -> float | None:
    """Given the cells of each row, return where the labels of rows opening with text end."""
    ends = [cells[0].x1 for cells in rows if cells and not cells[0].is_number]
    return max(ends) if ends else None


def _unlabelled(
    cells: Sequence[Word], label_right: float | None, rows: Sequence[Sequence[Word]], tolerance
) -> bool:
    """Given a row opening with a bare number read as a code, return whether that number
    is its first value instead: the row has no label (a page break moved it on to the
    next page: `101  226  226  0` under `6217 IT-infrastruktur  2 350  5 096 ...`).

    Such a number starts right of every label and ends where other rows' numbers end;
    taken for a code, it made a label column inside a number column, and the header
    over both was refused for the whole table (gen_47048_weasyprint lost 196 figures).
    """
    if label_right is None or not cells[0].is_number or cells[0].x0 <= label_right + tolerance:
        return False
    ends = [c.x1 for other in rows if other is not cells for c in other[1:] if c.is_number]
    return any(abs(cells[0].x1 - end) <= tolerance for end in ends)


def _label_rest(cells: Sequence[Word], label_left: float, tolerance: float) -> bool:
    """Given a row opening with a number, return whether that number ends a wrapped label:
    it stands where the labels start, with values after it (`Verksamhetssystem norra` /
    `4   1 366   1 455   89`)."""
    return len(cells) > 2 and abs(cells[0].x0 - label_left) <= tolerance


def _under_labels(cells: Sequence[Word], index: int, rows, tolerance: float) -> bool:
    """Given a row's cells, the index of the number opening its values and the cells of
    each row, return whether that number is a label's word: more rows print label text
    over it, running on past it, than print a number there.

    A wrapped label's last line (`Planerat underhåll och mindre investeringar etapp` /
    `2 24   2 415   2 337   −78`) may hold only numbers, the project's among them:
    they stand where the other rows' labels run, not in a column of their own. A label
    that ends where the number ends has run into its column (`cells.cut_at_column_edges`).
    """
    number = cells[index]
    covering = sum(
        1
        for other in rows
        if other and not other[0].is_number and _runs_past(other[0], number, tolerance)
    )
    overlapping = sum(
        1 for other in rows for c in other if c.is_number and c.x0 < number.x1 and number.x0 < c.x1
    )
    return number.is_number and covering > overlapping


def _runs_past(label: Word, word: Word, tolerance: float) -> bool:
    """Given a label cell and a word of another line, return whether the label's printed
    extent covers the word's and runs on past it."""
    return label.x0 - SPREAD_NOISE <= word.x0 and word.x1 + tolerance < label.x1


def _first_value(cells: Sequence[Word]) -> int | None:
    """Given a row's cells, return the index of its first value: a number or a dash before it."""
    first = first_value(cells)
    while first is not None and first > 1 and DASH.match(cells[first - 1].text):
        first -= 1
    return first


def _number_columns(numbers: list[Word], tolerance: float, tie_flush_left: bool) -> list[Column]:
    """Given the number cells of a table, return its number columns.

    Numbers are set flush right as a rule; a table whose numbers line up better
    on their left edges (fewer columns that way, or as many columns whose left
    edges stand closer together) has them flush left.
    """
    right = _without_strays(_cluster(numbers, lambda w: w.x1, True, tolerance))
    left = _without_strays(_cluster(numbers, lambda w: w.x0, True, tolerance))
    left_spread = _spread(numbers, left, lambda w: w.x0)
    right_spread = _spread(numbers, right, lambda w: w.x1)
    if tie_flush_left:
        closer = left_spread <= right_spread + SPREAD_NOISE
    else:
        closer = left_spread + SPREAD_NOISE < right_spread
    if len(left) < len(right) or (len(left) == len(right) and closer):
        return [replace(c, left_aligned=True) for c in left]
    return right


def _without_strays(columns: list[Column]) -> list[Column]:
    """Given number columns, return them without those one row prints across a column
    that several rows print.

    Columns of one table never overlap; a lone number that does is a piece of a number
    split where a monospaced run stayed unresolved (`282` `521` under `40 227`, whose
    `282` ends where another table's column does): read in its column, not as one.
    """
    return [
        column
        for column in columns
        if column.support > 1
        or not any(
            other.support > 1 and other.x0 < column.x1 and column.x0 < other.x1 for other in columns
        )
    ]


def _spread(words: list[Word], columns: list[Column], edge) -> float:
    """Given cells, their columns and the edge they were clustered on, return how far apart
    that edge stands within each column, summed over the columns."""
    total = 0.0
    for column in columns:
        edges = [edge(w) for w in words if column.x0 <= w.x0 and w.x1 <= column.x1]
        total += max(edges) - min(edges) if edges else 0.0
    return total


def _cluster(words: list[Word], edge, numeric: bool, tolerance: float) -> list[Column]:
    """Given cells and the edge they align on, return one Column per cluster of that edge."""
    groups: list[list[Word]] = []
    for word in sorted(words, key=edge):
        if groups and edge(word) - edge(groups[-1][-1]) <= tolerance:
            groups[-1].append(word)
        else:
            groups.append([word])
    return [
        Column(
            numeric=numeric,
            x0=min(w.x0 for w in group),
            x1=max(w.x1 for w in group),
            support=len({round(w.top) for w in group}),
            tolerance=tolerance,
        )
        for group in groups
    ]


def widen_labels(columns: list[Column], lines: Sequence[Sequence[Word]]) -> list[Column]:
    """Given columns and the label-only lines of a table, return label columns widened to them.

    Wrapped label lines are often wider than the first line of a label, and a
    mid-word break is judged against the column's full width. A line that runs
    into the number columns (a note under the table) is no label line.
    """
    widths = {i: c.x1 for i, c in enumerate(columns)}
    numbers = [c for c in columns if c.numeric]
    for cells in lines:
        for cell, _, index in assign(cells, columns, strict=False):
            if not columns[index].numeric and not _reaches_numbers(cell, numbers):
                widths[index] = max(widths[index], cell.x1)
    return [replace(c, x1=widths[i]) for i, c in enumerate(columns)]


def _reaches_numbers(cell: Word, numbers: Sequence[Column]) -> bool:
    """Given a label cell and the number columns, return whether it reaches into one."""
    return any(cell.x0 < c.x0 and cell.x1 > c.x0 + c.tolerance for c in numbers)


def assign(
    cells: Sequence[Word], columns: Sequence[Column], strict: bool = True
) -> list[tuple[Word, int, int]] | None:
    """Given a line's cells, return (cell, span, column index) for each.

    Strict (header lines): None unless every cell starts inside the table, no
    cell covers both a label and a number column or runs into a column it is
    not placed in (that is prose or a heading), no two cells share a column
    and at least one cell stands over a number column.
    """
    placed = [(cell, *_place(cell, columns, by_extent=not strict)) for cell in cells]
    if not strict:
        return [(cell, span, index) for cell, index, span in placed]
    left = columns[0].x0 - columns[0].tolerance
    last = columns[-1]
    # a header over numbers set flush left starts where they start, give or take
    last_start = last.x0 - last.tolerance if last.left_aligned else last.x0
    indices = [index for _, index, _ in placed]
    for cell, index, span in placed:
        covered = columns[index : index + span]
        if cell.x0 < left or (cell.x1 > last.x1 + last.tolerance and cell.x0 < last_start):
            return None  # a header wider than the last column's values starts before it
        if len({c.numeric for c in covered}) > 1 or _overlaps_others(cell, columns, covered):
            return None
    if len(set(indices)) < len(indices):
        return None
    if not any(columns[i].numeric for i in indices):
        return None
    return [(cell, span, index) for cell, index, span in placed]


def _overlaps_others(cell: Word, columns: Sequence[Column], covered: Sequence[Column]) -> bool:
    """Given a cell and the columns it is placed in, return whether it runs into others.

    Label columns overlap each other (a code column's longest cell runs on into the
    name column's), so a label cell is only judged against number columns; so is a
    header set flush right over its one number column (`(mnkr)` over `34,3`), which
    may reach back past a label that runs up to the numbers.
    """
    label = not any(c.numeric for c in covered)
    flush_right = len(covered) == 1 and not label and covered[0].aligns(cell)
    return any(
        min(cell.x1, c.x1) - max(cell.x0, c.x0) > c.tolerance
        for c in columns
        if c not in covered and not ((label or flush_right) and not c.numeric)
    )


def _place(cell: Word, columns: Sequence[Column], by_extent: bool) -> tuple[int, int]:
    """Given a cell, return (first column index, span) it stands over.

    Placing the cells of a header already accepted (`by_extent`), a cell over one
    column's numbers is that column's, whichever edge lies nearer another column's
    (`Utfall jan-aug` set flush left, its end towards the next column's edge).
    """
    covered = [i for i, c in enumerate(columns) if _covers(cell, c)]
    if len(covered) > 1:
        return covered[0], len(covered)
    numeric = [i for i in covered if columns[i].numeric]
    if by_extent and numeric:
        return numeric[0], 1
    if covered and not numeric:
        # a stub header wider than the labels under it (`Sjukfrånvaro (%)` over `Män`)
        # starts on their edge: its centre may lie past the gap after them
        return covered[0], 1
    return column_of(cell, columns), 1


def _covers(cell: Word, column: Column) -> bool:
    """Given a cell and a column, return whether the cell stands over the column.

    Over a number column means over its centre or well into its numbers; a label
    column is only known by its left edge (label lengths vary), so over a label
    column means over that edge.
    """
    if column.numeric and min(cell.x1, column.x1) - max(cell.x0, column.x0) > column.tolerance:
        return True  # a phrase centred over two columns reaches into both
    x = column.centre if column.numeric else column.x0 + column.tolerance / 2
    return cell.x0 <= x <= cell.x1


def column_of(word: Word, columns: Sequence[Column]) -> int:
    """Given a word, return the index of the column its centre falls in."""
    centre = (word.x0 + word.x1) / 2
    for index, boundary in enumerate(_boundaries(columns)):
        if centre < boundary:
            return index
    return len(columns) - 1


def _boundaries(columns: Sequence[Column]) -> list[float]:
    """Given columns, return the x where each one ends and the next begins.

    Text over a number column starts right after the column to its left, so a
    boundary sits just right of the left column, except before a label column
    or a column of numbers set flush left, which are told apart by where they
    start (a header over flush-left numbers runs on past them).
    """
    bounds = []
    for current, following in zip(columns, columns[1:], strict=False):
        if not following.numeric and not current.numeric or following.left_aligned:
            bounds.append(following.x0 - current.tolerance)
        else:
            bounds.append(current.x1 + current.tolerance)
    return bounds
