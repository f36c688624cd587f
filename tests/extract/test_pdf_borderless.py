"""Borderless tables from real pages: Simrishamn's annual report and Askersund's activities."""

from pathlib import Path

import pytest

from extract.readers.pdf import read
from extract.readers.pdf.words import Line, Word, merge_numbers
from extract.readers.pdf.wrap import join_wrapped

FIXTURES = Path(__file__).parent.parent / "fixtures" / "pdf"


def texts(table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


@pytest.fixture(scope="module")
def annual():
    return read(FIXTURES / "borderless_annual_report_page.pdf")


@pytest.fixture(scope="module")
def over_pages():
    return read(FIXTURES / "borderless_table_over_pages.pdf")


def test_reads_borderless_operating_table_with_spaced_negative_and_missing_cell(annual):
    table = annual.tables[0]
    assert table.method == "borderless"
    assert table.caption == "Driftredovisning"
    assert texts(table) == [
        ["Verksamheter (tkr)", "Utfall 2025", "Budget 2025", "Återstår"],
        ["Nämnd- och styrelseverksamhet", "-698", "-679", "-19"],
        ["Fysisk och teknisk planering", "-602", "-373", "-229"],
        ["Turistverksamhet", "2 802", "2 803", "-1"],
        ["Alkoholtillstånd", "1", "", "1"],
        ["Allmän fritidsverksamhet", "- 6 279", "-6 827", "548"],
        ["Stöd till studieorganisationer", "-377", "-400", "23"],
        ["Allmän kulturverksamhet", "-2 564", "-2 612", "49"],
        ["Museum/konsthall", "-8 417", "-8 603", "186"],
        ["Bibliotek", "-13 123", "-13 152", "29"],
        ["Idrotts- och fritidsanläggning", "-24 835", "-23 885", "-950"],
        ["Fritidsgårdsverksamhet", "-5 347", "-5 386", "39"],
        ["Gem adm kultur och fritid", "-2 612", "-4 005", "1 394"],
        ["Summa totalt", "-62 049", "-63 119", "1 070"],
    ]


def test_reads_two_line_headers_as_one_cell_per_column(annual):
    table = annual.tables[1]
    assert texts(table) == [
        ["Bidrag, tkr", "Bokslut 2023", "Bokslut 2024", "Bokslut 2025", "Budget 2025"]
        + ["Antal 2023", "Antal 2024", "Antal 2025"],
        ["Arrangörsbidrag för kulturföreningar", "-718", "-718", "-718", "-718", "23", "23", "27"],
        ["Verksamhetsstöd för kulturverksamheter"] + ["-450"] * 4 + ["5", "5", "4"],
        ["Studieförbundsbidrag", "-400", "-391", "-397", "-400*", "11", "10", "9"],
        ["Kultur- och arrangörsbidrag"] + ["Ej aktuellt"] * 7,
        ["Totalt", "-1 568", "-1 559", "-1 565", "-1 568", "39", "38", "40"],
    ]


def test_does_not_read_prose_with_numbers_as_a_table(annual):
    assert len(annual.tables) == 2
    assert any("nio av totalt elva bidrag" in block.text for block in annual.text_blocks)


def test_joins_a_table_continued_on_the_next_pages(over_pages):
    table = next(t for t in over_pages.tables if t.caption == "Driftredovisning 2024")
    rows = texts(table)
    assert rows[0] == ["Verksamhet", "Utfall 2408", "Prognos 2024", "Budget 2024"] + [
        "Avvikelse",
        "Analys",
    ]
    assert len(rows) == 25
    assert rows[-1] == ["Summa Kommunstyrelsen", "-114 168", "-174 861", "-169 744", "-5 117", ""]
    assert {cell.page for cell in table.rows[-1]} == {3}
    assert table.page == 1


def test_finishes_a_label_broken_across_the_page(over_pages):
    rows = texts(next(t for t in over_pages.tables if t.caption == "Driftredovisning 2024"))
    assert ["45 Gymnasieskola", "-46 705", "-76 294", "-70 294", "-6 000", "5"] in rows
    assert ["11 Stöd till politiska partier", "-393", "-590", "-590", "0", ""] in rows


def test_keeps_a_truncated_number_as_printed(over_pages):
    rows = texts(next(t for t in over_pages.tables if t.caption == "Driftredovisning 2024"))
    assert ["92 Gemensamma verksamheter", "-26 62", "-39 882", "-39 530", "-352", "9"] in rows


def word(text: str, x0: float, x1: float, top: float = 100.0) -> Word:
    return Word(text, x0, x1, top, top + 10)


def test_merges_swedish_thousands_groups_but_not_neighbouring_columns():
    line = Line(
        (
            word("-", 90, 93),
            word("6", 96, 101),
            word("279", 104, 120),
            word("30", 190, 200),
            word("000", 203, 220),
            word("12", 300, 310),
        )
    )
    merged = merge_numbers(line, gap_ratio=0.45)
    assert [w.text for w in merged.words] == ["- 6 279", "30 000", "12"]


def test_a_monospaced_thousands_space_is_one_character_cell_wide():
    """In a monospaced font (6 points a character) the space is as wide as a digit."""
    line = Line((word("3", 100, 106), word("857", 112, 130), word("4", 140, 146)))
    assert [w.text for w in merge_numbers(line, gap_ratio=0.45).words] == ["3 857", "4"]
    proportional = Line((word("3", 100, 105.5), word("857", 111.5, 128)))
    assert [w.text for w in merge_numbers(proportional, gap_ratio=0.45).words] == ["3", "857"]


def monospaced(texts_at: list[tuple[str, int]], advance: float = 6.0) -> Line:
    """Given (text, first character's position) pairs, return a line set one advance a character."""
    return Line(tuple(word(t, at * advance, (at + len(t)) * advance) for t, at in texts_at))


def test_merges_groups_a_monospaced_space_apart_unless_a_run_of_groups_leaves_it_open():
    lone = monospaced([("1", 20), ("267", 22), ("928", 30), ("1", 40), ("267", 42)])
    assert [w.text for w in merge_numbers(lone, 0.45).words] == ["1 267", "928", "1 267"]
    decimals = monospaced([("-1", 20), ("819,63", 23), ("-1", 32), ("814,33", 35)])
    assert [w.text for w in merge_numbers(decimals, 0.45).words] == ["-1 819,63", "-1 814,33"]
    signed = monospaced([("−91", 20), ("704", 24), ("−57", 28), ("225", 32)])
    assert [w.text for w in merge_numbers(signed, 0.45).words] == ["−91 704", "−57 225"]
    run = monospaced([("200", 20), ("328", 24), ("203", 28), ("875", 32), ("209", 37)])
    assert [w.text for w in merge_numbers(run, 0.45).words] == ["200", "328", "203", "875", "209"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([word("Personalkost", 90, 148), word("nader", 90, 116, 113)], "Personalkostnader"),
        ([word("Övriga", 90, 120), word("kostnader", 90, 135, 113)], "Övriga kostnader"),
        ([word("Söderåkra-", 90, 140), word("Torsås", 90, 120, 113)], "Söderåkra-Torsås"),
        ([word("Förbrukning", 90, 149), word("%", 90, 99, 113)], "Förbrukning %"),
        ([word("-", 90, 93), word("Lokalkostnader", 90, 149, 113)], "- Lokalkostnader"),
    ],
)
def test_joins_wrapped_cell_lines_by_the_documented_rule(lines, expected):
    assert join_wrapped(lines, right_limit=151.3).text == expected
