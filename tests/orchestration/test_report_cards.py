"""A report card shows each table's crop of the PDF page beside the numbers read from it."""

import shutil
from pathlib import Path

import polars as pl
from PIL import Image
from playwright.sync_api import sync_playwright

from extract.pipeline import extract_report
from orchestration.report_cards import CROP_MARGIN, CROP_SCALE, table_boxes, write_cards

PDF = Path(__file__).resolve().parents[1] / "fixtures" / "pdf" / "ruled_interim_report.pdf"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def cards_for_the_ruled_report(tmp_path: Path) -> tuple[Path, str]:
    """Given a tmp folder, extract the ruled PDF there, write its cards; return index, key."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copyfile(PDF, raw / PDF.name)
    outcome = extract_report(raw / PDF.name, tmp_path / "extracted", None)
    index = write_cards(tmp_path / "extracted", raw, None, tmp_path / "cards")
    return index, outcome.report_key


def test_each_table_crop_is_its_cell_box_with_a_margin(tmp_path):
    index, key = cards_for_the_ruled_report(tmp_path)
    cells = pl.read_parquet(tmp_path / "extracted" / "cells" / f"{key}.parquet")
    boxes = table_boxes(cells).to_dicts()
    assert [box["table_id"] for box in boxes] == [1, 2, 3, 4, 5]
    first = boxes[0]
    with Image.open(index.parent / "images" / f"{key}_t1.png") as crop:
        expected = (first["x1"] - first["x0"] + 2 * CROP_MARGIN) * CROP_SCALE
        assert abs(crop.width - expected) <= 2


def test_a_report_card_renders_with_its_source_crop_in_chromium(tmp_path):
    index, key = cards_for_the_ruled_report(tmp_path)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(index.as_uri(), timeout=30_000)
            page.click(f"a[href='{key}.html']", timeout=30_000)
            page.wait_for_load_state("load", timeout=30_000)
            widths = page.eval_on_selector_all("img", "images => images.map(i => i.naturalWidth)")
            headings = page.inner_text("body")
            page.screenshot(path=str(tmp_path / "card.png"), full_page=True)
        finally:
            browser.close()
    assert len(widths) == 5 and all(width > 0 for width in widths)
    assert "ruled_interim_report.pdf" in headings and "Table 1, page 2" in headings
    assert (tmp_path / "card.png").stat().st_size > 0
