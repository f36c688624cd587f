"""A table's title printed in its own first row (a merged cell across a ruled grid).

`Investeringsredovisning 2024-08-31, tkr` set in the first row, over the row of
column headers, is the table's caption, not a header: it names the table and
often its unit.
"""

from __future__ import annotations

from extract.model import RawCell
from extract.readers.pdf.words import NUMBER, YEAR


def split_title(rows: list[list[RawCell]]) -> tuple[str, list[list[RawCell]]]:
    """Given a table's rows, return its title row's text (or "") and the rows without it."""
    if len(rows) > 2 and _title(rows[0]) and _header(rows[1]):
        return rows[0][0].text, rows[1:]
    return "", rows


def _title(row: list[RawCell]) -> bool:
    """Given a row, return whether only its first cell holds text, and no lone number."""
    return bool(row[0].text) and not NUMBER.match(row[0].text) and not any(c.text for c in row[1:])


def _header(row: list[RawCell]) -> bool:
    """Given a row, return whether it reads as column headers: texts and years, no numbers."""
    texts = [c.text for c in row if c.text]
    return len(texts) > 1 and not any(NUMBER.match(t) and not YEAR.match(t) for t in texts)
