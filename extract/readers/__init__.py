"""Readers turn one file into an `extract.model.Document`, chosen by file type."""

from __future__ import annotations

from pathlib import Path

from extract.model import Document
from extract.readers import docx, pdf, text

PDF_SUFFIXES = frozenset({".pdf"})
DOCX_SUFFIXES = frozenset({".docx"})
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})


def supported_suffixes() -> frozenset[str]:
    """Return the file endings kommunlager can read."""
    return PDF_SUFFIXES | DOCX_SUFFIXES | TEXT_SUFFIXES


def read_document(path: Path, max_pages: int) -> Document:
    """Given a report file, return what the reader for its type found in it."""
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        return pdf.read(path, pdf.PdfSettings(max_pages=max_pages))
    if suffix in DOCX_SUFFIXES:
        return docx.read(path)
    return text.read(path)
