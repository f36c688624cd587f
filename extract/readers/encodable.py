"""A reader's text made writable: characters no UTF-8 file can hold, or that only garble, go.

pdfium reports a PDF's text as UTF-16 code units, so a broken ToUnicode map in a
PDF yields a lone surrogate (`\\udd00`), which the Parquet writer refuses with
`UnicodeEncodeError` (it failed whole builds). Control characters other than tab
and newline (NUL, bell, form feed, C1 codes) carry no text and break what reads
the warehouse. Each is replaced by U+FFFD, so a reader sees where text was lost,
and the report says how many were replaced.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.model import Document, RawTable, TextBlock

REPLACEMENT = "\ufffd"
# surrogates, and the Unicode category Cc (C0, DEL, C1) except tab and newline
UNENCODABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(text: str) -> tuple[str, int]:
    """Given text, return it with each unencodable character replaced, and how many were."""
    return UNENCODABLE.subn(REPLACEMENT, text)


def clean_document(document: Document) -> Document:
    """Given what a reader found, return it with its text cleaned and a warning if any was."""
    counter = _Counter()
    tables = [_clean_table(table, counter) for table in document.tables]
    blocks = [_clean_block(block, counter) for block in document.text_blocks]
    warnings = [counter.copy(warning) for warning in document.warnings]
    if counter.replaced:
        warnings.append(
            f"text: {counter.replaced} characters could not be encoded and were replaced by U+FFFD"
        )
    return replace(document, tables=tables, text_blocks=blocks, warnings=warnings)


class _Counter:
    """Cleans text and counts the characters replaced across one document.

    Cells and running text hold each printed character once; captions, context,
    notes and a block's lines repeat some of it, so they are cleaned uncounted.
    """

    def __init__(self) -> None:
        self.replaced = 0

    def text(self, text: str) -> str:
        """Given printed text, return it cleaned, adding its replaced characters to the count."""
        cleaned, replaced = clean_text(text)
        self.replaced += replaced
        return cleaned

    @staticmethod
    def copy(text: str) -> str:
        """Given a copy of text counted elsewhere, return it cleaned."""
        return clean_text(text)[0]


def _clean_table(table: RawTable, counter: _Counter) -> RawTable:
    """Given a table as read, return it with every cell and its captions cleaned."""
    rows = [[replace(cell, text=counter.text(cell.text)) for cell in row] for row in table.rows]
    return replace(
        table,
        rows=rows,
        caption=counter.copy(table.caption),
        context=counter.copy(table.context),
        note=counter.copy(table.note),
    )


def _clean_block(block: TextBlock, counter: _Counter) -> TextBlock:
    """Given a block of running text, return it with its text and lines cleaned."""
    lines = tuple(counter.copy(line) for line in block.lines)
    return replace(block, text=counter.text(block.text), lines=lines)
