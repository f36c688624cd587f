"""The text/Markdown reader on small exports cut from real reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.model import RawTable, ReadError
from extract.readers import text

FIXTURES = Path(__file__).parent.parent / "fixtures" / "text"


def texts(table: RawTable) -> list[list[str]]:
    """Given a table, return its cell texts row by row."""
    return [[cell.text for cell in row] for row in table.rows]


def table_starting(tables: list[RawTable], first_cell: str) -> RawTable:
    """Given tables, return the one whose top-left cell is `first_cell`."""
    return next(table for table in tables if table.rows[0][0].text == first_cell)


@pytest.fixture(scope="module")
def tab_rows():
    return text.read(FIXTURES / "tab_rows.txt")


@pytest.fixture(scope="module")
def tab_led():
    return text.read(FIXTURES / "tab_led_cells.txt")


def test_reads_tab_separated_operating_table_with_italic_varav_line(tab_rows):
    table = table_starting(tab_rows.tables, "(tkr)")
    assert table.method == "text_tabs"
    assert texts(table) == [
        ["(tkr)", "Utfall 24-08-31", "Helårs- prognos 2024", "Budget 2024", "Budget- avvikelse"],
        ["Intäkter", "39 593", "61 905", "58 214", "3 691"],
        ["Kostnader", "-153 761", "-236 766", "-227 958", "-8 808"],
        ["varav personalkostnader", "-28 930", "-41 493", "-42 303", "810"],
        ["Resultat", "-114 168", "-174 861", "-169 744", "-5 117"],
    ]
    assert [row[0].italic for row in table.rows] == [False, False, False, True, False]
    assert (
        table.caption == "Kostnaderna för skolskjutsar och färdtjänst beräknas hamna inom budget."
    )


def test_keeps_truncated_cell_as_printed_and_pads_short_row(tab_rows):
    table = table_starting(tab_rows.tables, "Verksamhet")
    assert texts(table)[2:] == [
        ["92 Gemensamma verksamheter", "-26 62", "-39 882", "-39 530", "-352", "9"],
        ["Summa Kommunstyrelsen", "-114 168", "-174 861", "-169 744", "-5 117", ""],
    ]
    assert table.caption == "Driftredovisning 2024"


def test_keeps_leading_empty_cell_and_ends_table_at_line_without_tab(tab_rows):
    operating = table_starting(tab_rows.tables, "Verksamhet")
    goals = table_starting(tab_rows.tables, "")
    assert len(operating.rows) == 4
    assert texts(goals) == [
        ["", "Mål 2024", "Utfall 2024", "Måluppfyllelse"],
        ["Sjukfrånvaro exkl. AME, procent", "Lägre än 5,00", "1,86", "↑"],
    ]
    assert goals.caption == "Adressering: HR-avdelningen"
    assert "Adressering: HR-avdelningen" in [block.text for block in tab_rows.text_blocks]


def test_drops_dash_separator_line_and_ends_table_at_blank_line(tab_rows):
    header = table_starting(tab_rows.tables, "Projekt")
    body = table_starting(tab_rows.tables, "Åsbro förskola")
    assert texts(header) == [["Projekt", "Prognos 2024", "Budget 2024", "Avvikelse budget"]]
    assert texts(body)[0] == ["Åsbro förskola", "-21 500", "-21 300", "-200"]


def test_strips_html_tags_and_entities_from_cells(tab_rows):
    body = table_starting(tab_rows.tables, "Åsbro förskola")
    analysis = body.rows[1][0]
    assert analysis.text == (
        "Analys 3 Byggstart augusti 2023. Total projektavvikelse beräknas bli -1,5 mkr & mer."
    )
    assert not analysis.italic
    costs = table_starting(tab_rows.tables, "Kommungemensamma kostnader (tkr)")
    assert texts(costs)[-1] == ["Summa", "85 888", "87 445"]


def test_single_tab_led_line_joins_tab_separated_rows_below_and_above(tab_rows):
    assignments = next(t for t in tab_rows.tables if texts(t)[0] == ["", "Status"])
    progress = table_starting(tab_rows.tables, "Status")
    assert texts(assignments) == [
        ["", "Status"],
        ["2019 KS 4: Utveckla hållbar hästnäring", "DIALOG"],
    ]
    assert texts(progress) == [["Status", "Färdiggrad"], ["", ""]]


def test_reads_one_cell_per_line_operating_table(tab_led):
    table = table_starting(tab_led.tables, "Tkr")
    assert table.method == "text_cells"
    assert table.caption == "Driftbudget"
    assert texts(table) == [
        ["Tkr", "Budget 2021", "Utfall 21-08-31", "Förbrukning %", "Årsprognos 2021", "Avvikelse"],
        ["Intäkter", "-3 200", "-6 101", "190,7", "-6 100", "-2 900"],
        ["Personalkostnader", "25 380", "17 275", "68,4", "26 280", "900"],
        ["Övriga kostnader", "63 367", "42 902", "65,5", "64 367", "1 000"],
        ["Nettokostnader", "85 547", "54 076", "63,2", "84 547", "-1 000"],
    ]


def test_reads_investment_and_staffing_tables_of_one_cell_per_line_export(tab_led):
    investment = next(t for t in tab_led.tables if t.caption.startswith("Investeringsbudget"))
    staffing = next(t for t in tab_led.tables if t.caption == "Personalsituationen")
    assert texts(investment)[-1] == ["Nettoinvesteringar", "39 876", "20 534", "35 575", "-4 301"]
    assert len(investment.rows) == 9
    assert texts(staffing) == [
        ["", "Budget 2020", "Utfall 20-08-31", "Årsprognos 2020"],
        ["Antal årsarbetare *)", "35,1", "35,1", "35,1"],
        ["Summa löner och arvoden, tkr", "25 380", "17 348", "26 280"],
    ]
    assert [t.caption for t in tab_led.tables] == [
        "Sammanfattning målavstämning KLF",
        "Driftbudget",
        "Investeringsbudget inkl. kompletteringsbudget",
        "Personalsituationen",
    ]


def test_keeps_tab_led_bullet_lists_as_running_text(tab_led):
    blocks = [block.text for block in tab_led.text_blocks]
    assert "· Färdplan fossilbränslefri kommun" in blocks
    assert "Påverka KLT att använda fossilbränslefritt drivmedel" in blocks
    assert "Uppdrag" in blocks


def test_one_cell_per_line_groups_need_numbers_and_single_blank_line_gaps():
    document = text.read(FIXTURES / "tab_led_rules.txt")
    assert [texts(table) for table in document.tables] == [
        [
            ["Tkr", "Budget 2021", "Utfall 21-08-31"],
            ["Intäkter", "-3 200", "-6 101"],
            ["Personalkostnader", "25 380", "17 275"],
        ]
    ]
    assert [block.text for block in document.text_blocks] == [
        "Uppdrag och status",
        "Uppdrag",
        "Status",
        "Hållbar utveckling",
        "pågår",
        "· Färdplan fossilbränslefri kommun",
        "Påverka KLT att använda fossilbränslefritt drivmedel",
        "Verka för möjligheten till distansarbete.",
        "Driftbudget",
        "Övriga kostnader",
        "63 367",
        "42 902",
    ]


def test_reads_markdown_pipe_table_with_emphasis_and_escaped_bar():
    document = text.read(FIXTURES / "pipe_table.md")
    (table,) = document.tables
    assert table.method == "text_markdown"
    assert texts(table) == [
        ["Verksamhet", "Budget 2024", "Utfall"],
        ["Intäkter", "58 214", "39 593"],
        ["varav bidrag", "1 000", "900"],
        ["Kod a|b", "0", "<5"],
    ]
    assert [row[0].italic for row in table.rows] == [False, False, True, False]
    assert table.caption == "Belopp i tkr."
    assert [block.text for block in document.text_blocks] == [
        "Driftredovisning",
        "Belopp i tkr.",
        "Text | utan tabell.",
    ]


def test_context_holds_text_since_previous_table_bounded(tmp_path):
    long_paragraph = "Belopp i miljoner kronor. " + "ord " * 400
    path = tmp_path / "long.txt"
    path.write_text(f"Intro\nA\tB\n1\t2\n\n{long_paragraph}\nRubrik\nC\tD\n3\t4\n", "utf-8")
    first, second = text.read(path).tables
    assert first.context == "Intro"
    assert second.caption == "Rubrik"
    assert second.context.endswith("ord\nRubrik")
    assert 580 <= len(second.context) <= 600
    assert "Belopp i miljoner" not in second.context


def test_form_feeds_start_new_pages(tmp_path):
    path = tmp_path / "pages.txt"
    path.write_text("Sida ett\n\fDriftbudget\nA\tB\n1\t2\n\f\fSista sidan\n\f", "utf-8")
    document = text.read(path)
    assert document.page_count == 4
    assert document.pages_without_text == [3]
    assert [(block.page, block.text) for block in document.text_blocks] == [
        (1, "Sida ett"),
        (2, "Driftbudget"),
        (4, "Sista sidan"),
    ]
    assert document.tables[0].page == 2
    assert {cell.page for row in document.tables[0].rows for cell in row} == {2}


def test_reads_utf8_with_bom_without_warning(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffÅrsprognos\tTkr\r\nIntäkter\t-3 200\r\n".encode())
    document = text.read(path)
    assert texts(document.tables[0]) == [["Årsprognos", "Tkr"], ["Intäkter", "-3 200"]]
    assert document.warnings == []


def test_falls_back_to_cp1252_with_warning(tmp_path):
    path = tmp_path / "ansi.txt"
    path.write_bytes("Förbrukning %\tÅrsprognos\n".encode("cp1252"))
    document = text.read(path)
    assert texts(document.tables[0]) == [["Förbrukning %", "Årsprognos"]]
    assert len(document.warnings) == 1
    assert "cp1252" in document.warnings[0]


@pytest.mark.parametrize("content", [b"", b"  \n\n"])
def test_rejects_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError, match="empty file"):
        text.read(path)


def test_rejects_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ReadError, match="not a text file"):
        text.read(path)
