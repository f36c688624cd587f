"""Extracting one report into the five Parquet relations, good input and bad."""

from pathlib import Path

import polars as pl
import pypdfium2 as pdfium
import pytest

from extract.pipeline import ExtractSettings, extract_report, file_sha256
from extract.report_rows import report_key_for_sha

FIXTURES = Path(__file__).parents[1] / "fixtures"
TEXT_REPORT = FIXTURES / "text" / "tab_led_cells.txt"
HOSTILE = FIXTURES / "hostile"


def read(out_dir: Path, relation: str, report_key: str) -> pl.DataFrame:
    return pl.read_parquet(out_dir / relation / f"{report_key}.parquet")


def test_extracts_a_text_report_into_five_relations(tmp_path):
    outcome = extract_report(TEXT_REPORT, tmp_path)
    assert outcome.report_key == report_key_for_sha(file_sha256(TEXT_REPORT))
    report = read(tmp_path, "reports", outcome.report_key).row(0, named=True)
    assert (report["status"], report["municipality_code"], report["committee_name"]) == (
        "ok",
        "0834",
        "Kommunstyrelsen",
    )
    assert str(report["period_end"]) == "2021-08-31" and report["period_kind"] == "interim"
    cells = read(tmp_path, "cells", outcome.report_key)
    net_budget = cells.filter(
        (pl.col("row_label") == "Nettokostnader") & (pl.col("column_header") == "Budget 2021")
    )
    assert net_budget.select("text", "number", "decimals", "is_header").rows() == [
        ("85 547", 85547.0, 0, False)
    ]
    tables = read(tmp_path, "tables", outcome.report_key)
    assert "Driftbudget" in tables["caption"].to_list()
    assert outcome.n_tables == tables.height and outcome.n_cells == cells.height


def test_extracting_the_same_file_twice_writes_identical_relations(tmp_path):
    first = extract_report(TEXT_REPORT, tmp_path / "a")
    second = extract_report(TEXT_REPORT, tmp_path / "b")
    for relation in ("reports", "tables", "cells", "text_blocks", "prose_facts"):
        assert read(tmp_path / "a", relation, first.report_key).equals(
            read(tmp_path / "b", relation, second.report_key)
        ), relation


@pytest.mark.parametrize(
    ("file_name", "error_says"),
    [
        ("zero_bytes.pdf", "empty file"),
        ("truncated.pdf", "not a readable PDF"),
        ("random_bytes.pdf", "not a PDF: the file is binary data"),
        ("saved_web_page.pdf", "not a PDF: the file is an HTML page"),
        ("password_protected.pdf", "password-protected"),
        ("scanned_image_only.pdf", "no page has a text layer"),
        ("corrupt.docx", "not a DOCX file"),
        ("spreadsheet.ods", "unsupported file type '.ods'"),
    ],
)
def test_bad_input_gets_a_failed_report_row_with_a_clear_error(tmp_path, file_name, error_says):
    outcome = extract_report(HOSTILE / file_name, tmp_path)
    report = read(tmp_path, "reports", outcome.report_key).row(0, named=True)
    assert (outcome.status, report["status"]) == ("failed", "failed")
    assert error_says in report["error"]
    assert report["file_name"] == file_name
    assert read(tmp_path, "cells", outcome.report_key).height == 0


def many_page_pdf(path: Path, pages: int) -> Path:
    source = pdfium.PdfDocument(FIXTURES / "pdf" / "ruled_interim_report.pdf")
    document = pdfium.PdfDocument.new()
    document.import_pages(source, [2] * pages)
    document.save(path)
    return path


def test_a_pdf_over_the_page_limit_is_read_up_to_the_limit_and_marked_partial(tmp_path):
    big = many_page_pdf(tmp_path / "big.pdf", pages=3000)
    outcome = extract_report(big, tmp_path / "out", settings=ExtractSettings(max_pages=5))
    report = read(tmp_path / "out", "reports", outcome.report_key).row(0, named=True)
    assert (report["status"], report["page_count"]) == ("partial", 3000)
    assert "limit" in report["error"]
    pages = read(tmp_path / "out", "cells", outcome.report_key)["page"].unique().to_list()
    assert pages and max(pages) <= 5


def test_a_report_that_takes_too_long_fails_with_the_limit_named(tmp_path):
    slow = many_page_pdf(tmp_path / "slow.pdf", pages=400)
    outcome = extract_report(slow, tmp_path / "out", settings=ExtractSettings(max_seconds=0.2))
    assert outcome.status == "failed"
    assert "longer than the limit of 0.2 s" in outcome.error


def test_the_manifest_wins_over_what_the_text_says(tmp_path):
    row = {
        "file": TEXT_REPORT.name,
        "municipality": "Kalmar",
        "source_url": "https://example.org/r",
    }
    outcome = extract_report(TEXT_REPORT, tmp_path, manifest_row=row)
    report = read(tmp_path, "reports", outcome.report_key).row(0, named=True)
    assert (report["municipality_code"], report["municipality_source"]) == ("0880", "manifest")
    assert report["source_url"] == "https://example.org/r"
