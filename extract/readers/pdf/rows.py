"""One table row from its printed lines: each line's cells placed in the table's columns."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.model import RawCell
from extract.readers.pdf.columns import Column, assign, column_of
from extract.readers.pdf.tables import empty_cell
from extract.readers.pdf.words import Line, Word, union
from extract.readers.pdf.wrap import join_wrapped

MAX_SPACE = 1.5  # widest word space, in digit advances


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


def cut_at_flush_left_edges(
    block: list[SplitLine], columns: list[Column]
) -> tuple[list[SplitLine], list[Column]]:
    """Given a block's lines and its columns, return them with each number that starts
    before its flush-left column's edge cut there, and that column starting on its edge.

    A label's last number a word space before numbers set flush left (`fas 1` / `909`)
    reads as digit groups of one number (`1 909`) that starts before the edge where the
    column's other numbers start: the groups before the edge are the label's. The cut
    stands only where the digits' widths put a space's gap right before the edge.
    """
    edges = _flush_left_edges(block, columns)
    cut_block = [
        replace(item, line=Line(tuple(p for w in item.line.words for p in _cut(w, edges, columns))))
        if item.is_row
        else item
        for item in block
    ]
    if cut_block == block:
        return block, columns
    return cut_block, [replace(c, x0=edges.get(i, c.x0)) for i, c in enumerate(columns)]


def _flush_left_edges(block: list[SplitLine], columns: list[Column]) -> dict[int, float]:
    """Given a block and its columns, return where most numbers of each flush-left column
    start (the column's own x0 is its leftmost word's)."""
    starts: dict[int, list[float]] = {}
    for item in block:
        for word in item.line.words if item.is_row else ():
            index = column_of(word, columns)
            if columns[index].numeric and columns[index].left_aligned and word.is_number:
                starts.setdefault(index, []).append(round(word.x0, 1))
    return {index: max(set(xs), key=xs.count) for index, xs in starts.items() if len(xs) > 2}


def _cut(word: Word, edges: dict[int, float], columns: list[Column]) -> list[Word]:
    """Given a word, the flush-left edges and the columns, return the word's pieces."""
    edge = edges.get(column_of(word, columns))
    head, _, rest = word.text.partition(" ")
    if edge is None or not (head.isdigit() and rest.isdigit()) or word.x0 >= edge - 1:
        return [word]
    advance = (word.x1 - edge) / len(rest)  # the rest starts on the edge
    gap = edge - word.x0 - len(head) * advance
    if not 0 < gap <= MAX_SPACE * advance:
        return [word]
    return [replace(word, text=head, x1=edge - gap), replace(word, text=rest, x0=edge)]


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
