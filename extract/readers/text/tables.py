"""Lines of a text export -> text blocks and table drafts, in reading order.

Three table layouts survive in exports that lost their layout:

* Tab-separated rows (`text_tabs`): a run of consecutive lines containing a tab, one row
  per line, cells split on tabs. The run must hold at least one line that is more than a
  single leading tab (`Intäkter\\t39 593`, `\\tMål 2024\\tUtfall 2024`); lines that are a
  single leading tab and text then join it as rows (`\\tStatus`). A blank line or a line
  without a tab ends the table; a separator of dashes and tabs (`----\\t----`) is no row.
* One cell per tab-led line (`text_cells`): a *group* is a run of lines that each start
  with the only tab on the line, standing alone between blank lines (text may precede the
  first group directly: it is the caption). A table is >= 2 consecutive groups, one blank
  line apart, of the same length >= 2, where every group after the first (the header)
  holds a number after its first cell. Anything else (a bullet `\\t· …` followed by plain
  lines, a lone label group) is running text.
* Markdown pipe tables (`text_markdown`): a `| … |` line followed by a `|---|---|` line,
  then the `| … |` lines below.

All other non-empty lines are text blocks, one per line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extract.model import RawCell, TextBlock
from extract.readers.layout import TableDraft
from extract.readers.text.markup import (
    is_pipe_separator,
    line_to_text,
    markup_to_text,
    pipe_cells,
)

MIN_GROUP_CELLS = 2
# A printed amount or rate: `-3 200`, `190,7`, `- 14 000`, `68,4 %` (also a truncated `-26 62`).
NUMBER = re.compile(r"^[-+−–]?\s?\d[\d\s]*(?:[.,]\d+)?\s?%?$")
# A separator cell: only dashes, at least this many in one cell (a lone `-` is a printed nil).
SEPARATOR_DASHES = 3


@dataclass(frozen=True)
class Line:
    """One line of the file: its 0-based position, its page and its text (no form feeds)."""

    number: int
    page: int
    text: str


@dataclass(frozen=True)
class Segment:
    """A run of lines of one kind inside a block of non-blank lines."""

    kind: str  # text | tabs | cells | pipes
    lines: list[Line]
    opens_block: bool
    closes_block: bool


def lines_to_items(lines: list[Line]) -> Iterator[TextBlock | TableDraft]:
    """Given the lines of a file, yield its text blocks and table drafts in reading order."""
    segments = [segment for block in _blocks(lines) for segment in _block_segments(block)]
    index = 0
    while index < len(segments):
        end = _group_table_end(segments, index)
        if end > index:
            yield _groups_to_table(segments[index : end + 1])
            index = end + 1
            continue
        yield from _segment_items(segments[index])
        index += 1


def _blocks(lines: list[Line]) -> Iterator[list[Line]]:
    """Given lines, yield the runs of non-blank lines (a line with a tab is never blank)."""
    block: list[Line] = []
    for line in lines:
        if line.text.strip() or "\t" in line.text:
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def _block_segments(block: list[Line]) -> list[Segment]:
    """Given a block of non-blank lines, return it cut into runs of one kind each."""
    runs: list[tuple[str, list[Line]]] = []
    index = 0
    while index < len(block):
        kind, end = _run_at(block, index)
        runs.append((kind, block[index:end]))
        index = end
    last = len(runs) - 1
    return [
        Segment(kind, run, opens_block=i == 0, closes_block=i == last)
        for i, (kind, run) in enumerate(runs)
    ]


def _run_at(block: list[Line], start: int) -> tuple[str, int]:
    """Given a block and a start line, return the kind of the run there and where it ends."""
    if _pipe_table_starts(block, start):
        end = start + 2
        while end < len(block) and block[end].text.lstrip().startswith("|"):
            end += 1
        return "pipes", end
    end = start
    if "\t" in block[start].text:
        while end < len(block) and "\t" in block[end].text:
            end += 1
        tab_rows = any(not _is_cell_line(line.text) for line in block[start:end])
        return ("tabs" if tab_rows else "cells"), end
    while end < len(block) and "\t" not in block[end].text and not _pipe_table_starts(block, end):
        end += 1
    return "text", end


def _pipe_table_starts(block: list[Line], index: int) -> bool:
    """Given a block and a line index, return whether a Markdown pipe table starts there."""
    return (
        index + 1 < len(block)
        and block[index].text.lstrip().startswith("|")
        and is_pipe_separator(block[index + 1].text)
    )


def _is_cell_line(text: str) -> bool:
    """Given a line, return whether it is one cell led by the only tab on the line."""
    return text.startswith("\t") and text.count("\t") == 1


def _group_table_end(segments: list[Segment], start: int) -> int:
    """Given segments and a start, return the index of the last group of a table there, or start."""
    first = segments[start]
    width = len(first.lines)
    if first.kind != "cells" or not first.closes_block or width < MIN_GROUP_CELLS:
        return start
    end = start
    while end + 1 < len(segments) and _continues_groups(segments[end], segments[end + 1], width):
        end += 1
    return end


def _continues_groups(previous: Segment, candidate: Segment, width: int) -> bool:
    """Given a group and the next segment, return whether that is a body group of the table."""
    return (
        candidate.kind == "cells"
        and candidate.opens_block
        and candidate.closes_block
        and len(candidate.lines) == width
        and candidate.lines[0].number - previous.lines[-1].number == 2
        and any(NUMBER.match(_cell(line.text[1:]).text) for line in candidate.lines[1:])
    )


def _groups_to_table(groups: list[Segment]) -> TableDraft:
    """Given the groups of a one-cell-per-line table, return it as a draft, one row per group."""
    rows = [[_cell(line.text[1:], group.lines[0].page) for line in group.lines] for group in groups]
    return TableDraft(rows=rows, page=groups[0].lines[0].page, method="text_cells")


def _segment_items(segment: Segment) -> Iterator[TextBlock | TableDraft]:
    """Given a segment that is not part of a group table, yield it as a table or as text."""
    lines = segment.lines
    if segment.kind == "tabs":
        rows = [_tab_row(line) for line in lines if not _is_separator(line.text)]
        yield TableDraft(rows=rows, page=lines[0].page, method="text_tabs")
    elif segment.kind == "pipes":
        rows = [_pipe_row(line) for line in [lines[0], *lines[2:]]]
        yield TableDraft(rows=rows, page=lines[0].page, method="text_markdown")
    else:
        for line in lines:
            text = line_to_text(line.text)
            if text:
                yield TextBlock(page=line.page, text=text)


def _is_separator(text: str) -> bool:
    """Given a tab-separated line, return whether it only underlines the row above."""
    cells = [cell.strip() for cell in text.split("\t")]
    return all(set(cell) <= {"-"} for cell in cells) and any(
        len(cell) >= SEPARATOR_DASHES for cell in cells
    )


def _tab_row(line: Line) -> list[RawCell]:
    """Given a tab-separated line, return its cells."""
    return [_cell(raw, line.page) for raw in line.text.split("\t")]


def _pipe_row(line: Line) -> list[RawCell]:
    """Given a Markdown table line, return its cells."""
    return [RawCell(text, line.page, italic=italic) for text, italic in pipe_cells(line.text)]


def _cell(raw: str, page: int = 1) -> RawCell:
    """Given a cell as exported (maybe with HTML fragments), return it as a printed cell."""
    text, italic = markup_to_text(raw)
    return RawCell(text=text, page=page, italic=italic)
