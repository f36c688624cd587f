"""From a page's paragraphs and the lines they were joined from, to text blocks with geometry.

A paragraph is a run of consecutive lines joined with spaces; its block keeps the printed
lines and their bounding box, so that numbers standing in rows outside any found table
can be told apart from numbers in sentences (`extract.regions`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from extract.model import TextBlock


class PrintedLine(Protocol):
    """A line of text with its box on the page (what a layout reader knows of a line)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float


def paragraph_blocks(
    page: int, lines: Sequence[PrintedLine], paragraphs: Sequence[str]
) -> list[TextBlock]:
    """Given a page's lines in reading order and the paragraphs joined from them, return blocks.

    A paragraph whose lines cannot be matched keeps its text without lines or box.
    """
    blocks: list[TextBlock] = []
    cursor = 0
    for text in paragraphs:
        taken = _lines_of(text, lines, cursor)
        if not taken:
            blocks.append(TextBlock(page, text))
            continue
        cursor += len(taken)
        box = (
            min(ln.x0 for ln in taken),
            min(ln.top for ln in taken),
            max(ln.x1 for ln in taken),
            max(ln.bottom for ln in taken),
        )
        blocks.append(TextBlock(page, text, box, tuple(ln.text for ln in taken)))
    return blocks


def _lines_of(text: str, lines: Sequence[PrintedLine], start: int) -> list[PrintedLine]:
    """Given a paragraph and the lines from `start` on, return the lines it was joined from."""
    joined = ""
    for end in range(start, len(lines)):
        joined = f"{joined} {lines[end].text}" if end > start else lines[end].text
        if joined == text:
            return list(lines[start : end + 1])
        if len(joined) >= len(text):
            return []
    return []
