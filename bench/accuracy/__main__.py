"""`python -m bench.accuracy`: found / wrong / missing gold facts per rendering and document."""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.accuracy.compare import GoldFact, score, unmatched
from bench.accuracy.gold import read_gold, read_unreadable
from bench.accuracy.report import RenderingResult, markdown
from bench.accuracy.warehouse import Build, build_rendering, read_facts, unreadable_status

BENCH_DIR = Path(__file__).resolve().parent.parent
CORPUS_DIR = BENCH_DIR / "corpus"
WORK_DIR = BENCH_DIR / "work" / "accuracy"
RESULTS_FILE = BENCH_DIR / "results" / "accuracy.md"
RENDERINGS = ("txt", "docx", "pdf", "pdf-borderless", "real")
DEFAULT_SHOW = 40


def run_rendering(
    rendering: str, gold: dict[str, list[GoldFact]], reuse: bool = False
) -> RenderingResult:
    """Given a rendering name and all gold facts, build its warehouse (or reuse it) and score it."""
    corpus = CORPUS_DIR / rendering
    documents = sorted(path.stem for path in corpus.iterdir() if path.is_file())
    facts = [fact for document in documents for fact in gold.get(document, [])]
    work_dir = WORK_DIR / rendering
    if reuse and (work_dir / "warehouse.duckdb").exists():
        build = Build(work_dir / "warehouse.duckdb", True, "reused")
    else:
        print(f"building {rendering} ({len(documents)} documents) ...", flush=True)
        build = build_rendering(corpus, work_dir)
    result = RenderingResult(rendering, documents, {}, built=build.ok, log=build.log)
    rows = []
    if build.ok:
        rows, result.absent_relations = read_facts(build.warehouse)
        cells = [cell for cell in read_unreadable() if cell.document in documents]
        result.unreadable = unreadable_status(build.warehouse, cells)
        result.extra = unmatched(facts, [row for row in rows if row.document in documents])
    result.scores = score(facts, rows)
    return result


def parser() -> argparse.ArgumentParser:
    """Given nothing, return the argument parser."""
    main_parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__)
    main_parser.add_argument(
        "--renderings",
        default=",".join(RENDERINGS),
        help=f"comma-separated renderings to build and score (default: {','.join(RENDERINGS)})",
    )
    main_parser.add_argument(
        "--report-only", action="store_true", help="always exit 0, even when a rendering fails"
    )
    main_parser.add_argument(
        "--reuse",
        action="store_true",
        help=f"score the warehouses left in {WORK_DIR} by the last run instead of rebuilding",
    )
    main_parser.add_argument(
        "--show", type=int, default=DEFAULT_SHOW, help="wrong/missing facts listed per rendering"
    )
    main_parser.add_argument(
        "--output", type=Path, default=RESULTS_FILE, help="Markdown report file to write"
    )
    return main_parser


def main(argv: list[str] | None = None) -> int:
    """Given command-line arguments, score the renderings and return the exit status."""
    args = parser().parse_args(argv)
    renderings = [name.strip() for name in args.renderings.split(",") if name.strip()]
    unknown = sorted(set(renderings) - set(RENDERINGS))
    if unknown:
        raise SystemExit(f"unknown rendering(s): {', '.join(unknown)}; known: {RENDERINGS}")
    gold = read_gold()
    results = [run_rendering(rendering, gold, args.reuse) for rendering in renderings]
    text = markdown(results, args.show)
    print(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"Written: {args.output}")
    return 0 if args.report_only or all(result.passed for result in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
