"""Numbers a table reader split across neighbouring cells: withheld, never read in part.

When a reader cannot tell which digit groups make one number (a monospaced
run such as `2 425 978` whose columns stand one space apart too, see
`extract.readers.pdf.digit_runs`), the groups can land in neighbouring
cells: `−2` | `425 978`. Each part parses as a number, and `425 978` under
`Budget` would be a wrong number that looks right. So two neighbouring cells
whose parts would read as one number, no wider apart than one digit, are
both withheld as `malformed`, as a truncated `-26 62` is.
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


def withhold_split_numbers(
    rows: Sequence[Sequence[RawCell]], parsed: list[list[ParsedNumber]]
) -> list[list[ParsedNumber]]:
    """Given a table's cells and their parsed numbers, return the numbers with the parts of
    a split number withheld as malformed."""
    result = [list(numbers) for numbers in parsed]
    for row, numbers in zip(rows, result, strict=True):
        filled = [index for index, cell in enumerate(row) if cell.text.strip()]
        for left, right in zip(filled, filled[1:], strict=False):
            if _split(row[left], row[right]):
                numbers[left] = numbers[right] = SPLIT
    return result


def _split(left: RawCell, right: RawCell) -> bool:
    """Given two neighbouring filled cells, return whether they print parts of one number."""
    if left.bbox is None or right.bbox is None or left.page != right.page:
        return False
    left_text, right_text = left.text.strip(), right.text.strip()
    if not (_OPENING.match(left_text) and _CONTINUING.match(right_text)):
        return False
    advance = (right.bbox[2] - right.bbox[0]) / len(right_text)
    return right.bbox[0] - left.bbox[2] <= SPACE_WIDTH * advance
