"""Borderless layouts: wrapped header labels, headers left on the previous page, one-number rows."""

from pathlib import Path

import pytest

from extract.readers.pdf import read

FIXTURES = Path(__file__).parent.parent / "fixtures" / "pdf"


def texts(table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


@pytest.fixture(scope="module")
def one_number_rows():
    return read(FIXTURES / "borderless_one_number_rows.pdf")


def test_reads_a_wrapped_header_label_as_one_header_cell():
    document = read(FIXTURES / "borderless_wrapped_header.pdf")
    assert texts(document.tables[0])[:3] == [
        ["Kostnad förtroendemannaorganisation (tkr)", "Budget 2020", "Budget 2021"],
        ["Kommunstyrelsens reserv", "1 000", "20 500"],
        ["Kommunfullmäktige", "3 461", "3 513"],
    ]


def test_reads_a_header_left_at_the_page_end_over_the_rows_on_the_next_page():
    document = read(FIXTURES / "borderless_header_at_page_end.pdf")
    table = document.tables[1]
    assert table.page == 2
    assert table.caption == "Driftredovisning - underliggande enheter"
    assert texts(table) == [
        ["Underliggande enheter", "Budgetavvikelse Mar 2021", "Budgetavvikelse Mar 2022"]
        + ["Budget 2022", "Avvikelse Årsprognos mars"],
        ["KS/semesterlöneskuld, ej konterade fakturor mm", "-0,5", "0,4", "0,0", "0,0"],
        ["KLK Ledning", "0,4", "-0,1", "-98,9", "0,0"],
        ["KLK Ekonomi och kvalitet", "1,1", "1,6", "-64,8", "1,0"],
        ["KLK HR", "1,9", "1,6", "-71,6", "0,3"],
        ["KLK Social hållbarhet", "1,3", "2,0", "-16,3", "0,0"],
        ["KLK Näringsliv", "9,0", "3,5", "-52,6", "1,7"],
        ["KLK Kommunikation, IT och digitalisering", "-1,0", "2,7", "-117,3", "0,0"],
        ["KLK Miljö och samhällsbyggnad", "1,4", "2,0", "-40,0", "0,0"],
        ["Summa Kommunstyrelsen", "13,5", "13,8", "-461,5", "3,0"],
    ]
    assert not any("Budgetavvikels" in block.text for block in document.text_blocks)


def test_reads_a_lone_row_under_a_header_as_a_table(one_number_rows):
    assert texts(one_number_rows.tables[0]) == [
        ["(tkr)", "Per 240831", "Helårs-Prognos 2024", "Budget 2024", "Avvikelse"],
        ["Nettoutgifter", "-63 684", "-81 621", "-83 805", "2 184"],
    ]


def test_reads_rows_of_one_number_standing_in_a_number_column(one_number_rows):
    rows = texts(one_number_rows.tables[1])
    assert rows[12:15] == [
        ["Investering enligt reinvesteringsplan 2024", "-858", "-3 215", "-8 000", "4 785", "9"],
        ["Björkängens förskola, ventilation", "-68", "", "", "", ""],
        ["Solberga IP, LED-belysning", "-30", "", "", "", ""],
    ]
    # the last two stand on the next page, above the page's own rows
    assert rows[-1] == ["Åsbro skola, kök, renovering fuktskada", "-105", "", "", "", ""]
    assert {cell.page for cell in one_number_rows.tables[1].rows[-1]} == {3}


def test_does_not_read_a_lone_number_line_without_a_header_as_a_table(one_number_rows):
    assert all(row[0].text != "-212" for t in one_number_rows.tables for row in t.rows)


def test_reads_flush_left_numbers_and_a_header_whose_lower_line_holds_years():
    table = read(FIXTURES / "borderless_flush_left_numbers.pdf").tables[0]
    rows = texts(table)
    assert rows[0] == ["Prio", "Status", "Proj Nr", "Investeringar (tkr)", "Budget 2027"] + [
        "Plan 2028",
        "Plan 2029",
        "Plan 2030",
        "Plan 2031",
        "Total utgift",
    ]
    assert rows[1] == ["1", "P", "6289", "Utrustning uppstart Korsavadsanläggningen"] + [
        "1 000",
        "500",
        "0",
        "0",
        "0",
        "1 500",
    ]
    assert rows[7] == ["7", "N", "", "Nya lokaler Tobisviksbadet", "22 000", "0", "0", "0", "0"] + [
        "22 000"
    ]


def test_joins_a_continuation_that_prints_fewer_label_columns_under_a_page_footer():
    table = read(FIXTURES / "borderless_flush_left_numbers.pdf").tables[0]
    rows = texts(table)
    assert len(rows) == 24
    assert rows[-3:] == [
        ["", "", "", "Summa nya enskilda investeringsprojekt", "36 325", "15 975", "6 275"]
        + ["4 575", "2 875", "65 975"],
        ["", "", "6016", "Reinvesteringar", "1200", "1 200", "1 200", "1 200", "1 200", ""],
        ["", "", "", "Summa investeringsbudget", "37 525", "17 125", "7 475", "5 775", "4 075"]
        + ["71 975"],
    ]
    assert {cell.page for cell in table.rows[-1]} == {2}


def test_reads_headers_set_flush_right_over_their_columns_in_two_bands():
    table = read(FIXTURES / "borderless_grouped_header.pdf").tables[0]
    rows = texts(table)
    assert rows[:3] == [
        ["Investeringsredovisning (mnkr)", "Utgifter sedan projektets start", "", ""]
        + ["Varav årets investeringar", "", ""],
        ["Kultur och fritidsnämnden", "Total projektbudget", "Ack. Utfall", "Avvikelse"]
        + ["Budget 2025", "Utfall 2025", "Budget-avvikelse"],
        ["Inventarier, löpande", "", "", "", "0,800", "0,617", "0,183"],
    ]
    assert ["Ny inredning, biblioteket (6014)", "4,827", "4,812", "0,015"] + [
        "0,709",
        "0,694",
        "0,015",
    ] in rows


def test_reads_a_goal_table_with_targets_in_words_and_marks_after_the_numbers():
    table = read(FIXTURES / "borderless_goal_table.pdf").tables[0]
    assert table.caption == "Adressering: HR-avdelningen"
    assert texts(table) == [
        ["", "Mål 2024", "Utfall 2024", "Måluppfyllelse"],
        ["Sjukfrånvaro exkl. AME, procent", "Lägre än 5,00", "1,86", "↑"],
        ["Sjukfrånvaro AME, procent", "Lägre än 7,00", "6,59", "↑"],
    ]


def test_finishes_a_table_with_a_lone_row_at_the_top_of_the_next_page():
    document = read(FIXTURES / "borderless_lone_row_on_next_page.pdf")
    table = document.tables[2]
    assert texts(table) == [
        ["Verksamhetskod", "", "Prognos 2024", "Budget 2024", "Nettoavvikelse mot budget"],
        ["27 Räddningstjänst och samhällsskydd", "Intäkt", "1 341", "753", "-216"],
        ["", "Kostnad", "-8 719", "-7 915", ""],
    ]
    assert {cell.page for cell in table.rows[-1]} == {2}
    assert not any(block.text.startswith("Kostnad -8 719") for block in document.text_blocks)
