"""Table readers side by side on generated pages: kommunlager, camelot stream, pdfplumber.

For every gold table figure of a generated set: is the printed number found
in the same row as its label (right row), only in a row of another label
that does not print it itself (wrong row), or nowhere? And how fast is each
reader, in pages per second? `python -m bench.table_readers --documents N`,
or `make bench` (bench/run.py).
"""

from __future__ import annotations

import argparse
import json
import re
import time
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import pypdfium2 as pdfium

from bench.accuracy.compare import GoldFact, normalise_label
from bench.accuracy.gold import read_gold

BENCH_DIR = Path(__file__).resolve().parent
NUMBER = re.compile(r"^[-\u2212\u2013]?\d[\d ]*(?:,\d+)?%?$")
NUMBER_WORD = re.compile(r"^[-\u2212\u2013]?\d+(?:,\d+)?%?$")
MIN_PARTIAL_LABEL = 4  # characters of a wrapped label's first or last line that still name it
Rows = list[list[str]]


def kommunlager_rows(path: Path) -> Rows:
    """Given a PDF, return the rows of every table kommunlager's reader finds."""
    from extract.readers import read_document

    document = read_document(path, 2000)
    return [[cell.text for cell in row] for table in document.tables for row in table.rows]


def camelot_rows(path: Path) -> Rows:
    """Given a PDF, return the rows of every table camelot's stream mode finds."""
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = camelot.read_pdf(str(path), flavor="stream", pages="all")
    return [[str(cell) for cell in row] for table in tables for row in table.df.values.tolist()]


def pdfplumber_rows(path: Path) -> Rows:
    """Given a PDF, return the rows of every table pdfplumber's default extract_tables finds."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [
            [cell or "" for cell in row]
            for page in pdf.pages
            for table in page.extract_tables()
            for row in table
        ]


READERS: dict[str, Callable[[Path], Rows]] = {
    "kommunlager": kommunlager_rows,
    "camelot stream": camelot_rows,
    "pdfplumber extract_tables": pdfplumber_rows,
}


@dataclass
class Tally:
    """One reader's row placement counts and time."""

    right: int = 0
    wrong: int = 0
    absent: int = 0
    seconds: float = 0.0
    pages: int = 0

    @property
    def recall_pct(self) -> float:
        """Given the counts, return right rows as a percent of all figures."""
        total = self.right + self.wrong + self.absent
        return 100.0 * self.right / total if total else 100.0

    @property
    def pages_per_s(self) -> float:
        """Given the time, return pages read per second."""
        return self.pages / self.seconds if self.seconds else 0.0


def number_key(text: str) -> str:
    """Given a cell, return it without spaces of any kind, with one minus sign."""
    flat = re.sub(r"\s+", "", text)
    return re.sub(r"^[\u2212\u2013]", "-", flat)


def row_label(row: list[str]) -> tuple[str, ...]:
    """Given an extracted row, return its label (the first cell that is not a number), as read
    and without the numbers it may have absorbed (a code such as 4012 is a number too)."""
    for cell in row:
        if cell.strip() and not NUMBER.match(number_key(cell)):
            words = [word for word in cell.split() if not NUMBER_WORD.match(word)]
            return (normalise_label(cell), normalise_label(" ".join(words)))
    return ()


def names(found: tuple[str, ...], label: str) -> bool:
    """Given an extracted row's label forms and a gold label, return whether the row is its.

    The row is the label's when its text is the label, begins or ends with the
    whole label (text of a neighbour or a note ran into it), or is the first or
    last line of the label wrapped (at least four characters). A label made of
    the tail of one label and the head of the next names neither.
    """
    return any(
        text.startswith(label)
        or text.endswith(label)
        or (len(text) >= MIN_PARTIAL_LABEL and (label.startswith(text) or label.endswith(text)))
        for text in found
        if text
    )


def place(fact: GoldFact, rows: list[tuple[tuple, set[str]]], printed: dict[str, set[str]]) -> str:
    """Given a figure, the rows (label, numbers) and what each gold label prints: the verdict."""
    number, label = number_key(fact.as_printed), normalise_label(fact.row_label)
    holders = [row_name for row_name, numbers in rows if number in numbers]
    if any(names(row_name, label) for row_name in holders):
        return "right"
    for row_name in holders:
        owners = [name for name in printed if names(row_name, name)]
        readable = any(len(text) >= MIN_PARTIAL_LABEL for text in row_name)  # not `Hy-`
        if readable and not any(number in printed[name] for name in owners):
            return "wrong"
    return "absent"


def score_document(facts: list[GoldFact], rows: Rows, tally: Tally) -> None:
    """Given a document's gold and a reader's rows, add its row placements to the tally."""
    figures = [f for f in facts if f.row_label and re.search(r"[1-9]", f.as_printed)]
    printed: dict[str, set[str]] = {}
    for fact in figures:
        printed.setdefault(normalise_label(fact.row_label), set()).add(number_key(fact.as_printed))
    keyed = [(row_label(row), {number_key(cell) for cell in row}) for row in rows]
    for fact in figures:
        verdict = place(fact, keyed, printed)
        setattr(tally, verdict, getattr(tally, verdict) + 1)


def compare(pdf_dir: Path, gold_dir: Path) -> dict[str, Tally]:
    """Given a generated set, run every reader on every PDF and return their tallies."""
    gold = read_gold(gold_dir)
    tallies = {name: Tally() for name in READERS}
    for path in sorted(pdf_dir.glob("*.pdf")):
        document = pdfium.PdfDocument(path)
        pages = len(document)
        document.close()
        for name, reader in READERS.items():
            started = time.perf_counter()
            rows = reader(path)
            tallies[name].seconds += time.perf_counter() - started
            tallies[name].pages += pages
            score_document(gold.get(path.stem, []), rows, tallies[name])
    return tallies


def markdown(tallies: dict[str, Tally], documents: int) -> str:
    """Given the tallies, return the comparison as a Markdown table."""
    base = tallies["camelot stream"].pages_per_s or 1.0
    lines = [
        f"# Table readers on {documents} generated documents",
        "",
        "| reader | right row | wrong row | not found | recall % | pages | s | pages/s | "
        "speed vs camelot |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, tally in tallies.items():
        lines.append(
            f"| {name} | {tally.right} | {tally.wrong} | {tally.absent} | "
            f"{tally.recall_pct:.1f} | {tally.pages} | {tally.seconds:.1f} | "
            f"{tally.pages_per_s:.1f} | {tally.pages_per_s / base:.2f}x |"
        )
    return "\n".join([*lines, ""])


def run(work_dir: Path, results_dir: Path, documents: int, seed: int = 5000) -> str:
    """Given folders and a size, generate a fresh set, compare the readers, write the report."""
    from bench.generate.build import GOLD_DIR, PDF_DIR, generate

    print(f"table readers: generating {documents} documents in {work_dir}", flush=True)
    generate(seed, documents, work_dir)
    tallies = compare(work_dir / PDF_DIR, work_dir / GOLD_DIR)
    report = markdown(tallies, documents)
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / "table_readers.md").write_text(report, encoding="utf-8")
    data = {name: asdict(tally) for name, tally in tallies.items()}
    (results_dir / "table_readers.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    """Given command-line arguments, run the comparison and print its report."""
    parser = argparse.ArgumentParser(prog="python -m bench.table_readers", description=__doc__)
    parser.add_argument("--documents", type=int, default=60, help="generated documents")
    parser.add_argument("--seed", type=int, default=5000, help="first seed")
    parser.add_argument("--work-dir", type=Path, default=BENCH_DIR / "work" / "table_readers")
    parser.add_argument("--results-dir", type=Path, default=BENCH_DIR / "results")
    args = parser.parse_args(argv)
    print(run(args.work_dir, args.results_dir, args.documents, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
