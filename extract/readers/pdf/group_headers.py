"""Group headers centred over the columns they name: `Perioden` over `Utfall | Budget |
Avvikelse`, `Helår 2023` over `Budget | Prognos | Avvikelse`.

A centred group header is narrower than its columns and stands off their edges,
so it aligns with no column; only its centre tells where it belongs. Two or more
of them in one line divide the number columns between them: each column goes to
the nearest header's centre, and a group at either end gives up an outer column
that moves its columns' midpoint away from its header's centre (a column of its
own, `Utfall fg år`, before the first group). A header is centred over its cells,
which may reach into the gap beside their numbers. A ruled grid may leave its group
headers above its top rule, underlined apart (`group_row_above`).
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.model import RawCell
from extract.readers.pdf.columns import Column
from extract.readers.pdf.tables import empty_cell
from extract.readers.pdf.words import Word, segments, words_to_lines

MIN_GROUPS = 2  # one header over the columns is no division of them
MIN_RUN = 2  # a group names at least two columns
CENTRE_SHARE = 0.1  # a group header's centre this near its cells' midpoint (x their width)
EDGE = 3.0  # points a header below may stand outside its columns' printed extent
ABOVE_GAP = 1.0  # a group line stands this close above a grid (x its text height)


def group_runs(
    extents: Sequence[tuple[float, float]],
    columns: Sequence[Column],
    leaves: Sequence[tuple[float, float]],
) -> list[list[int]] | None:
    """Given the extents of a line's cells, left to right, the table's columns and the
    extents of the headers below the line, return the columns each cell heads.

    Cells centred left of the number columns (over the labels) are no groups and
    are passed over. None unless the line reads as centred group headers: two
    or more cells, each centred over two or more number columns with a header
    below wholly on either side of its centre (the upper line of wrapped headers
    has its rest right under it).
    """
    numeric = [index for index, column in enumerate(columns) if column.numeric]
    if len(numeric) < MIN_GROUPS * MIN_RUN:
        return None
    left, right = columns[numeric[0]].x0, columns[numeric[-1]].x1
    centres = [(x0 + x1) / 2 for x0, x1 in extents if (x0 + x1) / 2 >= left]
    if len(centres) < MIN_GROUPS or any(centre > right for centre in centres):
        return None
    runs: list[list[int]] = [[] for _ in centres]
    for index in numeric:
        nearest = min(range(len(centres)), key=lambda g: abs(columns[index].centre - centres[g]))
        runs[nearest].append(index)
    runs[0] = _trimmed(runs[0], centres[0], columns, from_left=True)
    runs[-1] = _trimmed(runs[-1], centres[-1], columns, from_left=False)
    if any(len(run) < MIN_RUN for run in runs):
        return None
    if not all(
        _centred(run, centre, columns, leaves) for run, centre in zip(runs, centres, strict=True)
    ):
        return None
    return runs


def _centred(
    run: list[int], centre: float, columns: Sequence[Column], leaves: Sequence[tuple[float, float]]
) -> bool:
    """Given a group's columns, its header's centre and the headers below, return whether
    the header stands centred over the columns, between headers of its own."""
    x0, x1 = columns[run[0]].x0, columns[run[-1]].x1
    if _off_centre(run, centre, columns) > CENTRE_SHARE * (x1 - x0):
        return False
    inside = [leaf for leaf in leaves if _heads_one_of(leaf, run, columns)]
    return any(b < centre for _, b in inside) and any(a > centre for a, _ in inside)


def _heads_one_of(leaf: tuple[float, float], run: list[int], columns: Sequence[Column]) -> bool:
    """Given a header's extent below a group, return whether it heads one of the group's
    columns: centred within them, or ending on one's right edge (a right-aligned head
    wider than its numbers, `Utfall (tusental kronor)`, centres left of them)."""
    a, b = leaf
    x0, x1 = columns[run[0]].x0, columns[run[-1]].x1
    if x0 - EDGE <= (a + b) / 2 <= x1 + EDGE:
        return True
    return any(abs(b - columns[index].x1) <= EDGE for index in run)


def _trimmed(
    run: list[int], centre: float, columns: Sequence[Column], from_left: bool
) -> list[int]:
    """Given a group's columns, return them without outer columns that pull it off centre."""
    while len(run) > MIN_RUN:
        shorter = run[1:] if from_left else run[:-1]
        if _off_centre(shorter, centre, columns) >= _off_centre(run, centre, columns):
            break
        run = shorter
    return run


def _off_centre(run: list[int], centre: float, columns: Sequence[Column]) -> float:
    """Given a group's columns and its header's centre, return how far the centre stands
    from where its cells' midpoint can be: the cells reach from somewhere in the gap
    before the first column (numbers set flush right) or after the last (flush left)."""
    x0, x1 = columns[run[0]].x0, columns[run[-1]].x1
    before = columns[run[0] - 1].x1 if run[0] > 0 else x0
    after = columns[run[-1] + 1].x0 if run[-1] + 1 < len(columns) else x1
    low, high = (before + x1) / 2, (x0 + after) / 2
    return max(low - centre, centre - high, 0.0)


def group_row_above(
    bbox: tuple[float, ...],
    columns: Sequence[Column],
    words: Sequence[Word],
    page: int,
    line_tolerance: float,
    *,
    cell_gap: float,
    number_gap: float,
) -> tuple[list[RawCell], float] | None:
    """Given a grid's frame and columns, the page's words and the gaps that part a line's
    cells (x text height, as the borderless reader's), return the group header row
    standing right above the grid and its top, or None if the line there groups nothing."""
    x0, top, x1, _ = bbox
    near = [w for w in words if x0 <= w.x0 and w.x1 <= x1 and w.bottom <= top + 1]
    lines = words_to_lines(near, line_tolerance)
    if not lines:
        return None
    line = max(lines, key=lambda ln: ln.bottom)
    if top - line.bottom > ABOVE_GAP * line.height:
        return None
    cells = segments(line, cell_gap, number_gap)
    runs = group_runs(
        [(cell.x0, cell.x1) for cell in cells], columns, [(c.x0, c.x1) for c in columns]
    )
    if runs is None or len(runs) != len(cells):
        return None
    row = [empty_cell(page) for _ in columns]
    for cell, run in zip(cells, runs, strict=True):
        bbox_of = (cell.x0, cell.top, cell.x1, cell.bottom)
        row[run[0]] = RawCell(cell.text, page, bbox_of, cell.italic, len(run))
    return row, line.top
