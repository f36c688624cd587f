"""Generate a set: for each seed, the printed report, its layout, its PDF and its gold."""

from __future__ import annotations

import json
import random
import shutil
from dataclasses import asdict
from pathlib import Path

from bench.generate.engines import ENGINES, Job, family, render_batch
from bench.generate.gold import write_gold, write_unreadable
from bench.generate.layouts import choose_layout
from bench.generate.report import printed_report

PDF_DIR, GOLD_DIR, INDEX_FILE = "pdf", "gold", "generated.json"


def engine_for(seed: int, engines: list[str]) -> str:
    """Given a seed and the engines in use, return the engine that prints it (round robin)."""
    return engines[seed % len(engines)]


def job_for(seed: int, engine: str, pdf_dir: Path) -> Job:
    """Given a seed and an engine, return the document, its layout and its PDF path."""
    doc = printed_report(seed)
    doc.name = f"{doc.name}_{engine}"
    layout = choose_layout(random.Random(seed * 31 + 7), family(engine))
    return doc, layout, pdf_dir / f"{doc.name}.pdf", seed


def generate(first_seed: int, count: int, out: Path, engines: list[str] | None = None) -> list:
    """Given seeds and a folder, write PDFs to out/pdf, gold to out/gold, an index; return it."""
    engines = engines or list(ENGINES)
    unknown = sorted(set(engines) - set(ENGINES))
    if unknown:
        raise ValueError(f"unknown engine(s) {unknown}; known: {sorted(ENGINES)}")
    for name in (PDF_DIR, GOLD_DIR):
        if (out / name).exists():
            shutil.rmtree(out / name)
        (out / name).mkdir(parents=True)
    jobs: dict[str, list[Job]] = {}
    for seed in range(first_seed, first_seed + count):
        engine = engine_for(seed, engines)
        jobs.setdefault(engine, []).append(job_for(seed, engine, out / PDF_DIR))
    index = []
    for engine, batch in jobs.items():
        render_batch(engine, batch)
        for doc, layout, path, seed in batch:
            write_gold(doc.gold(), out / GOLD_DIR / f"{doc.name}.csv")
            index.append(
                {
                    "document": doc.name,
                    "engine": engine,
                    "seed": seed,
                    "pdf": path.name,
                    "layout": asdict(layout),
                }
            )
    write_unreadable(out / GOLD_DIR / "unreadable.csv")
    index.sort(key=lambda entry: entry["seed"])
    (out / INDEX_FILE).write_text(json.dumps(index, indent=1, ensure_ascii=False), "utf-8")
    return index
