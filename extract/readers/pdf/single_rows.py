"""Rows with one number (`Björkängens förskola, ventilation  -68`).

A label and a lone number are a table row only where the page's tables show a
number column that number stands in; such rows may then make a table of their
own in the columns of the table they line up with (its continuation on the next
page).
"""

from __future__ import annotations

from extract.readers.pdf.columns import Column
from extract.readers.pdf.contents import LEADER
from extract.readers.pdf.rows import SplitLine
from extract.readers.pdf.words import CODE, DASH, NUMBER, YEAR, Word, first_number


def aligned_single(item: SplitLine, columns: list[Column]) -> bool:
    """Given a line, return whether it is a label and one number standing in a number column.

    Dashes for the row's other values (`Resultat  –  –  5 773  –`) may stand
    beside the number, each in a number column of its own.
    """
    if len(item.cells) < 2 or LEADER.search(item.cells[0].text):
        return False
    label, values = item.cells[0], item.cells[1:]
    numbers = [v for v in values if NUMBER.match(v.text)]
    if len(numbers) != 1 or not all(v in numbers or DASH.match(v.text) for v in values):
        return False
    if CODE.match(label.text) or YEAR.match(numbers[0].text):
        return False
    return all(_stands_in_column(v, label, columns) for v in values) and _distinct(values, columns)


def _stands_in_column(value: Word, label: Word, columns: list[Column]) -> bool:
    return any(c.numeric and c.aligns(value) and label.x1 < c.x0 for c in columns)


def _distinct(values: list[Word], columns: list[Column]) -> bool:
    """Given a row's values, return whether each stands in a number column of its own."""
    homes = [next(i for i, c in enumerate(columns) if c.numeric and c.aligns(v)) for v in values]
    return len(set(homes)) == len(homes)


def reference_columns(data: list[SplitLine], reference: list[Column]) -> list[Column]:
    """Given rows of one number each, return the page table columns they stand in, if any."""
    if not reference or not all(aligned_single(s, reference) for s in data):
        return []
    by_table: list[list[Column]] = [[]]
    for column in reference:
        if by_table[-1] and column.x0 < by_table[-1][-1].x0:
            by_table.append([])
        by_table[-1].append(column)
    fitting = [cs for cs in by_table if all(aligned_single(s, cs) for s in data)]
    return fitting[0] if fitting else []


def stands_in(data: list[SplitLine], columns: list[Column]) -> bool:
    """Given rows, return whether their labels and numbers all line up with the columns."""
    for item in data:
        first = first_number(item.cells)
        if not first:
            return False
        label, numbers = item.cells[0], item.cells[first:]
        if not any(c.aligns(label) for c in columns if not c.numeric):
            return False
        if not all(any(c.numeric and c.aligns(n) for c in columns) for n in numbers):
            return False
    return True
