"""Captions of borderless tables: the heading above a table, also when a page break
separates the two.

Each PDF is drawn here with reportlab, right-aligned numbers, one run per cell.
"""

from pathlib import Path

from reportlab.pdfgen import canvas

from extract.readers.pdf import read

FONT, SIZE, LEADING = "Helvetica", 9, 14
LABEL_X, NUMBER_RIGHTS = 50, (300, 380, 460)
HEADER = ["tkr", "Utfall 2024", "Budget 2024", "Avvikelse"]


def _table(pdf: canvas.Canvas, y: float, labels: list[str]) -> float:
    """Given a canvas and a height, draw a header and a row per label; return the next height."""
    pdf.drawString(LABEL_X, y, HEADER[0])
    for right, text in zip(NUMBER_RIGHTS, HEADER[1:], strict=True):
        pdf.drawRightString(right, y, text)
    for index, label in enumerate(labels):
        y -= LEADING
        pdf.drawString(LABEL_X, y, label)
        for right, number in zip(NUMBER_RIGHTS, [f"{index + 1} 250", "1 300", "50"], strict=True):
            pdf.drawRightString(right, y, number)
    return y - LEADING * 2


def test_takes_the_caption_left_at_the_foot_of_the_previous_page(tmp_path: Path):
    path = tmp_path / "caption_at_page_foot.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    y = _table(pdf, 780.0, ["Verksamhetens intäkter", "Verksamhetens kostnader", "Summa"])
    pdf.drawString(LABEL_X, y, "Nämnden har genomfört de planerade aktiviteterna under året.")
    pdf.drawString(LABEL_X, y - LEADING * 2, "Investeringar")
    pdf.showPage()
    pdf.setFont(FONT, SIZE)
    _table(pdf, 780.0, ["Ny förskola centrum", "Skolgård södra", "Totalt"])
    pdf.save()

    first, second = read(path).tables
    assert (first.page, second.page) == (1, 2)
    assert second.caption == "Investeringar"
    assert "Investeringar" in second.context


def test_takes_the_caption_from_before_a_page_that_only_held_the_header(tmp_path: Path):
    path = tmp_path / "caption_two_pages_back.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    y = _table(pdf, 780.0, ["Verksamhetens intäkter", "Verksamhetens kostnader", "Summa"])
    pdf.drawString(LABEL_X, y, "Investeringsbudget, tkr")
    pdf.showPage()
    pdf.setFont(FONT, SIZE)
    pdf.drawString(LABEL_X, 60, HEADER[0])  # the header alone at the foot of a page
    for right, text in zip(NUMBER_RIGHTS, HEADER[1:], strict=True):
        pdf.drawRightString(right, 60, text)
    pdf.showPage()
    pdf.setFont(FONT, SIZE)
    for index, label in enumerate(["Ny förskola centrum", "Skolgård södra", "Totalt"]):
        pdf.drawString(LABEL_X, 780 - index * LEADING, label)
        for right, number in zip(NUMBER_RIGHTS, ["1 250", "1 300", "50"], strict=True):
            pdf.drawRightString(right, 780 - index * LEADING, number)
    pdf.save()

    projects = read(path).tables[-1]
    assert (projects.page, projects.caption) == (3, "Investeringsbudget, tkr")
    assert [cell.text for cell in projects.rows[0]] == HEADER


def test_the_caption_over_a_repeated_header_is_no_part_of_the_last_row(tmp_path: Path):
    """A table broken by the page repeats its header under `(forts.)`: the caption is not the
    rest of a label broken by the page."""
    path = tmp_path / "continued_caption.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    pdf.drawString(LABEL_X, 100 + LEADING * 2, "Nettokostnad per verksamhet")
    _table(pdf, 100.0, ["Ledning och administration", "Försörjningsstöd"])
    pdf.showPage()
    pdf.setFont(FONT, SIZE)
    pdf.drawString(LABEL_X, 780.0 + LEADING * 2, "Verksamheter (forts.)")
    _table(pdf, 780.0, ["Funktionsstöd", "Summa"])
    pdf.save()

    (table,) = read(path).tables
    labels = [row[0].text for row in table.rows]
    assert labels == [
        "tkr",
        "Ledning och administration",
        "Försörjningsstöd",
        "Funktionsstöd",
        "Summa",
    ]


def test_the_caption_over_a_continuation_without_header_is_no_part_of_the_last_row(
    tmp_path: Path,
):
    """A fresh seed's fpdf2 report (issue 22) went on on the next page under `Investeringar
    (forts.)` with no header: the caption read as the rest of the last row's label, and its
    figures stood under `Vattentorn skolan 16 Investeringar (forts.)`."""
    path = tmp_path / "continued_without_header.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(595, 842))
    pdf.setFont(FONT, SIZE)
    pdf.drawString(LABEL_X, 100 + LEADING, "Investeringar")
    _table(pdf, 100.0, ["Parkeringshus centrum 15", "Vattentorn skolan 16"])
    pdf.showPage()
    pdf.setFont(FONT, SIZE)
    pdf.drawString(LABEL_X, 780.0 + LEADING, "Investeringar (forts.)")
    for index, label in enumerate(["Reningsverk södra 17", "Summa"]):
        pdf.drawString(LABEL_X, 780.0 - index * LEADING, label)
        for right, number in zip(NUMBER_RIGHTS, ["1 250", "1 300", "50"], strict=True):
            pdf.drawRightString(right, 780.0 - index * LEADING, number)
    pdf.save()

    (table,) = read(path).tables
    assert [row[0].text for row in table.rows] == [
        "tkr",
        "Parkeringshus centrum 15",
        "Vattentorn skolan 16",
        "Reningsverk södra 17",
        "Summa",
    ]
