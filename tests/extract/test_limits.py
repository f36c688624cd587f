"""Per-report limits that hold against hostile files: size, memory, links, moving content."""

import hashlib
import os
import threading
import time
import zipfile
from pathlib import Path

import polars as pl
import pytest

from extract.limits import TimeLimitExceeded, time_limit
from extract.pipeline import ExtractSettings, discover_reports, extract_report, file_sha256

FIXTURES = Path(__file__).parents[1] / "fixtures"
TEXT_REPORT = FIXTURES / "text" / "tab_led_cells.txt"
DOCX_REPORT = FIXTURES / "docx" / "interim_report.docx"
MB = 1024 * 1024


def report_row(out_dir: Path, key: str) -> dict:
    return pl.read_parquet(out_dir / "reports" / f"{key}.parquet").row(0, named=True)


def docx_bomb(path: Path, xml_bytes: int) -> Path:
    """Given a path, write a DOCX whose document.xml expands to about xml_bytes."""
    with zipfile.ZipFile(DOCX_REPORT) as source, zipfile.ZipFile(path, "w") as bomb:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                filler = b"<!--" + b"x" * xml_bytes + b"-->"
                data = data.replace(b"<w:body>", b"<w:body>" + filler, 1)
            bomb.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def test_a_docx_whose_xml_expands_past_the_limit_fails_before_parsing(tmp_path):
    bomb = docx_bomb(tmp_path / "bomb.docx", xml_bytes=8 * MB)
    assert bomb.stat().st_size < MB
    settings = ExtractSettings(max_text_bytes=4 * MB)
    outcome = extract_report(bomb, tmp_path / "out", settings=settings)
    assert outcome.status == "failed"
    assert "uncompressed" in outcome.error and str(4 * MB) in outcome.error


def test_a_text_export_over_the_text_limit_fails_with_the_limit_named(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(TEXT_REPORT.read_bytes() * 40)  # 355 kB
    settings = ExtractSettings(max_text_bytes=MB // 4)
    outcome = extract_report(big, tmp_path / "out", settings=settings)
    assert outcome.status == "failed" and f"over the limit of {MB // 4}" in outcome.error


def test_a_report_needing_more_memory_than_its_limit_fails_and_the_build_goes_on(tmp_path):
    big = tmp_path / "big.txt"
    # about 36 MB of text, ~1 GB to read: far more than the free heap a long-lived
    # test worker may already have mapped (the limit bounds address-space growth)
    big.write_bytes(TEXT_REPORT.read_bytes() * 4000)
    settings = ExtractSettings(max_memory_bytes=64 * MB, max_text_bytes=64 * MB)
    outcome = extract_report(big, tmp_path / "out", settings=settings)
    assert outcome.status == "failed" and "memory limit of 64 MB" in outcome.error
    assert report_row(tmp_path / "out", outcome.report_key)["status"] == "failed"
    assert extract_report(TEXT_REPORT, tmp_path / "out").status == "ok"


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("KOMMUNLAGER_MAX_MEMORY_MB", "300")
    monkeypatch.setenv("KOMMUNLAGER_MAX_TEXT_MB", "7")
    settings = ExtractSettings.from_env()
    assert (settings.max_memory_bytes, settings.max_text_bytes) == (300 * MB, 7 * MB)


def test_the_hash_is_of_the_bytes_actually_read(tmp_path):
    """A path whose content differs at each open (a FIFO): key and rows come from one read."""
    fifo = tmp_path / "moving.txt"
    os.mkfifo(fifo)
    versions = [TEXT_REPORT.read_bytes(), TEXT_REPORT.read_bytes().replace(b"2021", b"2019")]

    def serve() -> None:
        for version in versions:
            with open(fifo, "wb") as handle:
                handle.write(version)
            time.sleep(0.5)  # the reader sees the end of the first version before the next

    server = threading.Thread(target=serve, daemon=True)
    server.start()
    outcome = extract_report(fifo, tmp_path / "out")
    row = report_row(tmp_path / "out", outcome.report_key)
    assert row["sha256"] == hashlib.sha256(versions[0]).hexdigest()
    assert row["fiscal_year"] == 2021 and outcome.status == "ok"
    with open(fifo, "rb") as handle:  # let the server finish if it waits for a second reader
        handle.read()


def test_links_out_of_the_raw_folder_are_recorded_not_followed(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "passwd.txt").symlink_to("/etc/passwd")
    (raw / "broken.txt").symlink_to(raw / "nowhere.txt")
    (raw / "inside.txt").symlink_to(TEXT_REPORT.name)
    (raw / TEXT_REPORT.name).write_bytes(TEXT_REPORT.read_bytes())
    found = [path.name for path in discover_reports(raw)]
    assert found == ["broken.txt", "inside.txt", "passwd.txt", TEXT_REPORT.name]
    out = tmp_path / "out"
    outside = extract_report(raw / "passwd.txt", out)
    assert outside.status == "failed" and "outside the raw folder" in outside.error
    assert "root:" not in str(report_row(out, outside.report_key))
    broken = extract_report(raw / "broken.txt", out)
    assert broken.status == "failed" and "broken symbolic link" in broken.error
    assert outside.report_key == file_sha256(raw / "passwd.txt")[:16]
    assert extract_report(raw / "inside.txt", out).status == "ok"


@pytest.mark.parametrize("name", ["passwd.txt"])
def test_a_link_out_is_never_hashed_through(tmp_path, name):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / name).symlink_to("/etc/passwd")
    assert file_sha256(raw / name) != hashlib.sha256(Path("/etc/passwd").read_bytes()).hexdigest()


def test_an_error_names_the_file_not_its_private_copy(tmp_path):
    bad = tmp_path / "corrupt.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    outcome = extract_report(bad, tmp_path / "out")
    assert outcome.status == "failed" and ".reading-" not in outcome.error


def swallowing_every_error(seconds: float) -> int:
    """Given a duration, busy-work that long, catching every exception (pdfminer does)."""
    swallowed = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            sum(range(1000))
        except Exception:  # noqa: BLE001 - the library behaviour under test
            swallowed += 1
    return swallowed


def test_a_time_limit_holds_when_a_library_swallows_its_first_alarm():
    with pytest.raises(TimeLimitExceeded, match="limit of 0.1 s"), time_limit(0.1):
        swallowing_every_error(1.2)
