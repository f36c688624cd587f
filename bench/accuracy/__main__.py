"""`python -m bench.accuracy`: found / misplaced / wrong / missing gold facts per rendering.

In-sample: the renderings of the reference corpus (bench/corpus, gold in
bench/gold), which gate the exit status. Out-of-sample: a set generated fresh
into bench/work/generated (`bench.generate`, gold from the same data), whose
numbers are reported per engine and do not gate.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.accuracy.compare import GoldFact, score, unmatched
from bench.accuracy.gold import read_gold, read_unreadable
from bench.accuracy.placement import placements
from bench.accuracy.report import RenderingResult, markdown
from bench.accuracy.warehouse import Build, build_rendering, read_facts, unreadable_status

BENCH_DIR = Path(__file__).resolve().parent.parent
CORPUS_DIR = BENCH_DIR / "corpus"
WORK_DIR = BENCH_DIR / "work" / "accuracy"
GENERATED_DIR = BENCH_DIR / "work" / "generated"
RESULTS_FILE = BENCH_DIR / "results" / "accuracy.md"
GENERATED = "generated"
RENDERINGS = ("txt", "docx", "pdf", "pdf-borderless", "real", GENERATED)
DEFAULT_SHOW = 40
DEFAULT_GENERATED = 120
DEFAULT_GENERATED_SEED = 1000


def run_rendering(
    rendering: str,
    gold: dict[str, list[GoldFact]],
    reuse: bool = False,
    corpus: Path | None = None,
    gold_dir: Path | None = None,
) -> RenderingResult:
    """Given a rendering's name (and folders), build its warehouse (or reuse it) and score it."""
    corpus = corpus or CORPUS_DIR / rendering
    documents = sorted(path.stem for path in corpus.iterdir() if path.is_file())
    facts = [fact for document in documents for fact in gold.get(document, [])]
    work_dir = WORK_DIR / rendering
    if reuse and (work_dir / "warehouse.duckdb").exists():
        build = Build(work_dir / "warehouse.duckdb", True, "reused")
    else:
        print(f"building {rendering} ({len(documents)} documents) ...", flush=True)
        build = build_rendering(corpus, work_dir)
    result = RenderingResult(rendering, documents, {}, built=build.ok, log=build.log)
    result.gated = rendering != GENERATED
    rows = []
    warehouse = build.scorable
    if warehouse is not None:
        result.unpublished = not build.ok
        rows, result.absent_relations = read_facts(warehouse)
        rows = [row for row in rows if row.document in documents]
        kwargs = {"gold_dir": gold_dir} if gold_dir else {}
        cells = [cell for cell in read_unreadable(**kwargs) if cell.document in documents]
        result.unreadable = unreadable_status(warehouse, cells)
        result.extra = unmatched(facts, rows)
    result.scores = score(facts, rows)
    result.placements = placements(facts, rows)
    return result


def run_generated(count: int, seed: int, reuse: bool) -> RenderingResult:
    """Given a size and a first seed, generate the set (unless reused) and score it."""
    from bench.generate.build import GOLD_DIR, PDF_DIR, generate

    if not (reuse and (GENERATED_DIR / PDF_DIR).is_dir()):
        print(f"generating {count} documents (seeds {seed}-{seed + count - 1}) ...", flush=True)
        generate(seed, count, GENERATED_DIR)
    gold_dir = GENERATED_DIR / GOLD_DIR
    gold = read_gold(gold_dir)
    return run_rendering(GENERATED, gold, reuse, GENERATED_DIR / PDF_DIR, gold_dir)


def parser() -> argparse.ArgumentParser:
    """Given nothing, return the argument parser."""
    main_parser = argparse.ArgumentParser(prog="python -m bench.accuracy", description=__doc__)
    main_parser.add_argument(
        "--renderings",
        default=",".join(RENDERINGS),
        help=f"comma-separated renderings to build and score (default: {','.join(RENDERINGS)})",
    )
    main_parser.add_argument(
        "--generated-count", type=int, default=DEFAULT_GENERATED, help="generated documents"
    )
    main_parser.add_argument(
        "--generated-seed", type=int, default=DEFAULT_GENERATED_SEED, help="first seed"
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
    results = [
        run_generated(args.generated_count, args.generated_seed, args.reuse)
        if rendering == GENERATED
        else run_rendering(rendering, gold, args.reuse)
        for rendering in renderings
    ]
    text = markdown(results, args.show)
    print(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"Written: {args.output}")
    gated = [result for result in results if result.gated]
    return 0 if args.report_only or all(result.passed for result in gated) else 1


if __name__ == "__main__":
    raise SystemExit(main())
