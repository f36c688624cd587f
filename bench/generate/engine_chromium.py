"""Chromium engine: the HTML rendering printed by headless Chromium (--print-to-pdf)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.generate.document import PrintedDoc
from bench.generate.html import to_html
from bench.generate.layouts import Layout

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
    "--run-all-compositor-stages-before-draw",
)
TIMEOUT_S = 120
SHRINK = 1.5  # Chromium prints content up to 1.5 times the page's width shrunk to fit it


def chromium() -> str:
    """Return the Chromium program, or raise when it is not installed."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise FileNotFoundError("chromium is not installed (.ci/system-packages installs it)")


def render(doc: PrintedDoc, layout: Layout, out: Path, seed: int) -> None:
    """Given a printed document and its layout, write it as a PDF printed by Chromium."""
    with tempfile.TemporaryDirectory(prefix="gen-chromium-") as work:
        page = Path(work) / f"{doc.name}.html"
        page.write_text(to_html(doc, layout, seed, SHRINK), encoding="utf-8")
        command = [
            chromium(),
            *FLAGS,
            f"--user-data-dir={work}/profile",
            f"--print-to-pdf={out.resolve()}",
            page.as_uri(),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT_S)
    if not out.exists():
        raise RuntimeError(f"chromium wrote no PDF for {doc.name}")
