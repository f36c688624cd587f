"""Shared reader steps: a stream of text and table drafts in reading order -> tables and text.

Readers that have no geometry (DOCX, text exports) emit their content in reading order
as `TextBlock`s and `TableDraft`s; `stream_to_parts` then gives each table the text
that introduces it, the same way for every such reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from extract.model import RawCell, RawTable, TextBlock

# Bound on the text kept in `RawTable.context`: enough for the paragraph or two above a
# table that states its unit ("Belopp i miljoner kronor"), not the whole chapter.
CONTEXT_CHARS = 600

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class TableDraft:
    """A table found in reading order, before its caption and context are known."""

    rows: list[list[RawCell]]
    page: int
    method: str


def collapse_whitespace(text: str) -> str:
    """Given text, return it with each whitespace run turned into one space, trimmed."""
    return _WHITESPACE.sub(" ", text).strip()


def rectangular(rows: list[list[RawCell]]) -> list[list[RawCell]]:
    """Given rows of unequal length, return them padded with empty cells to the widest."""
    width = max((len(row) for row in rows), default=0)
    return [row + [_empty_like(row)] * (width - len(row)) for row in rows]


def bounded_context(texts: list[str], limit: int = CONTEXT_CHARS) -> str:
    """Given the text blocks since the previous table, return at most `limit` chars of their end."""
    context = "\n".join(texts)
    if len(context) <= limit:
        return context
    tail = context[-limit:]
    # Cut at a word boundary so a unit phrase is never half a word.
    first_space = re.search(r"\s", tail)
    return tail[first_space.end() :] if first_space else tail


def stream_to_parts(
    items: Iterable[TextBlock | TableDraft],
) -> tuple[list[RawTable], list[TextBlock]]:
    """Given text blocks and table drafts in reading order, return the tables and the text.

    A table's caption is the nearest non-empty text block above it (also when another table
    stands in between); its context is the text since the previous table.
    """
    tables: list[RawTable] = []
    blocks: list[TextBlock] = []
    caption = ""
    since_previous: list[str] = []
    for item in items:
        if isinstance(item, TextBlock):
            blocks.append(item)
            caption = item.text
            since_previous.append(item.text)
            continue
        if not item.rows:
            continue
        tables.append(
            RawTable(
                rows=rectangular(item.rows),
                page=item.page,
                method=item.method,
                caption=caption,
                context=bounded_context(since_previous),
            )
        )
        since_previous = []
    return tables, blocks


def _empty_like(row: list[RawCell]) -> RawCell:
    """Given a row, return an empty cell on the page of its last cell (or page 1)."""
    return RawCell(text="", page=row[-1].page if row else 1)
