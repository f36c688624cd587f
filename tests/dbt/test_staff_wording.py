"""Staffing and sick leave as real reports word them, through extraction and the dbt build.

One report prints its staff in a table whose lines say `Tillsvidare` and `Årsarbeten`;
another says it in sentences (`var antalet tillsvidareanställda ... av dem`, `Omräknat
till heltidstjänster`, sick leave `bland förvaltningens anställda`, `var i genomsnitt
sjuk ... av sin arbetstid`). The PDFs are drawn here with reportlab; a manifest names
each report's committee and period.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from reportlab.pdfgen import canvas

from extract.manifest import read_manifest
from extract.pipeline import extract_report

REPO = Path(__file__).resolve().parents[2]
MANIFEST = """file,municipality,committee,period_end,report_kind
table.pdf,Ystad,Socialnämnden,2025-12-31,årsredovisning
sentences.pdf,Ystad,Tekniska nämnden,2025-12-31,årsredovisning
share.pdf,Ystad,Kultur- och fritidsnämnden,2025-12-31,årsredovisning
"""
STAFF_ROWS = [
    ("Tillsvidare", "412", "398"),
    ("Kvinnor", "301", "290"),
    ("Män", "111", "108"),
    ("Årsarbeten", "377,5", "365,0"),
]
SENTENCES = [
    "Vid årsskiftet var antalet tillsvidareanställda i förvaltningen 98, av dem 66",
    "kvinnor och 32 män. Omräknat till heltidstjänster motsvarar det 88,5 årsarbetare.",
    "Den totala sjukfrånvaron bland förvaltningens anställda var 5,9 %, att jämföra",
    "med 6,9 % året innan.",
]
SHARE = [
    "Personalen var i genomsnitt sjuk 4,2 procent av sin arbetstid, mot 4,8 procent",
    "föregående år.",
]


def _page(path: Path, heading: str, draw) -> Path:
    """Given a path, a heading and a function drawing on the canvas below it, save a PDF."""
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(50, 790, heading)
    pdf.setFont("Helvetica", 10)
    draw(pdf)
    pdf.save()
    return path


def _staff_table(pdf: canvas.Canvas) -> None:
    pdf.drawString(50, 760, "Personalstatistik")
    pdf.drawRightString(260, 742, "2025-12-31")
    pdf.drawRightString(340, 742, "2024-12-31")
    for index, (label, now, before) in enumerate(STAFF_ROWS):
        y = 728 - 14 * index
        pdf.drawString(50, y, label)
        pdf.drawRightString(260, y, now)
        pdf.drawRightString(340, y, before)


def _lines(lines: list[str]):
    def draw(pdf: canvas.Canvas) -> None:
        for index, line in enumerate(lines):
            pdf.drawString(50, 760 - 13 * index, line)

    return draw


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """Draw the reports, extract them, build dbt on them; return the warehouse."""
    root = tmp_path_factory.mktemp("staff_wording")
    raw = root / "raw"
    raw.mkdir()
    (raw / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    manifest = read_manifest(raw)
    drawn = {
        "table.pdf": _page(raw / "table.pdf", "Medarbetare", _staff_table),
        "sentences.pdf": _page(raw / "sentences.pdf", "Medarbetare", _lines(SENTENCES)),
        "share.pdf": _page(raw / "share.pdf", "Medarbetare", _lines(SHARE)),
    }
    for name, path in drawn.items():
        extract_report(path, root / "extracted", manifest[name])
    path = root / "warehouse.duckdb"
    project = str(REPO / "dbt_project")
    # in its own process: dbt-duckdb keeps its connection open
    environment = {**os.environ, "KOMMUNLAGER_WAREHOUSE": str(path), "DO_NOT_TRACK": "1"}
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"), "build",
            "--project-dir", project, "--profiles-dir", project,
            "--target-path", str(root / "target"), "--log-path", str(root / "logs"),
            "--vars", json.dumps({"extracted_dir": str(root / "extracted")}), "--quiet",
        ],
        env=environment, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def staffing(warehouse, file_name: str) -> list[tuple]:
    """Given a report file, return (metric, measure, year, value) of its staffing facts."""
    return warehouse.execute(
        """
        select fact.metric, fact.measure, fact.fiscal_year, fact.value
        from fct_staffing as fact
        inner join dim_report as report using (report_key)
        where report.file_name = ?
        order by fact.fiscal_year desc, fact.metric
        """,
        [file_name],
    ).fetchall()


def sick_leave(warehouse, file_name: str) -> list[tuple]:
    """Given a report file, return (population group, year, rate) of its sick leave."""
    return warehouse.execute(
        """
        select fact.population_group, fact.fiscal_year, fact.sick_leave_pct
        from fct_sick_leave as fact
        inner join dim_report as report using (report_key)
        where report.file_name = ?
        order by fact.fiscal_year desc
        """,
        [file_name],
    ).fetchall()


def test_a_staffing_table_of_tillsvidare_and_arsarbeten_gives_every_line(warehouse):
    assert staffing(warehouse, "table.pdf") == [
        ("annual_work_units", "outcome", 2025, 377.5),
        ("employees", "outcome", 2025, 412.0),
        ("employees_men", "outcome", 2025, 111.0),
        ("employees_women", "outcome", 2025, 301.0),
        ("annual_work_units", "outcome_prior_year", 2024, 365.0),
        ("employees", "outcome_prior_year", 2024, 398.0),
        ("employees_men", "outcome_prior_year", 2024, 108.0),
        ("employees_women", "outcome_prior_year", 2024, 290.0),
    ]


def test_staff_and_sick_leave_in_sentences_are_the_committees(warehouse):
    assert staffing(warehouse, "sentences.pdf") == [
        ("annual_work_units", "outcome", 2025, 88.5),
        ("employees", "outcome", 2025, 98.0),
        ("employees_men", "outcome", 2025, 32.0),
        ("employees_women", "outcome", 2025, 66.0),
    ]
    assert sick_leave(warehouse, "sentences.pdf") == [("total", 2025, 5.9), ("total", 2024, 6.9)]


def test_sick_leave_as_a_share_of_working_time_is_the_whole_staffs(warehouse):
    assert sick_leave(warehouse, "share.pdf") == [("total", 2025, 4.2), ("total", 2024, 4.8)]
