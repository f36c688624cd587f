"""The DOCX reader on a real report rendering and on small Word files with merged cells."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from extract.model import RawTable, ReadError
from extract.readers import docx

FIXTURES = Path(__file__).parent.parent / "fixtures" / "docx"


def texts(table: RawTable) -> list[list[str]]:
    """Given a table, return its cell texts row by row."""
    return [[cell.text for cell in row] for row in table.rows]


@pytest.fixture(scope="module")
def report():
    return docx.read(FIXTURES / "interim_report.docx")


@pytest.fixture(scope="module")
def layout():
    return docx.read(FIXTURES / "layout.docx")


def test_reads_operating_table_of_real_report_with_caption(report):
    table = next(t for t in report.tables if t.caption == "Driftbudget")
    assert table.method == "docx"
    assert texts(table) == [
        ["Tkr", "Budget 2021", "Utfall 21-08-31", "Förbrukning %", "Årsprognos 2021", "Avvikelse"],
        ["Intäkter", "-3 200", "-6 101", "190,7", "-6 100", "-2 900"],
        ["Personalkostnader", "25 380", "17 275", "68,4", "26 280", "900"],
        ["Övriga kostnader", "63 367", "42 902", "65,5", "64 367", "1 000"],
        ["Nettokostnader", "85 547", "54 076", "63,2", "84 547", "-1 000"],
    ]
    assert table.context == "Delårsbokslut och analys 2021-08-31\nDriftbudget"


def test_reads_tables_and_paragraphs_in_document_order(report):
    assert [t.caption for t in report.tables] == [
        "Kommunledningsförvaltningens uppdrag 2021",
        "Status: pågår",
        "Sammanfattning målavstämning KLF",
        "Driftbudget",
        "Investeringsbudget inkl. kompletteringsbudget",
        "Personalsituationen",
    ]
    assert report.page_count == 1
    assert report.text_blocks[0].text == "Kommunstyrelsen"
    assert report.warnings == []


def test_joins_line_breaks_inside_a_cell_with_spaces(report):
    assignments = report.tables[0]
    assert assignments.rows[2][1].text == (
        "Påverka KLT att använda fossilbränslefritt drivmedel Verka för att utveckla digitala "
        "möten och tjänster via riktlinjer och förhållningssätt, för att minska resandet. "
        "Verka för möjligheten till distansarbete. Status: pågår (beslut KS 210831)"
    )


def test_keeps_grid_rectangular_under_horizontal_and_vertical_merges(layout):
    table = layout.tables[0]
    assert texts(table)[:4] == [
        ["Konto", "Helår", "", "Avvikelse"],
        ["", "Budget", "Prognos", ""],
        ["Intäkter", "115,4", "461,5", "0,0"],
        ["", "16,7", "43,0", "0,1"],
    ]
    assert [cell.span for cell in table.rows[0]] == [1, 2, 1, 1]
    assert all(cell.bbox is None for row in table.rows for cell in row)


def test_marks_cell_italic_only_when_all_its_runs_are(layout):
    table = layout.tables[0]
    assert texts(table)[4:] == [
        ["varav personalkostnader", "-29,1", "-118,5", "2,9"],
        ["Övriga kostnader", "-89,2 (prel.)", "-377,1", "0,1"],
    ]
    assert [row[0].italic for row in table.rows] == [False] * 4 + [True, False]
    assert table.rows[5][1].italic is False


def test_caption_and_context_come_from_paragraphs_above_the_table(layout):
    table = layout.tables[0]
    assert table.caption == "Resultaträkning"
    assert table.context == "Ekonomisk redovisning\nBelopp i miljoner kronor.\nResultaträkning"


def test_counts_page_and_section_breaks_when_word_recorded_no_rendering(layout):
    assert layout.page_count == 3
    assert [(block.page, block.text) for block in layout.text_blocks] == [
        (1, "Ekonomisk redovisning"),
        (1, "Belopp i miljoner kronor."),
        (1, "Resultaträkning"),
        (2, "Investeringar"),
        (3, "Bilaga"),
        (3, "Slut"),
    ]
    assert [table.page for table in layout.tables] == [1, 2, 2]


def test_reads_nested_table_separately_with_a_warning(layout):
    outer, inner = layout.tables[1:]
    assert texts(outer) == [["Projekt", "Budget"], ["Fiber", ""]]
    assert texts(inner) == [["30 000", "17 021"]]
    assert len(layout.warnings) == 1
    assert "nested" in layout.warnings[0]


def test_counts_only_rendered_breaks_when_word_recorded_them():
    document = docx.read(FIXTURES / "rendered_breaks.docx")
    assert document.page_count == 3
    assert [(block.page, block.text) for block in document.text_blocks] == [
        (1, "Första sidan"),
        (2, "Andra sidan"),
        (2, "Driftredovisning"),
        (3, "Tredje sidan"),
    ]
    (table,) = document.tables
    assert table.page == 2
    assert [[cell.page for cell in row] for row in table.rows] == [[2, 2], [2, 2], [3, 3]]


def test_reads_tracked_insertions_and_fields_but_not_deletions_and_text_boxes_apart():
    document = docx.read(FIXTURES / "revisions.docx")
    assert [block.text for block in document.text_blocks] == [
        "Prognos -1,0 mnkr, sida 1",
        "Faktaruta",
    ]
    assert texts(document.tables[0]) == [["Resultat", "-5 117"]]


def test_rejects_random_bytes_as_not_a_docx(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"\x00\x01 not a zip at all \xff" * 20)
    with pytest.raises(ReadError, match="not a DOCX file"):
        docx.read(path)


def test_rejects_zip_without_document_part(tmp_path):
    path = tmp_path / "hollow.docx"
    with zipfile.ZipFile(FIXTURES / "layout.docx") as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, source.read(item))
    with pytest.raises(ReadError, match="hollow.docx: DOCX package is missing a part"):
        docx.read(path)


def test_rejects_damaged_document_xml(tmp_path):
    path = tmp_path / "damaged.docx"
    with zipfile.ZipFile(FIXTURES / "layout.docx") as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            out.writestr(
                item, data[: len(data) // 2] if item.filename == "word/document.xml" else data
            )
    with pytest.raises(ReadError, match="damaged XML"):
        docx.read(path)
