"""The PDF engines by name, the layout family each draws, and rendering a batch."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bench.generate import (
    engine_chromium,
    engine_fpdf,
    engine_libreoffice,
    engine_reportlab,
    engine_typst,
    engine_weasyprint,
)
from bench.generate.document import PrintedDoc
from bench.generate.layouts import Layout

Job = tuple[PrintedDoc, Layout, Path, int]
ENGINES: dict[str, tuple[str, Callable]] = {
    "reportlab": ("canvas", engine_reportlab.render),
    "fpdf2": ("canvas", engine_fpdf.render),
    "weasyprint": ("html", engine_weasyprint.render),
    "chromium": ("html", engine_chromium.render),
    "libreoffice": ("html", engine_libreoffice.render),
    "typst": ("typst", engine_typst.render),
}
# Engines that start one program for a whole batch rather than once per document.
BATCHED = {"libreoffice": engine_libreoffice.render_many}


def family(engine: str) -> str:
    """Given an engine name, return the layout family it draws (canvas, html, typst)."""
    return ENGINES[engine][0]


def render_batch(engine: str, jobs: list[Job]) -> None:
    """Given one engine's jobs, write every PDF (one program run where the engine allows)."""
    if engine in BATCHED:
        BATCHED[engine](jobs)
        return
    render = ENGINES[engine][1]
    for doc, layout, out, seed in jobs:
        render(doc, layout, out, seed)
