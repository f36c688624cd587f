"""Which detection warnings the manifest settles, by the field each one names."""

from datetime import date

from extract.detect import detect_metadata
from extract.model import Document, TextBlock
from extract.report_rows import apply_manifest, report_row

UNDATED = [TextBlock(1, "Delårsrapport"), TextBlock(1, "Nämnden har följt sin plan.")]


def fields(warnings) -> list[str]:
    """Given detection warnings, return the fields they name."""
    return [warning.field for warning in warnings]


def test_detection_leaves_every_unsettled_field_as_a_warning_naming_it():
    detected = detect_metadata(UNDATED, "x.txt")
    assert fields(detected.warnings) == ["municipality", "committee", "period"]


def test_a_manifest_value_settles_the_warning_of_its_field_only():
    detected = detect_metadata(UNDATED, "x.txt")
    merged, problems = apply_manifest(
        detected, {"file": "x.txt", "committee": "Kultur- och fritidsnämnden"}
    )
    assert (merged.committee_name, problems) == ("Kultur- och fritidsnämnden", [])
    assert fields(merged.warnings) == ["municipality", "period"]


def test_the_manifest_period_end_and_municipality_settle_theirs():
    detected = detect_metadata(UNDATED, "x.txt")
    row = {"file": "x.txt", "municipality": "Torsås", "period_end": "2025-04-30"}
    merged, _ = apply_manifest(detected, row)
    assert (merged.municipality_code, merged.period_end) == ("0834", date(2025, 4, 30))
    assert fields(merged.warnings) == ["committee"]


def test_a_manifest_value_that_cannot_be_used_settles_nothing():
    detected = detect_metadata(UNDATED, "x.txt")
    merged, problems = apply_manifest(detected, {"file": "x.txt", "municipality": "Atlantis"})
    assert problems == [
        "manifest municipality 'Atlantis' is not one of the 290; the value is ignored"
    ]
    assert fields(merged.warnings) == ["municipality", "committee", "period"]


def test_the_reports_row_writes_each_warning_as_field_and_message(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("Delårsrapport", encoding="utf-8")
    detected = detect_metadata(UNDATED, "x.txt")
    row = report_row(
        path, "0" * 64, Document(page_count=1), detected, {"committee": "Socialnämnden"}
    )
    assert row["warnings"] == [
        "municipality: not named in the text",
        "period: not stated near the title",
    ]
