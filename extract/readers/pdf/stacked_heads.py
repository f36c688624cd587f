"""Header cells set bottom-aligned in one row, some wrapping over more lines than others.

Writer (and Word) set a header row's cells on its bottom line: a head of five
lines (`Utfall` / `(U)` / `(tusent` / `al` / `kronor)`) starts half a line above
a neighbour of four (`Avvikelse` / `(B-U)` / `(tusental` / `kronor)`) when the
row's height is not a whole number of lines apart, so the page's lines
interleave: each stands beside the one below it, overlapping it in height, not
above it. The row above (`Jan–mars` over three columns, `Helår 2025` over three)
stands a cell's padding apart from the first line of its columns' heads: a wider
gap than the leading between the lines of one head.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.readers.pdf.rows import SplitLine
from extract.readers.pdf.words import Word

BESIDE = 0.25  # a line overlapping the one below by this share of its height stands beside it
PADDING = 0.2  # a gap this much wider than its head's leading (x text height) parts two rows


def header_depth(headers: Sequence[SplitLine]) -> int:
    """Given header lines, top to bottom, return how many lines deep they stack: a line that
    overlaps the line opening the level below it stands beside that line, not above it."""
    depth = 0
    level_top = float("inf")
    for header in reversed(headers):
        line = header.line
        if line.bottom - level_top <= BESIDE * line.height:
            depth += 1
            level_top = line.top
    return depth


def set_apart(above: SplitLine, below: Sequence[SplitLine]) -> bool:
    """Given a header line and the header lines below it, return whether it stands a row's
    padding above the heads under its words: the gap to the first line below each word is
    wider than that head's own leading (the gap to the line under that), for every word
    that has a head of two or more lines under it."""
    measured = [_padding(word, below) for word in above.line.words]
    measured = [extra for extra in measured if extra is not None]
    return bool(measured) and all(extra > PADDING * above.line.height for extra in measured)


def _padding(word: Word, below: Sequence[SplitLine]) -> float | None:
    """Given a word and the lines below it, return how much wider its gap to the first word
    under it is than that word's gap to the next word under it (None without two such)."""
    first = _under(word, below)
    if first is None:
        return None
    head, rest = first
    second = _under(head, rest)
    if second is None:
        return None
    leading = second[0].top - head.bottom
    return (head.top - word.bottom) - leading


def _under(word: Word, below: Sequence[SplitLine]) -> tuple[Word, Sequence[SplitLine]] | None:
    """Given a word and the lines below it, return the first word below overlapping it across
    and the lines after that word's line, or None."""
    for index, line in enumerate(below):
        for candidate in line.line.words:
            if min(word.x1, candidate.x1) > max(word.x0, candidate.x0):
                return candidate, below[index + 1 :]
    return None
