"""The benchmark's Markdown report and chart."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first

THROUGHPUT_STAGES = (
    "floor",
    "naive",
    "camelot",
    "extract_1",
    "extract_parallel",
    "build_full_1",
    "build_full",
)
LABELS = {
    "floor": "pypdfium2 text (floor)",
    "naive": "naive pdfplumber extract_tables",
    "camelot": "camelot stream",
    "extract_1": "kommunlager extraction, 1 worker",
    "extract_parallel": "kommunlager extraction, {workers} workers",
    "build_full_1": "kommunlager whole build, 1 worker",
    "build_full": "kommunlager whole build, {workers} workers",
    "build_full_breakdown": "whole build, {workers} workers (in-process, timed by step)",
    "build_unchanged": "rebuild, nothing changed",
    "build_one_changed": "rebuild, one report changed",
    "build_one_changed_breakdown": "rebuild, one report changed (in-process, timed by step)",
}


def label(name: str, result: dict) -> str:
    """Given a stage's name and measurements, return its label (with its worker count)."""
    return LABELS[name].format(workers=result["workers"])


def pages_per_second(result: dict) -> float:
    """Given a stage's measurements, return its throughput in pages per second."""
    return result["pages"] / result["seconds"] if result["seconds"] else float("inf")


def summary_lines(results: dict[str, dict]) -> list[str]:
    """Given all measurements, return the ratios the targets are stated in."""
    rate = {name: pages_per_second(result) for name, result in results.items()}
    full = results["build_full"]["seconds"]
    workers = results["extract_parallel"]["workers"]
    return [
        f"- whole build, {workers} workers vs camelot stream:"
        f" **{rate['build_full'] / rate['camelot']:.2f}x** (target >= 1x)",
        f"- extraction, {workers} workers vs camelot stream:"
        f" **{rate['extract_parallel'] / rate['camelot']:.2f}x** (target >= 2x)",
        f"- extraction (1 worker) vs naive pdfplumber: **{rate['extract_1'] / rate['naive']:.1f}x**"
        " (target >= 5x)",
        f"- extraction (1 worker) vs camelot stream: {rate['extract_1'] / rate['camelot']:.1f}x",
        f"- extraction, {workers} workers vs 1 worker:"
        f" **{rate['extract_parallel'] / rate['extract_1']:.2f}x**"
        " (target >= 1.8x on 2 free cores)",
        f"- whole build, {workers} workers vs 1 worker:"
        f" **{rate['build_full'] / rate['build_full_1']:.2f}x**",
        f"- extraction (1 worker) vs the pypdfium2 floor: {rate['extract_1'] / rate['floor']:.3f}x",
        f"- rebuild with nothing changed: **{results['build_unchanged']['seconds'] / full:.1%}**"
        " of a full build (target <= 10 %)",
        f"- rebuild with one report changed: {results['build_one_changed']['seconds']:.1f} s"
        f" ({results['build_one_changed']['seconds'] / full:.1%} of a full build)",
        *fixed_cost_lines(results),
        f"- peak memory of any stage: **{max(r['peak_rss_mb'] for r in results.values()):.0f} MB**"
        " (target < 1 GB)",
    ]


def fixed_cost_lines(results: dict[str, dict]) -> list[str]:
    """Given all measurements, return what each full build paid before its first report was
    read and after its last (its fixed cost, from the CLI's progress lines)."""
    return [
        f"- {label(name, result)}: first report read after {result['first_report_s']:.1f} s,"
        f" finished {result['after_last_report_s']:.1f} s after the last (dbt, checks, publish)"
        for name, result in results.items()
        if name.startswith("build_full") and "first_report_s" in result
    ]


def breakdown_lines(title: str, breakdown: dict | None) -> list[str]:
    """Given a build's breakdown, return it as a Markdown table (nothing if absent)."""
    if not breakdown:
        return []
    rows = [f"| {name} | {value} |" for name, value in breakdown.items()]
    return [f"## {title}: where the time goes (s)", "", "| part | s |", "|---|---:|", *rows, ""]


def family_lines(families: dict[str, dict[str, int]] | None) -> list[str]:
    """Given reports and pages per kind of document, return them as a Markdown table."""
    if not families:
        return []
    rows = [f"| {name} | {n['reports']} | {n['pages']} |" for name, n in families.items()]
    return ["| kind of document | reports | pages |", "|---|---:|---:|", *rows, ""]


def write_report(
    results: dict[str, dict],
    reports: int,
    out_dir: Path,
    families: dict[str, dict[str, int]] | None = None,
) -> str:
    """Given all measurements (and the corpus by kind), write bench.md, bench.json and
    bench.png; return the Markdown."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = [
        f"| {label(name, result)} | {result['pages']} | {result['seconds']:.2f} | "
        f"{pages_per_second(result):.1f} | {result['peak_rss_mb']:.0f} |"
        for name, result in results.items()
    ]
    markdown = "\n".join(
        [
            f"# kommunlager benchmark ({reports} reports)",
            "",
            *family_lines(families),
            "| stage | pages | seconds | pages/s | peak RSS MB |",
            "|---|---:|---:|---:|---:|",
            *rows,
            "",
            *summary_lines(results),
            "",
            "![throughput](bench.png)",
            "",
            *breakdown_lines("Full build", results["build_full_breakdown"].get("breakdown")),
            *breakdown_lines(
                "One report changed", results["build_one_changed_breakdown"].get("breakdown")
            ),
        ]
    )
    (out_dir / "bench.md").write_text(markdown, encoding="utf-8")
    (out_dir / "bench.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    _chart(results, out_dir / "bench.png")
    return markdown


def _chart(results: dict[str, dict], path: Path) -> None:
    """Given all measurements, draw pages/s per stage on a log scale."""
    names = [name for name in THROUGHPUT_STAGES if name in results]
    figure, axis = plt.subplots(figsize=(8, 3.5))
    labels = [label(name, results[name]) for name in names]
    axis.barh(labels, [pages_per_second(results[name]) for name in names])
    axis.set_xscale("log")
    axis.set_xlabel("pages per second (log scale)")
    axis.invert_yaxis()
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
