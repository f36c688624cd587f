"""Small HTML reports laid out by LibreOffice Writer and exported as PDF, as the generated
corpus's Writer documents are: the real renderer, run once for a test module's pages."""

import shutil
import subprocess
from pathlib import Path

import pytest


def render_with_writer(pages: dict[str, str], work: Path) -> dict[str, Path]:
    """Given HTML pages by name and a folder, return each page's PDF laid out by Writer."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("soffice is not installed (.ci/system-packages installs it)")
    for name, html in pages.items():
        (work / f"{name}.html").write_text(html, encoding="utf-8")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{work}/profile",
            "--headless",
            "--infilter=HTML (StarWriter)",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work / "out"),
            *(str(work / f"{name}.html") for name in pages),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {name: work / "out" / f"{name}.pdf" for name in pages}


def texts(table) -> list[list[str]]:
    """Given a table read from a PDF, return its cells' texts row by row."""
    return [[cell.text for cell in row] for row in table.rows]
