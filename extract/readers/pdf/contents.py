"""A table of contents drawn as a grid is text, not a table.

Its rows are headings with their page numbers: dot leaders after some headings
(`Uppföljning fyraåriga processmål.....  3`) and page numbers that never go down.
"""

from __future__ import annotations

import re

from extract.readers.pdf.tables import PageTable

LEADER = re.compile(r"\.{4,}|…")  # dot leaders between a heading and its page number
PAGE_NUMBER = re.compile(r"^\d{1,4}$")


def is_contents(table: PageTable) -> bool:
    """Given a page table, return whether it is a table of contents."""
    texts = [[c.text for c in row if c.text] for row in table.rows]
    if not any(LEADER.search(t) for row in texts for t in row):
        return False
    numbers = [t for row in texts for t in row[1:]]
    if not numbers or not all(PAGE_NUMBER.match(t) for t in numbers):
        return False
    pages = [int(t) for t in numbers]
    return pages == sorted(pages)
