"""Numeric regions outside tables: number rows the table readers did not turn into a table."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.model import Document, RawCell, RawTable, TextBlock
from extract.pipeline import extract_report
from extract.readers import pdf
from extract.regions import NumericRegion, document_to_regions, is_number_row

ROWS = ("Fotboll 120 135", "Handboll 80 95", "Simning 60 70")


def test_a_line_ending_in_two_numbers_is_a_number_row():
    assert is_number_row("Kommunersättning 101,0 115,4 115,4")
    assert is_number_row("Nettokostnad -3 200 - 14 000")
    assert is_number_row("Summa - -")


def test_a_line_ending_in_negatives_in_parentheses_is_a_number_row():
    assert is_number_row("Förskola (182 400) (123 330)")
    assert is_number_row("Förskola 182 400 123 330 (1 730)")
    assert not is_number_row("Avvikelse budget 2025 (+ = överskott)")


def test_years_and_sentences_are_no_number_rows():
    assert not is_number_row("Budget Utfall 2023 2024")
    assert not is_number_row("Överskottet blev 12,8 mnkr för helåret.")
    assert not is_number_row("Information enligt MBL § 19 genomfördes den 2021-09-23")


def test_three_number_rows_make_a_region_and_two_do_not():
    three = Document(
        1, text_blocks=[TextBlock(2, "Antal deltagare"), *(TextBlock(2, r) for r in ROWS)]
    )
    two = Document(1, text_blocks=[TextBlock(2, r) for r in ROWS[:2]])
    assert document_to_regions(three) == [NumericRegion(2, 3, "Fotboll 120 135")]
    assert document_to_regions(two) == []


def test_a_wrapped_label_stays_inside_a_region_but_a_paragraph_ends_it():
    wrapped = [
        TextBlock(1, ROWS[0]),
        TextBlock(1, "Innebandy och"),
        *(TextBlock(1, r) for r in ROWS[1:]),
    ]
    apart = [
        TextBlock(1, ROWS[0]),
        TextBlock(1, "Text."),
        TextBlock(1, "Mer text."),
        TextBlock(1, ROWS[1]),
    ]
    assert [r.numeric_rows for r in document_to_regions(Document(1, text_blocks=wrapped))] == [3]
    assert document_to_regions(Document(1, text_blocks=apart + [TextBlock(1, ROWS[2])])) == []


def test_rows_on_two_pages_or_around_a_found_table_are_no_region():
    on_two_pages = [TextBlock(1, ROWS[0]), TextBlock(1, ROWS[1]), TextBlock(2, ROWS[2])]
    assert document_to_regions(Document(2, text_blocks=on_two_pages)) == []
    table = RawTable(
        [[RawCell("Intäkter", 1, (50, 200, 100, 210)), RawCell("5", 1, (300, 200, 310, 210))]],
        1,
        "ruled",
    )
    around = [
        TextBlock(1, " ".join(ROWS[:2]), (50, 100, 200, 110), ROWS[:2]),
        TextBlock(1, ROWS[2], (50, 300, 200, 310), (ROWS[2],)),
    ]
    assert document_to_regions(Document(1, tables=[table], text_blocks=around)) == []


def test_pdf_paragraphs_keep_their_printed_lines_and_box(tmp_path: Path):
    path = tmp_path / "prose.pdf"
    sheet = canvas.Canvas(str(path), pagesize=A4)
    sheet.setFont("Helvetica", 10)
    for number, line in enumerate(("Verksamheten har bedrivits", "enligt plan under året.")):
        sheet.drawString(72, 750 - 9 * number, line)
    sheet.save()
    (block,) = pdf.read(path).text_blocks
    assert block.lines == ("Verksamheten har bedrivits", "enligt plan under året.")
    assert block.text == " ".join(block.lines)
    x0, top, x1, bottom = block.bbox
    assert 71 < x0 < 73 and top < bottom and x1 > x0


def test_a_text_export_with_rows_outside_tables_writes_one_region(tmp_path: Path):
    report = tmp_path / "report.txt"
    report.write_text("Deltagare per aktivitet\n" + "\n".join(ROWS) + "\n", encoding="utf-8")
    outcome = extract_report(report, tmp_path / "extracted")
    regions = pl.read_parquet(
        tmp_path / "extracted" / "numeric_regions" / f"{outcome.report_key}.parquet"
    )
    assert regions.select("page", "region_index", "numeric_rows", "first_row").rows() == [
        (1, 1, 3, "Fotboll 120 135")
    ]
