"""Say what a file really is when its name claims to be a report it is not."""

from __future__ import annotations

from pathlib import Path

SNIFF_BYTES = 1024
SIGNATURES = (
    (b"%PDF-", "a PDF"),
    (b"PK\x03\x04", "a ZIP package (DOCX, XLSX, ODT …)"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office file (.doc/.xls)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF document"),
)
MARKUP = ((b"<!doctype html", "an HTML page"), (b"<html", "an HTML page"), (b"<?xml", "XML"))


def describe(path: Path) -> str:
    """Given a file, return what its first bytes say it is (`an HTML page`, `binary data`)."""
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
    for signature, name in SIGNATURES:
        if head.startswith(signature):
            return name
    lowered = head.lstrip().lower()
    for signature, name in MARKUP:
        if lowered.startswith(signature):
            return name
    return "text" if _looks_like_text(head) else "binary data"


def _looks_like_text(head: bytes) -> bool:
    """Given a file's first bytes, return whether they decode as UTF-8 without NUL bytes."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return b"\x00" not in head
