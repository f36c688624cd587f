"""Damaged copies of small PDFs and DOCX files (`tests.mutants`, fixed seed) extracted one
by one: each is a `reports` row, and a failed one says what the damage is, in the reader's
words, not as an unexpected exception.

Found by fuzzing: a PDF page pdfium cannot load, a DOCX part that does not decompress
(a flipped compression method, a broken deflate stream), a zip directory the size check
could not read.
"""

from pathlib import Path

import polars as pl
import pytest

from extract.parquet_io import relation_path
from extract.pipeline import ExtractSettings, extract_report
from tests.mutants import write_mutants

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SOURCES = [
    FIXTURES / "pdf/ruled_interim_report.pdf",
    FIXTURES / "pdf/borderless_table_over_pages.pdf",
    FIXTURES / "docx/interim_report.docx",
    FIXTURES / "docx/layout.docx",
]
SEED = 5  # its copies include each damage named above
COUNT = 64  # 16 of each source: every DOCX damage twice
SETTINGS = ExtractSettings(max_seconds=30)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """Given a tmp folder, return the outcome of extracting each damaged copy."""
    root = tmp_path_factory.mktemp("damaged")
    (root / "raw").mkdir()
    mutants = write_mutants(SOURCES, COUNT, root / "raw", SEED)
    return root / "extracted", [
        extract_report(m, root / "extracted", None, SETTINGS) for m in mutants
    ]


def test_every_damaged_copy_is_a_reports_row(outcomes):
    extracted, results = outcomes
    for outcome in results:
        row = pl.read_parquet(relation_path(extracted, "reports", outcome.report_key)).row(
            0, named=True
        )
        assert (row["status"], row["error"]) == (outcome.status, outcome.error)
    assert sum(outcome.status == "failed" for outcome in results) >= COUNT // 2


def test_a_failed_copy_says_what_is_damaged(outcomes):
    _, results = outcomes
    errors = [outcome.error for outcome in results if outcome.status == "failed"]
    assert not [error for error in errors if error.startswith("unexpected")]
    assert any("is damaged and cannot be loaded" in error for error in errors)
    assert any("not a readable zip package" in error for error in errors)
