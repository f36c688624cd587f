"""Build a benchmark corpus: N distinct report files made from the sample PDFs."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pypdfium2 as pdfium


def sample_pdfs(raw_dir: Path) -> list[Path]:
    """Given the raw folder, return its PDF samples, sorted."""
    return sorted(path for path in raw_dir.iterdir() if path.suffix.lower() == ".pdf")


def build_corpus(samples: list[Path], count: int, out_dir: Path) -> list[Path]:
    """Given sample PDFs, write `count` copies with distinct bytes (and so distinct hashes).

    A comment appended after `%%EOF` changes the hash without changing what a
    PDF reader sees, so every copy is a new report to the pipeline.
    """
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    copies = []
    for number, sample in zip(range(count), itertools.cycle(samples)):
        target = out_dir / f"report_{number:05d}.pdf"
        target.write_bytes(sample.read_bytes() + f"\n%bench copy {number}\n".encode())
        copies.append(target)
    return copies


def count_pages(paths: list[Path]) -> int:
    """Given PDF files, return their total page count."""
    total = 0
    for path in paths:
        document = pdfium.PdfDocument(path)
        total += len(document)
        document.close()
    return total


def touch_one(path: Path) -> None:
    """Given a corpus file, change its bytes so it counts as a changed report."""
    path.write_bytes(path.read_bytes() + b"%changed\n")
