"""Where extraction's per-page time goes on dense real pages: `python -m bench.profile`.

Under cProfile, reads each dense report in this process (`read_document`: pdfium text
layer, words, rules, table finding, headers), then extracts it as a build does
(`extract_report`: the read again in a forked child, which the profile does not see
and shows as waiting in `_read_all`, then the rows made of it (structure, metadata,
prose, regions) and its Parquet, which it does see). Writes `profile.md` (seconds per phase and per
module of `extract/`, and the functions that take most of it) and `profile.pstats`
(for `python -m pstats` or snakeviz) into the results folder.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

from bench.corpus import CORPUS_DIR, count_pages

DENSE_REPORTS = sorted((CORPUS_DIR / "real").glob("*.pdf"))  # 25 tables over 37 pages, 26 cards
REPO = Path(__file__).resolve().parents[1]
SHOWN_FUNCTIONS = 25


def extract_phases(paths: list[Path], out_dir: Path) -> dict[str, float]:
    """Given reports, read each in this process, then extract it as a build does (the read
    forked, rows, Parquet); return the seconds of each."""
    from extract.pipeline import extract_report
    from extract.readers import read_document

    seconds = {"read_document, in this process": 0.0, "extract_report, as a build": 0.0}
    for path in paths:
        started = time.perf_counter()
        read_document(path, max_pages=2000)
        read = time.perf_counter()
        extract_report(path, out_dir)
        seconds["read_document, in this process"] += read - started
        seconds["extract_report, as a build"] += time.perf_counter() - read
    return seconds


def module_seconds(stats: pstats.Stats) -> dict[str, float]:
    """Given a profile, return the seconds spent in each module of extract/ itself (own time)."""
    seconds: dict[str, float] = {}
    for (filename, _, _), (_, _, own, _, _) in stats.stats.items():
        path = Path(filename)
        if path.is_relative_to(REPO / "extract"):
            module = ".".join(path.relative_to(REPO).with_suffix("").parts)
            seconds[module] = seconds.get(module, 0.0) + own
    return dict(sorted(seconds.items(), key=lambda item: -item[1]))


def top_functions(stats: pstats.Stats, key: int, only_extract: bool) -> list[tuple[str, float]]:
    """Given a profile, return the functions with the most time (2: own, 3: cumulative)."""
    rows = []
    for (filename, line, name), values in stats.stats.items():
        inside = Path(filename).is_relative_to(REPO / "extract")
        if inside or not only_extract:
            where = Path(filename).relative_to(REPO) if inside else Path(filename).name
            rows.append((f"{where}:{line} {name}", values[key]))
    return sorted(rows, key=lambda row: -row[1])[:SHOWN_FUNCTIONS]


def markdown(paths: list[Path], phases: dict[str, float], stats: pstats.Stats) -> str:
    """Given the reports read, the seconds per phase and the profile, return the report."""
    total, pages = sum(phases.values()), count_pages(paths)
    names = ", ".join(path.name for path in paths)
    lines = [
        f"# Extraction profile: {pages} dense real pages ({names})",
        "",
        f"{2 * pages / total:.1f} pages/s (each page read twice) in one process under cProfile,"
        " which slows it: compare the shares, not the rate.",
        "",
        "| phase | s | share |",
        "|---|--:|--:|",
        *[f"| {name} | {s:.2f} | {s / total:.0%} |" for name, s in phases.items()],
        "",
        "## Own time per module of extract/ (s)",
        "",
        "| module | s |",
        "|---|--:|",
        *[f"| {m} | {s:.2f} |" for m, s in list(module_seconds(stats).items())[:SHOWN_FUNCTIONS]],
        "",
    ]
    for title, key, only_extract in (
        ("Cumulative time of extract/ functions (s)", 3, True),
        ("Own time of any function, libraries included (s)", 2, False),
    ):
        rows = top_functions(stats, key, only_extract)
        lines += [f"## {title}", "", "| function | s |", "|---|--:|"]
        lines += [f"| `{name}` | {s:.2f} |" for name, s in rows] + [""]
    return "\n".join(lines)


def run(results_dir: Path, paths: list[Path] = DENSE_REPORTS) -> str:
    """Given a results folder, profile extraction of the dense reports; write and return it."""
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as out_dir:
        profiler.enable()
        phases = extract_phases(paths, Path(out_dir))
        profiler.disable()
    stats = pstats.Stats(profiler)
    report = markdown(paths, phases, stats)
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / "profile.md").write_text(report, encoding="utf-8")
    stats.dump_stats(results_dir / "profile.pstats")
    return report


def main(argv: list[str] | None = None) -> int:
    """Given command-line arguments, profile the dense reports and print the report."""
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    parser.add_argument("--results-dir", type=Path, default=REPO / "bench" / "results")
    args = parser.parse_args(argv)
    print(run(args.results_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
