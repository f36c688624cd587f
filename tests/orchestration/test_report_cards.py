"""A report card shows each table's crop of each PDF page it is printed on beside the numbers
read there; cards are named by file."""

import shutil
from pathlib import Path

import pdfplumber
import polars as pl
from PIL import Image
from playwright.sync_api import sync_playwright

from extract.pipeline import extract_report
from orchestration.report_cards import (
    CROP_MARGIN,
    CROP_SCALE,
    card_names,
    table_boxes,
    write_cards,
)

PDF = Path(__file__).resolve().parents[1] / "fixtures" / "pdf" / "ruled_interim_report.pdf"
MULTI_PAGE = Path(__file__).resolve().parents[2] / "data" / "raw" / "001_84cd8bd0666b2bbe.pdf"
MULTI_PAGE_TABLE = 8  # its operating table: the header on page 13, the lines on 14 and 15
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
    crop_name = f"{PDF.name}_t1_p{first['page']}.png"
    with Image.open(index.parent / "images" / crop_name) as crop:
        expected = (first["x1"] - first["x0"] + 2 * CROP_MARGIN) * CROP_SCALE
        assert abs(crop.width - expected) <= 2


def test_a_report_card_renders_with_its_source_crop_in_chromium(tmp_path):
    index, _ = cards_for_the_ruled_report(tmp_path)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(index.as_uri(), timeout=30_000)
            page.click(f"a[href='{PDF.name}.html']", timeout=30_000)
            page.wait_for_load_state("load", timeout=30_000)
            widths = page.eval_on_selector_all("img", "images => images.map(i => i.naturalWidth)")
            headings = page.inner_text("body")
            page.screenshot(path=str(tmp_path / "card.png"), full_page=True)
        finally:
            browser.close()
    assert len(widths) == 5 and all(width > 0 for width in widths)
    assert "ruled_interim_report.pdf" in headings and "Table 1, page 2" in headings
    assert (tmp_path / "card.png").stat().st_size > 0


def numbers_outside(pdf: pdfplumber.PDF, page: int, box: dict, cells: pl.DataFrame) -> list[str]:
    """Given a page's table box and that page's cells, return the numbers read there that the
    page does not print inside the box (none when the box is the cells' own, on their page)."""
    bounds = (box["x0"], box["top"], box["x1"], box["bottom"])
    printed = "".join(pdf.pages[page - 1].crop(bounds).extract_text().split())
    numbers = cells.filter(pl.col("number").is_not_null())["text"].to_list()
    return [text for text in numbers if "".join(text.split()) not in printed]


def test_a_table_over_three_pages_shows_each_page_cropped_from_its_own_cells(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copyfile(MULTI_PAGE, raw / MULTI_PAGE.name)
    outcome = extract_report(raw / MULTI_PAGE.name, tmp_path / "extracted", None)
    index = write_cards(tmp_path / "extracted", raw, None, tmp_path / "cards")
    cells = pl.read_parquet(tmp_path / "extracted" / "cells" / f"{outcome.report_key}.parquet")
    table = cells.filter(pl.col("table_id") == MULTI_PAGE_TABLE)
    boxes = table_boxes(table).to_dicts()
    assert [(box["page"], box["part"], box["parts"]) for box in boxes] == [
        (13, 1, 3),
        (14, 2, 3),
        (15, 3, 3),
    ]
    card = (index.parent / f"{MULTI_PAGE.name}.html").read_text(encoding="utf-8")
    with pdfplumber.open(MULTI_PAGE) as pdf:
        for box in boxes:
            page = box["page"]
            assert f"Table {MULTI_PAGE_TABLE}, page {page} (part {box['part']} of 3)" in card
            on_page = table.filter(pl.col("page") == page)
            assert numbers_outside(pdf, page, box, on_page) == []
            crop = index.parent / "images" / f"{MULTI_PAGE.name}_t{MULTI_PAGE_TABLE}_p{page}.png"
            with Image.open(crop) as image:
                expected = (box["bottom"] - box["top"] + 2 * CROP_MARGIN) * CROP_SCALE
                assert abs(image.height - expected) <= 2
    assert f"{outcome.report_key}" not in "".join(p.name for p in index.parent.rglob("*"))


def test_cards_are_named_by_file_with_unsafe_characters_replaced_and_clashes_numbered():
    names = card_names(["a.pdf", "a.txt", 'rapport <2>&"x".pdf', "rapport_2_x_.pdf"])
    assert names == {
        "a.pdf": "a.pdf",
        "a.txt": "a.txt",
        'rapport <2>&"x".pdf': "rapport_2_x_.pdf",
        "rapport_2_x_.pdf": "rapport_2_x_.pdf_2",
    }
