"""The optional manifest.csv: what Excel writes is read, what is wrong is named."""

from pathlib import Path

import polars as pl
import pytest

from extract.manifest import ManifestError, manifest_findings, read_manifest
from extract.pipeline import extract_report

TEXT_REPORT = Path(__file__).parents[1] / "fixtures" / "text" / "tab_led_cells.txt"


def write_manifest(folder: Path, text: str, encoding: str = "utf-8") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.csv").write_bytes(text.encode(encoding))
    return folder


def test_a_swedish_excel_export_is_read(tmp_path):
    text = "\ufefffile;Municipality;committee;period_end;Kommentar\r\n"
    text += "rapport.txt;Malmö;Kommunstyrelsen;2024-08-31;ändrad av Åsa\r\n;;;;\r\n"
    raw = write_manifest(tmp_path, text, encoding="utf-8")
    assert read_manifest(raw)["rapport.txt"]["municipality"] == "Malmö"
    raw = write_manifest(tmp_path / "cp", text.lstrip("\ufeff"), encoding="cp1252")
    rows = read_manifest(raw)
    assert rows == {
        "rapport.txt": {
            "file": "rapport.txt",
            "municipality": "Malmö",
            "committee": "Kommunstyrelsen",
            "period_end": "2024-08-31",
        }
    }
    assert any("Kommentar" in line for line in manifest_findings(raw, ["rapport.txt"]))


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("name,municipality\nrapport.txt,Malmö\n", "row 1: no column 'file'"),
        ("file,municipality\nrapport.txt,Malmö,extra\n", "row 2: 3 values"),
        ('file,municipality\n"rapport.txt,Malmö\n', "row 2"),
        ("file,municipality\n,Malmö\n", "row 2, column file: empty"),
        ("", "row 1: no column 'file'"),
    ],
)
def test_a_malformed_manifest_is_refused_naming_row_and_column(tmp_path, text, says):
    with pytest.raises(ManifestError, match=says):
        read_manifest(write_manifest(tmp_path, text))


def test_each_valid_value_of_a_row_applies_and_each_invalid_one_is_a_warning(tmp_path):
    row = {"file": TEXT_REPORT.name, "municipality": "9999", "period_end": "2024-08-31"}
    outcome = extract_report(TEXT_REPORT, tmp_path, manifest_row=row)
    report = pl.read_parquet(tmp_path / "reports" / f"{outcome.report_key}.parquet").row(
        0, named=True
    )
    assert str(report["period_end"]) == "2024-08-31" and report["fiscal_year"] == 2024
    assert (report["municipality_code"], report["municipality_source"]) == ("0834", "text")
    assert any("municipality" in w and "9999" in w for w in report["warnings"])


@pytest.mark.parametrize(
    ("column", "value"),
    [("report_kind", "kattrapport"), ("source_url", "javascript:alert(1)")],
)
def test_an_unknown_report_kind_or_unsafe_url_is_a_warning_not_a_value(tmp_path, column, value):
    row = {"file": TEXT_REPORT.name, column: value}
    outcome = extract_report(TEXT_REPORT, tmp_path, manifest_row=row)
    report = pl.read_parquet(tmp_path / "reports" / f"{outcome.report_key}.parquet").row(
        0, named=True
    )
    assert report[column] != value
    assert any(column in w and value in w for w in report["warnings"])


def test_duplicate_rows_and_rows_for_missing_files_are_warnings(tmp_path):
    text = "file,committee\na.txt,Kommunstyrelsen\na.txt,Barn- och utbildningsnämnden\n"
    text += "gone.txt,Kommunstyrelsen\n"
    raw = write_manifest(tmp_path, text)
    assert read_manifest(raw)["a.txt"]["committee"] == "Kommunstyrelsen"  # the first row
    findings = manifest_findings(raw, ["a.txt"])
    assert any("row 3" in line and "row 2" in line for line in findings)
    assert any("row 4" in line and "gone.txt" in line for line in findings)
