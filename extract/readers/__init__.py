"""Readers turn one file into an `extract.model.Document`, chosen by file type.

Whatever the reader, its text leaves here cleaned (`encodable`): the model never
holds a character that cannot be written.
"""

from __future__ import annotations

from pathlib import Path

from extract.model import Document
from extract.readers import docx, pdf, text
from extract.readers.encodable import clean_document

PDF_SUFFIXES = frozenset({".pdf"})
DOCX_SUFFIXES = frozenset({".docx"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})


def supported_suffixes() -> frozenset[str]:
    """Return the file endings kommunlager can read."""
    return PDF_SUFFIXES | DOCX_SUFFIXES | TEXT_SUFFIXES


def read_document(path: Path, max_pages: int) -> Document:
    """Given a report file, return what the reader for its type found in it, text cleaned."""
    return clean_document(_read_raw(path, max_pages))


def _read_raw(path: Path, max_pages: int) -> Document:
    """Given a report file, return what the reader for its type found in it, as found."""
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        return pdf.read(path, pdf.PdfSettings(max_pages=max_pages))
    if suffix in DOCX_SUFFIXES:
        return docx.read(path)
    return text.read(path)
