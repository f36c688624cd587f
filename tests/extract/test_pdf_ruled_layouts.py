"""Ruled tables laid out over pages: split grids, broken labels, titles and headers left behind."""

from pathlib import Path

from extract.readers.pdf import read

FIXTURES = Path(__file__).parent.parent / "fixtures" / "pdf"


def texts(table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def test_joins_a_grid_drawn_in_two_parts_and_a_label_broken_by_the_page():
    document = read(FIXTURES / "ruled_table_over_pages.pdf")
    table = document.tables[0]
    rows = texts(table)
    assert len(rows) == 24
    assert rows[12:14] == [
        ["34 Idrotts-och fritidsanläggningar", "-209", "-312", "-312", "0", ""],
        ["44 Skolskjutsar", "-8 734", "-14 410", "-14 410", "0", ""],
    ]
    assert ["80 Affärsverksamhet", "26 890", "39 979", "39 979", "0", ""] in rows
    assert rows[-1] == ["Summa Kommunstyrelsen", "-114 168", "-174 861", "-169 744"] + [
        "-5 117",
        "",
    ]
    assert {cell.page for cell in table.rows[-1]} == {2}


def test_keeps_the_space_before_a_short_word_that_opens_the_next_line():
    document = read(FIXTURES / "ruled_table_over_pages.pdf")
    header = texts(document.tables[1])[0]
    assert header == ["Verksamhetskod", "", "Prognos 2024", "Budget 2024"] + [
        "Nettoavvikelse mot budget"
    ]


def test_reads_a_title_in_the_first_row_as_the_caption():
    document = read(FIXTURES / "ruled_project_table_over_pages.pdf")
    table = next(t for t in document.tables if t.caption.startswith("Investeringsredovisning"))
    assert table.caption == "Investeringsredovisning 2024-08-31, tkr"
    assert table.context.endswith("Investeringsredovisning 2024-08-31, tkr")
    assert texts(table)[0] == ["Projekt", "Utfall 2024-08", "Prognos 2024", "Budget 2024"] + [
        "Avvik 2024",
        "Projekt kostnad tom 2408",
        "Total projekt prognos",
        "Total projekt budget",
        "Ack avvikelse projekt",
    ]


def test_reads_a_header_left_on_the_previous_page_over_a_ruled_table():
    document = read(FIXTURES / "ruled_header_on_previous_page.pdf")
    table = document.tables[0]
    assert table.page == 2
    assert table.caption == "Adressering: HR-avdelningen"
    assert texts(table) == [
        ["", "Mål 2024", "Utfall 2024", "Måluppfyllelse"],
        ["Sjukfrånvaro exkl. AME, procent", "Lägre än 5,00", "1,86", "↑"],
        ["Sjukfrånvaro AME, procent", "Lägre än 7,00", "6,59", "↑"],
    ]


def test_reads_a_table_of_contents_in_a_grid_as_text():
    document = read(FIXTURES / "ruled_contents_page.pdf")
    assert document.tables == []
    assert any("Uppföljning fyraåriga processmål" in block.text for block in document.text_blocks)


def test_reads_the_header_of_a_grid_ruled_only_under_each_row(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "open_top.pdf"
    pdf = canvas.Canvas(str(path))
    edges, top, height = [50, 250, 330, 410], 700, 20
    printed = [["", "Utfall", "Budget"], ["Personal", "-2 563", "-2 410"], ["Summa", "-9", "-8"]]
    for index, row in enumerate(printed):
        bottom = top - (index + 1) * height
        pdf.line(edges[0], bottom, edges[-1], bottom)  # a rule under the row, none above
        for x in edges:
            pdf.line(x, bottom, x, bottom + height)
        pdf.drawString(edges[0] + 3, bottom + 6, row[0])
        for x, text in zip(edges[2:], row[1:], strict=True):
            pdf.drawRightString(x - 3, bottom + 6, text)
    pdf.save()
    (table,) = read(path).tables
    assert (table.method, texts(table)) == ("ruled", printed)
