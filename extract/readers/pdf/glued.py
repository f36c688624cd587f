"""Numbers a label ran into: kept apart where the page's columns say so, else joined back.

A label wider than its cell prints up to the value beside it with no gap
(`Förbrukningsmaterial-198,72`, `verksamhetskostnader(2 972)`), so the text
layer splits a number off the letters it touches (`text_layer.GLUED_NUMBER`).
A hyphenated name (`Covid-19`) splits the same way. The number is a value only
where it ends on the right edge that numbers on other lines end on, a number
column; anywhere else the word is joined back as printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from extract.readers.pdf.words import THOUSANDS_GROUP, Word, union

MIN_ALIGNED = 2  # other lines whose numbers end on the split-off number's right edge
EDGE_TOLERANCE = 0.1  # right edges this close (x the text height) line up
VALUE_END = re.compile(r"\d[)%*]?$")  # how a printed value (or its last digit group) ends


def settle_glued(words: Sequence[Word], line_tolerance: float, number_gap: float) -> list[Word]:
    """Given a page's words in text order, return them with each number split off a label
    kept apart where it stands in a number column, else joined back to its label."""
    return _joined_unless(
        words, lambda index: _kept_apart(words, index, line_tolerance, number_gap)
    )


def join_glued(words: Sequence[Word]) -> list[Word]:
    """Given a page's words in text order, return them with every split-off number joined
    back to its label: the words as printed, for running text."""
    return _joined_unless(words, lambda _: False)


def _joined_unless(words: Sequence[Word], apart: Callable[[int], bool]) -> list[Word]:
    """Given words and whether the split-off number at an index stays apart, return the words
    with the others joined back."""
    settled: list[Word] = []
    for index, word in enumerate(words):
        if word.touches_label and settled and not apart(index):
            settled[-1] = union([settled[-1], word], sep="")
        else:
            settled.append(word)
    return settled


def _kept_apart(words: Sequence[Word], index: int, line_tolerance: float, gap: float) -> bool:
    """Given the page's words and the index of a split-off number, return whether it stands
    in a number column."""
    following = words[index + 1] if index + 1 < len(words) else None
    number = _number_end(words[index], following, line_tolerance, gap)
    return _in_number_column(number, words, line_tolerance)


def _number_end(word: Word, following: Word | None, line_tolerance: float, gap: float) -> Word:
    """Given a split-off number and the word after it, return the whole printed number's
    extent: `(2` goes on in `972)` a thousands space after it."""
    if following is None or abs(_centre(following) - _centre(word)) > line_tolerance:
        return word
    close = following.x0 - word.x1 <= gap * word.height
    return union([word, following]) if close and THOUSANDS_GROUP.match(following.text) else word


def _in_number_column(number: Word, words: Sequence[Word], line_tolerance: float) -> bool:
    """Given a number's extent and the page's words, return whether values on enough other
    lines end on its right edge."""
    tolerance = EDGE_TOLERANCE * number.height
    lines = {
        round(_centre(word) / line_tolerance)
        for word in words
        if abs(_centre(word) - _centre(number)) > line_tolerance
        and abs(word.x1 - number.x1) <= tolerance
        and VALUE_END.search(word.text)
    }
    return len(lines) >= MIN_ALIGNED


def _centre(word: Word) -> float:
    return (word.top + word.bottom) / 2
