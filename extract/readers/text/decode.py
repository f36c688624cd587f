"""Bytes of a text export -> its text, or `ReadError` for files that are not text."""

from __future__ import annotations

import codecs

from extract.model import ReadError

# Windows exports that are not UTF-8 are almost always in the Windows Western code page.
FALLBACK_ENCODING = "cp1252"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def bytes_to_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """Given a file's bytes and name, return its text (newlines as `\\n`) and decoding warnings."""
    if not data.strip():
        raise ReadError(f"{name}: empty file" + (" (whitespace only)" if data else ""))
    warnings: list[str] = []
    if data.startswith(_UTF16_BOMS):
        # Notepad's "Unicode" exports: NUL bytes here are text, not binary content.
        text = _decode(data, "utf-16", name)
    elif b"\x00" in data:
        raise ReadError(f"{name}: not a text file (it contains NUL bytes)")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            text = _decode(data, FALLBACK_ENCODING, name)
            warnings.append(f"not valid UTF-8 (byte {error.start}); decoded as {FALLBACK_ENCODING}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError(f"{name}: empty file (whitespace only)")
    return text, warnings


def _decode(data: bytes, encoding: str, name: str) -> str:
    """Given bytes and an encoding, return the text; raise `ReadError` if they do not decode."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ReadError(
            f"{name}: not a text file (not UTF-8, and byte {error.start} is not {encoding} either)"
        ) from error
