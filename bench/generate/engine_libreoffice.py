"""LibreOffice engine: the HTML rendering opened by Writer and exported (soffice --convert-to)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from bench.generate.document import PrintedDoc
from bench.generate.html import to_html
from bench.generate.layouts import Layout

TIMEOUT_S = 600
# Writer (not Writer/Web, whose PDF export prints blank pages) reads the HTML.
IN_FILTER = "HTML (StarWriter)"
FILTER = "pdf:writer_pdf_Export"


def soffice() -> str:
    """Return the LibreOffice program, or raise when it is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise FileNotFoundError("soffice is not installed (.ci/system-packages installs it)")
    return found


def render_many(jobs: list[tuple[PrintedDoc, Layout, Path, int]]) -> None:
    """Given documents with layouts and targets, convert them all in one LibreOffice run.

    A private profile directory keeps parallel runs (and other users) apart.
    """
    if not jobs:
        return
    with tempfile.TemporaryDirectory(prefix="gen-soffice-") as work:
        pages = []
        for doc, layout, _, seed in jobs:
            page = Path(work) / f"{doc.name}.html"
            page.write_text(to_html(doc, layout, seed), encoding="utf-8")
            pages.append(str(page))
        command = [
            soffice(),
            f"-env:UserInstallation=file://{work}/profile",
            "--headless",
            f"--infilter={IN_FILTER}",
            "--convert-to",
            FILTER,
            "--outdir",
            f"{work}/out",
            *pages,
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT_S)
        for doc, _, out, _ in jobs:
            produced = Path(work) / "out" / f"{doc.name}.pdf"
            if not produced.exists():
                raise RuntimeError(f"LibreOffice wrote no PDF for {doc.name}")
            shutil.move(produced, out)


def render(doc: PrintedDoc, layout: Layout, out: Path, seed: int) -> None:
    """Given a printed document and its layout, write it as a PDF exported by LibreOffice."""
    render_many([(doc, layout, out, seed)])
