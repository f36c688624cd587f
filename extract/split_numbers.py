"""Numbers a table reader split across neighbouring cells: withheld, never read in part.

When a reader cannot tell which digit groups make one number (a monospaced
run such as `2 425 978` whose columns stand one space apart too, see
`extract.readers.pdf.digit_runs`), the groups can land in neighbouring
cells: `−2` | `425 978`. Each part parses as a number, and `425 978` under
`Budget` would be a wrong number that looks right. So two neighbouring cells
whose parts would read as one number, no wider apart than one digit, are
both withheld as `malformed`, as a truncated `-26 62` is, unless each ends
where every other number of its column ends (`188 239 | 282 521` under
`28 755 | 40 227`), or starts where they all start in columns set flush left
(Writer's `300 359 | 298 584` under `559 | 563`): parts of a number do not
line up with both columns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.model import RawCell
from extract.numbers import ParsedNumber

# The left part: an unsigned or signed 1-3 digit group, maybe with thousands groups.
_OPENING = re.compile(r"^[-−–+]?\s?\d{1,3}(?:[ \u00a0]\d{3})*$")
# The right part: unsigned thousands groups, maybe with decimals (`425 978`, `001`).
_CONTINUING = re.compile(r"^\d{3}(?:[ \u00a0]\d{3})*(?:,\d+)?$")
SPACE_WIDTH = 1.1  # widest gap between the parts, in digit advances (a monospaced space)
SPLIT = ParsedNumber(None, "malformed")
EDGE_TOLERANCE = 0.1  # share of a digit's advance a number's end may stand from its column's
MIN_EDGE_SUPPORT = 2  # other numbers of a column that must end at one place to make its edge


def withhold_split_numbers(
    rows: Sequence[Sequence[RawCell]], parsed: list[list[ParsedNumber]]
) -> list[list[ParsedNumber]]:
    """Given a table's cells and their parsed numbers, return the numbers with the parts of
    a split number withheld as malformed."""
    pairs = [
        (row_index, left, right)
        for row_index, row in enumerate(rows)
        for left, right in _neighbours(row)
        if _split(row[left], row[right])
    ]
    suspects = {(row, column) for row, left, right in pairs for column in (left, right)}
    edges = _column_edges(rows, parsed, suspects)
    result = [list(numbers) for numbers in parsed]
    for row_index, left, right in pairs:
        row = rows[row_index]
        if not (_on_edge(row[left], edges.get(left)) and _on_edge(row[right], edges.get(right))):
            result[row_index][left] = result[row_index][right] = SPLIT
    return result


def _neighbours(row: Sequence[RawCell]) -> list[tuple[int, int]]:
    """Given a row, return the column indices of each two neighbouring filled cells."""
    filled = [index for index, cell in enumerate(row) if cell.text.strip()]
    return list(zip(filled, filled[1:], strict=False))


def _column_edges(rows, parsed, suspects) -> dict[int, list[tuple[float, float]]]:
    """Given a table's cells, numbers and the cells that may be parts of a number, return
    the left and right edges of each column's other numbers: where its numbers start and
    end when none of them stands a space from its neighbour."""
    edges: dict[int, list[tuple[float, float]]] = {}
    for row_index, (row, numbers) in enumerate(zip(rows, parsed, strict=True)):
        for column, (cell, number) in enumerate(zip(row, numbers, strict=True)):
            if number.value is not None and cell.bbox and (row_index, column) not in suspects:
                edges.setdefault(column, []).append((cell.bbox[0], cell.bbox[2]))
    return edges


def _on_edge(cell: RawCell, edges: list[tuple[float, float]] | None) -> bool:
    """Given a cell that may be part of a number and its column's numbers' edges, return
    whether it ends where every other number of its column does (`188 239` under `28 755`
    in a right-aligned column) or starts where they all do (a column set flush left): a
    whole number of its own, not a part of one."""
    if not edges or cell.bbox is None or len(edges) < MIN_EDGE_SUPPORT:
        return False
    advance = (cell.bbox[2] - cell.bbox[0]) / len(cell.text.strip())
    tolerance = EDGE_TOLERANCE * advance
    ends = all(abs(right - cell.bbox[2]) <= tolerance for _, right in edges)
    starts = all(abs(left - cell.bbox[0]) <= tolerance for left, _ in edges)
    return ends or starts


def _split(left: RawCell, right: RawCell) -> bool:
    """Given two neighbouring filled cells, return whether they print parts of one number."""
    if left.bbox is None or right.bbox is None or left.page != right.page:
        return False
    left_text, right_text = left.text.strip(), right.text.strip()
    if not (_OPENING.match(left_text) and _CONTINUING.match(right_text)):
        return False
    advance = (right.bbox[2] - right.bbox[0]) / len(right_text)
    return right.bbox[0] - left.bbox[2] <= SPACE_WIDTH * advance
