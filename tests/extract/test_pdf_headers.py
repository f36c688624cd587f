"""A group header printed as a phrase over some of the number columns spans just those."""

from reportlab.pdfgen import canvas

from extract.readers.pdf import read

RIGHTS = [250, 320, 390, 460, 530]  # right edges of the number columns
LOWER = ["Budget 2024", "2023", "2024", "Prognos", "Avvikelse"]
ROWS = [
    ["Kommunersättning", "101,0", "115,4", "115,4", "120,0", "19,0"],
    ["Personalkostnader", "-2 563", "-2 410", "-1 650", "-2 500", "63"],
    ["Summa", "-2 462", "-2 295", "-1 535", "-2 380", "82"],
]


def test_a_phrase_over_two_columns_spans_the_two_under_it(tmp_path):
    path = tmp_path / "group.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 10)
    pdf.drawCentredString((RIGHTS[1] + RIGHTS[2]) / 2 - 10, 700, "Period jan–aug")
    pdf.drawString(50, 686, "Verksamhet (tkr)")
    for right, text in zip(RIGHTS, LOWER, strict=True):
        pdf.drawRightString(right, 686, text)
    for index, row in enumerate(ROWS):
        y = 670 - 14 * index
        pdf.drawString(50, y, row[0])
        for right, text in zip(RIGHTS, row[1:], strict=True):
            pdf.drawRightString(right, y, text)
    pdf.save()
    (table,) = read(path).tables
    group = [(c.text, c.span) for c in table.rows[0] if c.text]
    assert group == [("Period jan–aug", 2)]
    assert table.rows[0][2].text == "Period jan–aug"
    assert [c.text for c in table.rows[1]] == ["Verksamhet (tkr)", *LOWER]
    assert [[c.text for c in row] for row in table.rows[2:]] == ROWS


LEFTS = [220, 303, 362, 428]  # left edges of left-aligned number columns
LEFT_HEADER = ["Utfall t.o.m.", "Årsbudget", "Prognos", "Avvikelse"]
LEFT_ROWS = [
    ["Hamnen kaj centrum", "3,0", "8,0", "8,3", "0,3"],
    ["Beläggning etapp 2", "1,0", "4,7", "4,9", "0,2"],
    ["Summa", "4,0", "12,7", "13,2", "0,5"],
]


def test_a_header_left_aligned_over_narrow_numbers_stands_over_the_column_it_covers(tmp_path):
    """`Utfall t.o.m.` reaches past the centre between its column and the next one."""
    path = tmp_path / "left_aligned.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 10)
    pdf.drawString(50, 686, "Projekt")
    for left, text in zip(LEFTS, LEFT_HEADER, strict=True):
        pdf.drawString(left, 686, text)
    for index, row in enumerate(LEFT_ROWS):
        y = 670 - 14 * index
        pdf.drawString(50, y, row[0])
        for left, text in zip(LEFTS, row[1:], strict=True):
            pdf.drawString(left, y, text)
    pdf.save()
    (table,) = read(path).tables
    assert [c.text for c in table.rows[0]] == ["Projekt", *LEFT_HEADER]
    assert [[c.text for c in row] for row in table.rows[1:]] == LEFT_ROWS


def test_a_header_whose_period_hangs_past_its_column_ends_there(tmp_path):
    """Typst lets `Utfall t.o.m.` hang its period past the right edge, a space from the next."""
    path = tmp_path / "hanging.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 10)
    hanging_end = 410 + 2.5
    pdf.drawRightString(hanging_end, 686, "Utfall t.o.m.")
    next_start = hanging_end + pdf.stringWidth(" ", "Helvetica", 10)
    last_right = next_start + pdf.stringWidth("Årsprognos", "Helvetica", 10)
    pdf.drawString(next_start, 686, "Årsprognos")
    pdf.drawString(50, 686, "Verksamhet")
    rights = [250, 330, 410, last_right]
    for right, text in zip(rights[:2], ["Utfall", "Budget"], strict=True):
        pdf.drawRightString(right, 686, text)
    for index, row in enumerate(ROWS):
        y = 670 - 14 * index
        pdf.drawString(50, y, row[0])
        for right, text in zip(rights, row[1:5], strict=True):
            pdf.drawRightString(right, y, text)
    pdf.save()
    (table,) = read(path).tables
    header = ["Verksamhet", "Utfall", "Budget", "Utfall t.o.m.", "Årsprognos"]
    assert [c.text for c in table.rows[0]] == header


def test_a_stub_header_wider_than_the_labels_under_it_heads_the_label_column(tmp_path):
    """`Sjukfrånvaro i procent (%)` starts on the labels' edge and ends past the gap after them:
    it is the label column's header, not a second header over the first number column."""
    path = tmp_path / "stub_header.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 10)
    header = ["Sjukfrånvaro i procent (%)", "jan–aug 2024", "jan–aug 2025"]
    rows = [["Totalt", "8,5", "6,9"], ["Kvinnor", "9,9", "9,3"], ["Män", "6,7", "5,7"]]
    for index, row in enumerate([header, *rows]):
        y = 700 - 14 * index
        pdf.drawString(50, y, row[0])
        for right, text in zip((300, 420), row[1:], strict=True):
            pdf.drawRightString(right, y, text)
    pdf.save()
    (table,) = read(path).tables
    assert [[c.text for c in row] for row in table.rows] == [header, *rows]


def test_a_stub_head_wrapping_past_the_column_heads_keeps_its_first_line(tmp_path):
    """`Barn- och utbildningsnämnden, tusental` / `kronor` around the column heads: the first
    line holds the head's unit; dropped, the table would read as kronor."""
    path = tmp_path / "wrapped_stub_head.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 10)
    pdf.drawString(50, 730, "Nämndens resultat i korthet")
    pdf.drawString(50, 697, "Barn- och utbildningsnämnden, tusental")
    for right, text in zip(RIGHTS, LOWER, strict=True):
        pdf.drawRightString(right, 690, text)
    pdf.drawString(50, 683, "kronor")
    for index, row in enumerate(ROWS):
        y = 666 - 14 * index
        pdf.drawString(50, y, row[0])
        for right, text in zip(RIGHTS, row[1:], strict=True):
            pdf.drawRightString(right, y, text)
    pdf.save()
    (table,) = read(path).tables
    assert table.caption == "Nämndens resultat i korthet"
    stub_head = "Barn- och utbildningsnämnden, tusental kronor"
    assert [c.text for c in table.rows[0]] == [stub_head, *LOWER]
    assert [[c.text for c in row] for row in table.rows[1:]] == ROWS
