"""Small HTML reports laid out by LibreOffice Writer and exported as PDF, as the generated
corpus's Writer documents are: the real renderer, run once for a test module's pages."""

import shutil
import subprocess
from pathlib import Path

import pytest


def report_html(
    style: str, caption: str, head_rows: list[str], rows: list[list[str]], unit: str
) -> str:
    """Given a style sheet, a caption, header rows and body rows (label first), return a
    one-table report whose note under the table states the unit."""
    body = "".join(
        "<tr>"
        + f'<td class="l">{row[0]}</td>'
        + "".join(f'<td class="n">{cell}</td>' for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    return (
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
        f"<style>{style}</style></head><body>"
        "<h1>Exempel kommun</h1><p>Nämnden följer upp sin ekonomi varje månad.</p>"
        f"<p><b>{caption}</b></p><table><tbody>{''.join(head_rows)}{body}</tbody></table>"
        f"<p>Belopp i {unit}.</p></body></html>"
    )


def head_row(label: str, heads: list[str]) -> str:
    """Given the label column's head and the figure columns' heads, return a header row."""
    cells = "".join(f'<th class="n">{head}</th>' for head in heads)
    return f'<tr><th class="l">{label}</th>{cells}</tr>'


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
