"""Rows set vertically centred: a wrapped label's first line stands above its numbers.

Word processors centre a row's cells vertically by default. A label wrapped
over two lines then prints one line half a line above the row's numbers and
one half a line below, and the numbers' line has no label of its own; read
line by line, the upper label line would end the row above. It belongs to the
row its box overlaps.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from extract.readers.pdf.words import Line


def join_centred_labels(lines: Sequence[Line], holds_values: Callable[[Line], bool]) -> list[Line]:
    """Given a page's lines, return them with each centred row's upper label line joined to it.

    A line joins the line below when it holds no values itself, the two boxes
    overlap, and the lower line holds only values and prints nothing left of
    where the upper line ends (its label column is empty).
    """
    joined: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        below = lines[index + 1] if index + 1 < len(lines) else None
        if below is not None and _opens_centred_row(line, below, holds_values):
            joined.append(Line(tuple(sorted([*line.words, *below.words], key=lambda w: w.x0))))
            index += 2
            continue
        joined.append(line)
        index += 1
    return joined


def _opens_centred_row(line: Line, below: Line, holds_values: Callable[[Line], bool]) -> bool:
    """Given a line and the next, return whether the line is the next row's upper label line."""
    overlap = line.top < below.top < line.bottom
    return overlap and below.x0 > line.x1 and not holds_values(line) and holds_values(below)
