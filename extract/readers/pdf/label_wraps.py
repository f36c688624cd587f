"""Which row a wrapped label's lines belong to: the row line above them, or below.

A cell aligned to the top prints a wrapped label's first line beside the row's
numbers and the rest below them; one aligned to the bottom (an HTML table's
baseline, a spreadsheet's default) prints the rest above, so the numbers stand
beside the label's last line. Position alone cannot tell them apart, since both
alternate label lines and number lines. The words can: a line ending in a
broken word (`Välfärdsteknik 2025–`) continues on the line below, and a line
that is one word in lower case or has no letter (`hamnen (1)`, `(2)`) continues
the line above, and so does any line whose label opens in lower case, a row line
under a label line (`och mindre` / `investeringar centrum  11 272`) or a label line
under a row line (`9546 Ombyggnad  32 882` / `entré centrum`), unless it opens with
a sub-line word (`varav`). A table is read bottom-aligned only when its label lines
show that and nothing shows the opposite.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extract.readers.pdf.rows import SplitLine
from extract.readers.pdf.words import Word, first_value
from extract.vocabulary import column

BROKEN_END = re.compile(r"\w[-–]$")  # `2025–`, `Kultur-`: the word goes on on the next line
WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé]+")
CODE = re.compile(r"\d+")  # `3820`: a project's number, wrapped apart from its name
LABEL_SLACK = 1.0  # points a wrapped label's number may stand past the label above it


def label_text(item: SplitLine) -> str:
    """Given a line, return the label text it prints (all of it for a line without numbers)."""
    first = first_value(item.cells) if item.is_row else None
    cells = item.cells[:first] if first is not None else item.cells
    return " ".join(cell.text for cell in cells).strip()


def wraps_end_on_row_line(block: Sequence[SplitLine]) -> bool:
    """Given a table's data lines, return whether its labels wrap above their numbers."""
    above = below = 0
    for upper, lower in zip(block, block[1:], strict=False):
        if upper.is_row == lower.is_row:
            continue
        upper_text, lower_text = label_text(upper), label_text(lower)
        if not upper_text or not lower_text:
            continue
        broken = bool(BROKEN_END.search(upper_text))
        if not (broken or lower.is_row) and CODE.fullmatch(lower_text):
            continue  # a bare number under a row may as well open the next label
        continues = broken or is_label_rest(lower_text) or _opens_in_lower_case(lower_text)
        if continues and lower.is_row:
            above += 1  # a label line that goes on beside the numbers below it
        elif continues:
            below += 1  # a row whose label goes on on the label line below it
    return above > 0 and below == 0


def demote_label_numbers(block: Sequence[SplitLine]) -> list[SplitLine]:
    """Given a block's lines, return them with rows of numbers that stand under other rows'
    label text read as label lines.

    A narrow label column wraps a label's trailing numbers onto a line of their own
    (`Verksamhetssystem 2025–` / `2026 4 (5)`, `Verksamhetssystem norra` / `8 (9)`):
    numbers enough for a row, but printed where the other rows print their labels.
    Numbers of a row stand right of every label; a line with any number there stays a row.
    """
    labels = [(index, cell) for index, item in enumerate(block) for cell in _label_cells(item)]
    demoted = list(block)
    for index, item in enumerate(block):
        if not item.is_row or _label_cells(item):
            continue
        others = [cell for at, cell in labels if at != index]
        if all(any(_stands_under(value, label) for label in others) for value in item.cells):
            demoted[index] = replace(item, is_row=False)
    return demoted


def _label_cells(item: SplitLine) -> list[Word]:
    """Given a row line, return its text cells before its first value (none for a label line)."""
    first = first_value(item.cells) if item.is_row else None
    return [cell for cell in item.cells[:first] if not cell.is_number] if first else []


def _stands_under(value: Word, label: Word) -> bool:
    """Given a value cell and a label cell of another line, return whether the label's
    printed extent covers the value's."""
    return label.x0 - LABEL_SLACK <= value.x0 and value.x1 <= label.x1 + LABEL_SLACK


def opens_first_row(above: SplitLine, block: Sequence[SplitLine]) -> bool:
    """Given the label line right above a table's first row, return whether it is that
    row's label's first line: the row's label is the end of one (`hamnen`, or any words
    in lower case: `verktyg fas 1` under `6891 Digitala` atop a continued table's page),
    in a bottom-aligned table, or in any table a label that can only go on one
    (`gemensamma`): a row centred on a label of three lines prints one above its
    numbers (`Nämndens` / `gemensamma  39,60` / `kostnader`).

    Else it is a section label over the rows (`Färdigställda projekt`), passed over.
    """
    first = block[0]
    rest = label_text(first)
    if above.is_row or not rest:
        return False
    if _opens_in_lower_case(rest):
        return True
    return (is_label_rest(rest) or rest[0].islower()) and wraps_end_on_row_line([above, *block])


def is_label_rest(text: str) -> bool:
    """Given a line's label text, return whether it can only be the end of a label.

    No letter at all (`(2)`), or one word in lower case (`hamnen (1)`); two or
    more (`varav löner`) may be a sub-line of its own.
    """
    words = WORD.findall(text)
    return not words or (len(words) == 1 and text[0].islower())


def _opens_in_lower_case(text: str) -> bool:
    """Given a line's label text, return whether it can only go on with a label: it opens
    in lower case and not with a sub-line word (`varav löner`)."""
    return text[0].islower() and text.split()[0].casefold() not in _subline_words()


def _subline_words() -> frozenset[str]:
    return frozenset(column("subline_words.csv", "word"))


def group_row_lines(block: Sequence[SplitLine], joins_above, joins_below) -> list[list[SplitLine]]:
    """Given a table's data lines, return them grouped one row each.

    `joins_above(group, item)` says whether a label line may continue the row
    above (it stands close enough below it), `joins_below(group, item)` whether
    label lines stand close enough above a row line to open its label. Bottom-aligned,
    label lines wait for the row line below them; lines after the last row still end it.
    Label lines set apart from the row above but close above the row below are that
    row's label's first lines whatever the words say: a cell's lines stand closer
    together than its rows (`Planerat underhåll` / `och mindre` / `investeringar
    centrum  11 272`).
    """
    bottom_aligned = wraps_end_on_row_line(block)
    groups: list[list[SplitLine]] = []
    waiting: list[SplitLine] = []
    for item in block:
        if item.is_row and not waiting and _label_only(groups) and joins_below(groups[-1], item):
            groups[-1].append(item)
        elif item.is_row:
            groups.append([*waiting, item])
            waiting = []
        elif bottom_aligned:
            waiting.append(item)
        elif groups and joins_above(groups[-1], item):
            groups[-1].append(item)
        else:
            groups.append([item])
    if waiting and groups:
        groups[-1].extend(waiting)
    elif waiting:
        groups.append(waiting)
    return groups


def _label_only(groups: list[list[SplitLine]]) -> bool:
    """Given the groups so far, return whether the last holds label lines and no row line."""
    return bool(groups) and not any(item.is_row for item in groups[-1])
