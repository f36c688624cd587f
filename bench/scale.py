"""`python -m bench.run --scale`: the whole build at growing corpus sizes, and its report.

Per size: a full build, a rebuild with nothing changed, and one with one
report changed (with its time breakdown); peak RSS and the warehouse size.
The cost per report of a full build should stay flat as the corpus grows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - the backend must be chosen first

from bench.corpus import build_corpus, touch_one  # noqa: E402

StageRunner = Callable[..., dict]


def folder_mb(path: Path) -> float:
    """Given a folder, return the size of every file under it, in MB."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def measure_size(samples: list[Path], size: int, work: Path, run_stage: StageRunner) -> dict:
    """Given the samples and a corpus size, build at that size three ways; return the row."""
    corpus = work / "corpus"
    build_corpus(samples, size, corpus)
    full = run_stage("build", corpus, work / "build")
    unchanged = run_stage("build", corpus, work / "build")
    touch_one(sorted(corpus.glob("*.pdf"))[0])
    one = run_stage("breakdown", corpus, work / "build")
    warehouse = work / "build" / "warehouse.duckdb"
    return {
        "reports": size,
        "pages": full["pages"],
        "full_s": full["seconds"],
        "unchanged_s": unchanged["seconds"],
        "one_changed_s": one["seconds"],
        "one_changed_breakdown": one["breakdown"],
        "peak_rss_mb": max(r["peak_rss_mb"] for r in (full, unchanged, one)),
        "warehouse_mb": round(warehouse.stat().st_size / 1e6, 1),
        "extracted_mb": round(folder_mb(work / "build" / "extracted"), 1),
        "per_report_s": round(full["seconds"] / size, 3),
    }


def scale_markdown(rows: list[dict]) -> str:
    """Given one row per size, return the scale table and the flatness of cost per report."""
    lines = [
        "# kommunlager at scale",
        "",
        "| reports | pages | full s | s/report | nothing changed s | one changed s | "
        "one changed beyond its extraction s | peak RSS MB | warehouse MB | extracted MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        beyond = r["one_changed_breakdown"]["beyond_extraction"]
        lines.append(
            f"| {r['reports']} | {r['pages']} | {r['full_s']:.1f} | {r['per_report_s']:.3f} | "
            f"{r['unchanged_s']:.1f} | {r['one_changed_s']:.1f} | {beyond:.1f} | "
            f"{r['peak_rss_mb']:.0f} | {r['warehouse_mb']:.1f} | {r['extracted_mb']:.1f} |"
        )
    mean = sum(r["per_report_s"] for r in rows) / len(rows)
    spread = max(abs(r["per_report_s"] / mean - 1) for r in rows)
    lines += ["", f"- full build, seconds per report: mean {mean:.3f}, largest deviation"]
    lines[-1] += f" from the mean **{spread:.0%}** (target within 25 %)"
    lines += ["", "One report changed, where the time goes (seconds):", ""]
    lines += breakdown_table(rows)
    return "\n".join([*lines, "", "![scale](scale.png)", ""])


def breakdown_table(rows: list[dict]) -> list[str]:
    """Given one row per size, return the one-changed breakdown as a Markdown table."""
    names = sorted({k for r in rows for k in r["one_changed_breakdown"]} - {"partial_parse"})
    head = "| part | " + " | ".join(f"{r['reports']} reports" for r in rows) + " |"
    lines = [head, "|---|" + "---:|" * len(rows)]
    for name in names:
        values = [r["one_changed_breakdown"].get(name, 0.0) for r in rows]
        lines.append(f"| {name} | " + " | ".join(f"{v:.2f}" for v in values) + " |")
    parsed = [str(r["one_changed_breakdown"]["partial_parse"]) for r in rows]
    return [*lines, "| dbt partial parse used | " + " | ".join(parsed) + " |"]


def write_scale_report(rows: list[dict], out_dir: Path) -> str:
    """Given one row per size, write scale.md, scale.json and scale.png; return the Markdown."""
    out_dir.mkdir(parents=True, exist_ok=True)
    markdown = scale_markdown(rows)
    (out_dir / "scale.md").write_text(markdown, encoding="utf-8")
    (out_dir / "scale.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")
    figure, (time_axis, memory_axis) = plt.subplots(1, 2, figsize=(9, 3.5))
    sizes = [r["reports"] for r in rows]
    for key, label in (
        ("full_s", "full"),
        ("one_changed_s", "one changed"),
        ("unchanged_s", "none"),
    ):
        time_axis.plot(sizes, [r[key] for r in rows], marker="o", label=label)
    time_axis.set(xlabel="reports", ylabel="seconds", title="build time")
    time_axis.legend()
    memory_axis.plot(sizes, [r["peak_rss_mb"] for r in rows], marker="o", label="peak RSS")
    memory_axis.plot(sizes, [r["warehouse_mb"] for r in rows], marker="o", label="warehouse")
    memory_axis.set(xlabel="reports", ylabel="MB", title="memory and size")
    memory_axis.legend()
    figure.tight_layout()
    figure.savefig(out_dir / "scale.png", dpi=100)
    plt.close(figure)
    return markdown
