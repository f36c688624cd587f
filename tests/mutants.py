"""Damaged copies of real reports, made at test time from a fixed seed (nothing committed).

Damage as files suffer it on the way to a raw folder: bits flipped, a download cut
short, a block written twice, a range of zeros (a sector lost), and for DOCX a
package whose `word/document.xml` is garbled, missing, cut or fails its CRC.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

DOCUMENT_XML = "word/document.xml"
Mutation = Callable[[bytes, random.Random], bytes]


def flip_bits(data: bytes, rng: random.Random) -> bytes:
    """Given bytes, return them with a few to a few hundred bits flipped."""
    damaged = bytearray(data)
    for _ in range(rng.choice((1, 8, 64, 512))):
        damaged[rng.randrange(len(damaged))] ^= 1 << rng.randrange(8)
    return bytes(damaged)


def cut(data: bytes, rng: random.Random) -> bytes:
    """Given bytes, return a prefix of them (a transfer cut short)."""
    return data[: rng.randrange(1, len(data))]


def repeat_chunk(data: bytes, rng: random.Random) -> bytes:
    """Given bytes, return them with one chunk written twice in a row."""
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.choice((16, 512, 8192)))
    return data[:end] + data[start:end] + data[end:]


def zero_range(data: bytes, rng: random.Random) -> bytes:
    """Given bytes, return them with one range overwritten by zeros (a lost sector)."""
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.choice((1, 512, 4096)))
    return data[:start] + bytes(end - start) + data[end:]


def _rezipped(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """Given a DOCX and a change per member (None drops it), return the package rewritten."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = change(info.filename, source.read(info))
            if content is not None:
                target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def garble_document_xml(data: bytes, rng: random.Random) -> bytes:
    """Given a DOCX, return it with bits of word/document.xml flipped (a valid zip)."""
    return _rezipped(data, lambda name, b: flip_bits(b, rng) if name == DOCUMENT_XML else b)


def cut_document_xml(data: bytes, rng: random.Random) -> bytes:
    """Given a DOCX, return it with word/document.xml cut short (a valid zip)."""
    return _rezipped(data, lambda name, b: cut(b, rng) if name == DOCUMENT_XML else b)


def drop_document_xml(data: bytes, rng: random.Random) -> bytes:  # noqa: ARG001
    """Given a DOCX, return it without word/document.xml."""
    return _rezipped(data, lambda name, b: None if name == DOCUMENT_XML else b)


def bad_crc(data: bytes, rng: random.Random) -> bytes:
    """Given a DOCX, return it with a byte of a stored member changed, its CRC kept."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info), compress_type=zipfile.ZIP_STORED)
    package = bytearray(out.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(package))) as stored:
        info = stored.getinfo(DOCUMENT_XML)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    package[start + rng.randrange(info.compress_size)] ^= 0xFF
    return bytes(package)


BYTE_MUTATIONS: tuple[Mutation, ...] = (flip_bits, cut, repeat_chunk, zero_range)
DOCX_MUTATIONS: tuple[Mutation, ...] = (
    *BYTE_MUTATIONS,
    garble_document_xml,
    cut_document_xml,
    drop_document_xml,
    bad_crc,
)


def write_mutants(sources: list[Path], count: int, folder: Path, seed: int) -> list[Path]:
    """Given source reports, write `count` damaged copies into folder, in turn; return them.

    Every copy differs from its source and from every other copy: two equal files
    would be one report (a report is known by its content).
    """
    rng = random.Random(seed)
    seen = {source.read_bytes() for source in sources}
    written = []
    for index in range(count):
        source = sources[index % len(sources)]
        mutations = DOCX_MUTATIONS if source.suffix == ".docx" else BYTE_MUTATIONS
        first = (index // len(sources)) % len(mutations)
        mutation, damaged = _new_damage(source.read_bytes(), mutations[first:], rng, seen)
        mutant = folder / f"mutant_{index:03d}_{mutation.__name__}_{source.stem}{source.suffix}"
        mutant.write_bytes(damaged)
        written.append(mutant)
    return written


def _new_damage(
    data: bytes, mutations: tuple[Mutation, ...], rng: random.Random, seen: set[bytes]
) -> tuple[Mutation, bytes]:
    """Given bytes and mutations to try in turn, return the first that makes unseen bytes.

    A few tries each: dropping a member makes the same package every time.
    """
    for mutation in (*mutations, *BYTE_MUTATIONS):
        for _ in range(3):
            damaged = mutation(data, rng)
            if damaged not in seen:
                seen.add(damaged)
                return mutation, damaged
    raise AssertionError("no mutation made bytes not seen before")
