"""One table row from its printed lines: each line's cells placed in the table's columns."""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import RawCell
from extract.readers.pdf.columns import Column, assign, column_of
from extract.readers.pdf.tables import empty_cell
from extract.readers.pdf.words import Line, Word, union
from extract.readers.pdf.wrap import join_wrapped


@dataclass(frozen=True)
class SplitLine:
    """A printed line, its cells, and whether it reads as a table row."""

    line: Line
    cells: list[Word]
    is_row: bool


def cells_from_lines(
    group: list[SplitLine], columns: list[Column], page_number: int, by_word: bool = False
) -> list[RawCell]:
    """Given lines that form one row, return a rectangular list of cells.

    Header lines keep their cells whole (a group header spans columns); data
    lines are placed word by word, since text in neighbouring columns
    (`Ej aktuellt` `Ej aktuellt`) can stand closer than a cell gap.
    """
    pieces: dict[int, list[Word]] = {}
    spans: dict[int, int] = {}
    for item in group:
        for word, span, index in _placed(item, columns, by_word):
            pieces.setdefault(index, []).append(word)
            spans[index] = max(spans.get(index, 1), span)
    row: list[RawCell] = []
    for index in range(len(columns)):
        if index not in pieces:
            row.append(empty_cell(page_number))
            continue
        cell = join_wrapped(pieces[index], right_limit=_right_limit(columns, index))
        bbox = (cell.x0, cell.top, cell.x1, cell.bottom)
        row.append(RawCell(cell.text, page_number, bbox, cell.italic, spans[index]))
    return row


def _placed(item: SplitLine, columns: list[Column], by_word: bool) -> list[tuple[Word, int, int]]:
    """Given one line, return (text, span, column) for each column it fills."""
    if not by_word:
        return assign(item.cells, columns, strict=False)
    words: dict[int, list[Word]] = {}
    for word in item.line.words:
        words.setdefault(_word_column(word, columns), []).append(word)
    return [(union(ws), 1, index) for index, ws in sorted(words.items())]


def _word_column(word: Word, columns: list[Column]) -> int:
    """Given a word of a row and the columns, return the index of the column it is in.

    Numbers set flush left all start on their column's edge: a word that ends before
    that edge is the column before's (`Exploatering industriområde hamnen 32 | 5 493`,
    a long label's last word nearer the numbers than the column tolerance). Numbers set
    flush right all end on it: a word that ends short of where the first number column's
    numbers start is the label's (`Inventarier 2025–2026 4` over `(5)  37355`, a wrapped
    label's line longer than the labels of the row lines).
    """
    index = column_of(word, columns)
    column = columns[index]
    if index and column.numeric and column.left_aligned and word.x1 < column.x0:
        return index - 1
    short = word.x1 < column.x0 - column.tolerance
    if index and column.numeric and not columns[index - 1].numeric and short:
        return index - 1
    return index


def _right_limit(columns: list[Column], index: int) -> float:
    """Given columns and one's index, return how far right that column's text may run.

    Text over numbers set flush left (a header) runs on past them, up to the next column.
    """
    column = columns[index]
    if not column.left_aligned:
        return column.right
    return columns[index + 1].x0 if index + 1 < len(columns) else float("inf")
