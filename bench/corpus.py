"""Build a benchmark corpus: N distinct report files made from the sample PDFs.

The family mix (`family_samples`) is what the pipeline meets: the reference
corpus rendered ruled and borderless by LibreOffice, published real reports
(dense pages: the annual report prints 25 tables over 37 pages), the ten
independent reports another generator printed (`bench/corpus/independent/`)
and documents of our own generator through its six engines.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pypdfium2 as pdfium

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
FAMILY_DIRS = ("pdf", "pdf-borderless", "real", "independent")  # folders of CORPUS_DIR
GENERATED_SEED = 9100  # first seed of the generated part: the same documents every run


def sample_pdfs(raw_dir: Path) -> list[Path]:
    """Given the raw folder, return its PDF samples, sorted."""
    return sorted(path for path in raw_dir.iterdir() if path.suffix.lower() == ".pdf")


def family_samples(generated_dir: Path, generated: int) -> dict[str, list[Path]]:
    """Given a folder for generated documents and their number, return the family's PDFs
    by kind (the folder names of FAMILY_DIRS, and `generated`).

    The generated documents are made once per folder and count (the seed is fixed).
    """
    from bench.generate.build import PDF_DIR, generate

    pdf_dir = generated_dir / PDF_DIR
    if generated and (not pdf_dir.is_dir() or len(sample_pdfs(pdf_dir)) != generated):
        shutil.rmtree(generated_dir, ignore_errors=True)
        generate(GENERATED_SEED, generated, generated_dir)
    families = {name: sample_pdfs(CORPUS_DIR / name) for name in FAMILY_DIRS}
    return {**families, "generated": sample_pdfs(pdf_dir) if generated else []}


def copies_for_pages(samples: list[Path], pages: int) -> int:
    """Given samples taken in turn, return how many copies reach at least `pages` pages."""
    total = 0
    for copies, count in enumerate(itertools.cycle(page_counts(samples)), start=1):
        total += count
        if total >= pages:
            return copies
    return 0


def family_counts(families: dict[str, list[Path]], copies: int) -> dict[str, dict[str, int]]:
    """Given the samples by kind, taken in turn, and the copies made: reports and pages by kind."""
    samples = [path for paths in families.values() for path in paths]
    kind = {path: name for name, paths in families.items() for path in paths}
    counts = {name: {"reports": 0, "pages": 0} for name in families}
    pages_of = dict(zip(samples, page_counts(samples), strict=True))
    for _, sample in zip(range(copies), itertools.cycle(samples)):
        pages = pages_of[sample]
        counts[kind[sample]]["reports"] += 1
        counts[kind[sample]]["pages"] += pages
    return counts


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
    return sum(page_counts(paths))


def page_counts(paths: list[Path]) -> list[int]:
    """Given PDF files, return the page count of each."""
    counts = []
    for path in paths:
        document = pdfium.PdfDocument(path)
        counts.append(len(document))
        document.close()
    return counts


def touch_one(path: Path) -> None:
    """Given a corpus file, change its bytes so it counts as a changed report."""
    path.write_bytes(path.read_bytes() + b"%changed\n")
