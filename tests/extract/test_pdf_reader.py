"""The PDF reader on a real interim report (Torsås), rendered ruled and borderless."""

from pathlib import Path

import pytest

from extract.readers.pdf import PdfSettings, read

FIXTURES = Path(__file__).parent.parent / "fixtures" / "pdf"
RULED = FIXTURES / "ruled_interim_report.pdf"
BORDERLESS = FIXTURES / "borderless_interim_report.pdf"

OPERATING = [
    ["Tkr", "Budget 2021", "Utfall 21-08-31", "Förbrukning %", "Årsprognos 2021", "Avvikelse"],
    ["Intäkter", "-3 200", "-6 101", "190,7", "-6 100", "-2 900"],
    ["Personalkostnader", "25 380", "17 275", "68,4", "26 280", "900"],
    ["Övriga kostnader", "63 367", "42 902", "65,5", "64 367", "1 000"],
    ["Nettokostnader", "85 547", "54 076", "63,2", "84 547", "-1 000"],
]
INVESTMENT = [
    ["Tkr", "Budget 2021", "Utfall 21-08-31", "Årsprognos 2021", "Avvikelse"],
    ["Projekt Bergkvara hamn", "245", "1", "245", "0"],
    ["IT, system Struktur", "600", "674", "700", "100"],
    ["Plattform digitala tjänst", "500", "90", "500", "0"],
    ["Fiber", "30 000", "17 021", "30 000", "0"],
    ["Bkv 2:1 Fasad S-huset", "440", "339", "440", "0"],
    ["Muddring småbåtshamn", "3 290", "2 499", "3 290", "0"],
    ["GC-väg Söderåkra-Torsås", "4 801", "0", "400", "-4 401"],
    ["Nettoinvesteringar", "39 876", "20 534", "35 575", "-4 301"],
]


def texts(table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def table_captioned(document, caption: str):
    return next(t for t in document.tables if t.caption == caption)


@pytest.fixture(scope="module")
def ruled():
    return read(RULED)


@pytest.fixture(scope="module")
def borderless():
    return read(BORDERLESS)


def test_reads_ruled_table_with_wrapped_labels_as_one_cell(ruled):
    table = table_captioned(ruled, "Driftbudget")
    assert table.method == "ruled"
    assert table.page == 3
    assert texts(table) == OPERATING


def test_reads_ruled_investment_table_joining_hyphenated_and_spaced_wraps(ruled):
    table = table_captioned(ruled, "Investeringsbudget inkl. kompletteringsbudget")
    assert texts(table) == INVESTMENT


@pytest.mark.parametrize(
    ("caption", "rows"),
    [("Driftbudget", OPERATING), ("Investeringsbudget inkl. kompletteringsbudget", INVESTMENT)],
)
def test_reads_borderless_rendering_as_the_same_rows(borderless, caption, rows):
    table = table_captioned(borderless, caption)
    assert table.method == "borderless"
    assert texts(table) == rows


def test_keeps_cells_on_their_page_with_bbox_inside_it(borderless):
    table = table_captioned(borderless, "Driftbudget")
    cell = table.rows[2][0]  # `Personalkost` / `nader`: two printed lines
    x0, top, x1, bottom = cell.bbox
    assert cell.page == 3
    assert bottom - top > 20  # the union of both lines, not the first alone
    assert 0 < x0 < x1 < 612


def test_gives_context_with_the_running_text_above_the_table(borderless):
    table = table_captioned(borderless, "Investeringsbudget inkl. kompletteringsbudget")
    assert "avvikelse om -1 miljoner" in table.context
    assert len(table.context) <= 600


def test_keeps_running_text_as_whole_paragraphs_outside_tables(borderless):
    blocks = [b.text for b in borderless.text_blocks]
    sentence = (
        "Prognosen för helåret är att det blir en avvikelse om -1 miljoner, av beviljad budgetram."
    )
    assert any(sentence in text for text in blocks)
    assert not any("85 547" in text for text in blocks)  # table cells are not running text


def test_numbers_pages_from_one(ruled):
    assert ruled.page_count == 4
    assert {b.page for b in ruled.text_blocks} == {1, 2, 3, 4}


def test_reads_only_max_pages_and_says_so():
    document = read(RULED, PdfSettings(max_pages=2))
    assert document.page_count == 4
    assert max(b.page for b in document.text_blocks) == 2
    assert document.warnings == ["PDF has 4 pages; only the first 2 were read"]
    assert document.truncated
    assert not read(RULED).truncated
