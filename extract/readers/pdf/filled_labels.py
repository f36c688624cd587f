"""A label that fills its column, its row's numbers less than a cell gap after it.

A narrow table sets its longest label as wide as its column, and Writer pads
a cell by little more than a word space, so the first number of that row may
stand closer to the label than the gap that parts cells elsewhere
(`Årsarbeten 301,5 354,1`, each gap 0.75 of the text height): the line reads
as one text. The gap before its numbers is still wider than any font's word
space (a monospaced space is one digit's advance, a proportional one half of
it), so a run of numbers that ends a cell is cut off its words there.
"""

from __future__ import annotations

from extract.readers.pdf.words import Line, Word, segments, union

WIDE_SPACE = 1.2  # a gap wider than this many digit advances is no word space


def cut_trailing_numbers(
    line: Line, cells: list[Word], cell_gap: float, number_gap: float
) -> list[Word]:
    """Given a line and its cells, return them with the numbers that end a text cell, set
    further than a word space after its words, cut off into cells of their own."""
    cut: list[Word] = []
    for cell in cells:
        words = [w for w in line.words if cell.x0 <= w.x0 and w.x1 <= cell.x1]
        start = _trailing_numbers(words)
        if start is None:
            cut.append(cell)
            continue
        numbers = Line(tuple(words[start:]))
        cut += [union(words[:start]), *segments(numbers, cell_gap, number_gap)]
    return cut


def _trailing_numbers(words: list[Word]) -> int | None:
    """Given a cell's words, return where the numbers that end it start, when words come
    before them and a gap wider than a word space parts the two; else None."""
    start = len(words)
    while start > 0 and words[start - 1].is_number:
        start -= 1
    if start == 0 or start == len(words):
        return None
    text, number = words[start - 1], words[start]
    advance = (number.x1 - number.x0) / len(number.text)
    return start if number.x0 - text.x1 > WIDE_SPACE * advance else None
