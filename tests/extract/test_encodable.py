"""Text that cannot be written: a PDF whose text layer maps glyphs to a lone surrogate
and control characters (a broken ToUnicode map) is read, cleaned and flagged, not a crash.

The PDF is written here, byte by byte: one glyph per text run (as Chromium prints), a
Courier font whose ToUnicode map sends `#` to U+DD00 and `~` to U+0007 (bell).
"""

import os
from pathlib import Path

import polars as pl
import pytest

from extract.parquet_io import relation_path
from extract.pipeline import extract_report
from extract.readers import read_document
from extract.readers.encodable import REPLACEMENT, clean_text

BROKEN_MAP = {ord("#"): "DD00", ord("~"): "0007"}
LINES = ("Driftredovisning #~", "Kostnader   120   130", "Intakter   40   50")
GLYPH_WIDTH = 6.6  # Courier at 11 pt
WARNING = "text: 2 characters could not be encoded and were replaced by U+FFFD"


def to_unicode_map(mapping: dict[int, str]) -> str:
    """Given overrides code -> UTF-16 hex, return a ToUnicode CMap of printable ASCII."""
    codes = {code: f"{code:04X}" for code in range(0x20, 0x7F)} | mapping
    entries = "\n".join(f"<{code:02X}> <{target}>" for code, target in codes.items())
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(codes)} beginbfchar\n{entries}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    )


def glyph_runs(lines: tuple[str, ...]) -> str:
    """Given lines of ASCII text, return a content stream printing each glyph as its own run."""
    runs = []
    for number, line in enumerate(lines):
        for index, glyph in enumerate(line):
            x, y = 72 + index * GLYPH_WIDTH, 760 - 20 * number
            runs.append(f"BT /F1 11 Tf {x:.1f} {y} Td ({glyph}) Tj ET")
    return "\n".join(runs)


def pdf_bytes(lines: tuple[str, ...], mapping: dict[int, str]) -> bytes:
    """Given lines and a broken ToUnicode map, return a one-page PDF with a correct xref."""
    content, cmap = glyph_runs(lines), to_unicode_map(mapping)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
        " /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /ToUnicode 6 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("ascii")
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return bytes(out + trailer.encode("ascii"))


@pytest.fixture
def broken_pdf(tmp_path) -> Path:
    """Given a tmp folder, return a PDF whose text layer holds a lone surrogate and a bell."""
    path = tmp_path / "raw" / "driftredovisning.pdf"
    path.parent.mkdir()
    path.write_bytes(pdf_bytes(LINES, BROKEN_MAP))
    return path


@pytest.mark.parametrize(
    ("text", "expected", "replaced"),
    [
        ("Summa \udd00 120", f"Summa {REPLACEMENT} 120", 1),
        ("\udcff\ud800", REPLACEMENT * 2, 2),  # a high surrogate without its low one too
        (
            "ab\x00c\x07d\x0ce\x7f\x85",
            f"ab{REPLACEMENT}c{REPLACEMENT}d{REPLACEMENT}e" + 2 * REPLACEMENT,
            5,
        ),
        ("Kostnader\t−1 200\nÅrets utfall 😀", "Kostnader\t−1 200\nÅrets utfall 😀", 0),
    ],
)
def test_clean_text_replaces_only_what_cannot_be_written(text, expected, replaced):
    assert clean_text(text) == (expected, replaced)
    clean_text(text)[0].encode("utf-8")  # raises if anything unencodable were left


def test_a_lone_surrogate_in_a_pdf_text_layer_is_replaced_and_flagged(broken_pdf):
    document = read_document(broken_pdf, max_pages=10)
    texts = [block.text for block in document.text_blocks]
    assert texts[0] == f"Driftredovisning {REPLACEMENT}{REPLACEMENT}"
    assert texts[1:] == ["Kostnader 120 130", "Intakter 40 50"]
    assert WARNING in document.warnings


def test_extracting_a_pdf_with_a_lone_surrogate_writes_an_ok_report(broken_pdf, tmp_path):
    out = tmp_path / "extracted"
    outcome = extract_report(broken_pdf, out)
    assert (outcome.status, outcome.error) == ("ok", None)
    assert WARNING in outcome.warnings
    blocks = pl.read_parquet(relation_path(out, "text_blocks", outcome.report_key))
    assert blocks["text"][0] == f"Driftredovisning {REPLACEMENT}{REPLACEMENT}"
    report = pl.read_parquet(relation_path(out, "reports", outcome.report_key))
    assert WARNING in report["warnings"][0].to_list()


def test_a_file_name_not_in_utf8_gets_a_reports_row(broken_pdf, tmp_path):
    latin1 = broken_pdf.with_name(os.fsdecode(b"drift_\xe5r.pdf"))  # `år` from a Windows zip
    broken_pdf.rename(latin1)
    outcome = extract_report(latin1, tmp_path / "extracted")
    report = pl.read_parquet(relation_path(tmp_path / "extracted", "reports", outcome.report_key))
    assert report["file_name"][0] == f"drift_{REPLACEMENT}r.pdf"
