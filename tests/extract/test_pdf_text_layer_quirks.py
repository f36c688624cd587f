"""One table, printed the ways PDF producers print it, must give the same cells.

Each PDF is drawn here with reportlab: the text as one run per cell, one run
per glyph, digit groups as separate runs, or digit groups set apart by a
positioning gap alone; the borders as stroked lines, thin filled bars, a
shaded rectangle per cell, zebra shading per cell, or nothing at all.
"""

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extract.readers.pdf import read
from extract.readers.pdf.text_layer import LINE_END_HYPHEN, _same_word, _word, pdfium_words

FONT, SIZE = "Helvetica", 10
EDGES = [50, 230, 320, 410, 500]  # cell boundaries, left to right
ROW_HEIGHT = 18
TOP = 740
PRINTED = [
    ["Verksamhet (tkr)", "Budget 2024", "Utfall 2024", "Avvikelse"],
    ["Kommunersättning", "101,0", "115,4", "14,4"],
    ["Personalkostnader", "-2 563", "-2 410", "153"],
    ["Lokalkostnader", "-38 352", "-38 100", "252"],
    ["Övriga intäkter", "2 022", "1 950", "-72"],
    ["Summa", "-38 792", "-38 444", "348"],
]
GAP = 0.2 * SIZE  # a thousands space printed as a gap in positioning only


def _parts(text: str, mode: str) -> list[tuple[str, float]]:
    """Given a cell's text, return (run, x offset) pairs as the mode prints them."""
    if mode == "run":
        return [(text, 0.0)]
    if mode == "glyph":
        offsets = [stringWidth(text[:i], FONT, SIZE) for i in range(len(text))]
        return list(zip(text, offsets, strict=True))
    space = stringWidth(" ", FONT, SIZE) if mode == "groups" else GAP
    parts, x = [], 0.0
    for group in text.split(" "):
        parts.append((group, x))
        x += stringWidth(group, FONT, SIZE) + space
    return parts


def _width(text: str, mode: str) -> float:
    last, offset = _parts(text, mode)[-1]
    return offset + stringWidth(last, FONT, SIZE)


def _borders(pdf, rules: str, bottoms: list[float]) -> None:
    left, right = EDGES[0], EDGES[-1]
    if rules == "stroke":
        for y in [TOP, *bottoms]:
            pdf.line(left, y, right, y)
        for x in EDGES:
            pdf.line(x, TOP, x, bottoms[-1])
    elif rules == "bars":
        for y in [TOP, *bottoms]:
            pdf.rect(left, y - 0.25, right - left, 0.5, stroke=0, fill=1)
        for x in EDGES:
            pdf.rect(x - 0.25, bottoms[-1], 0.5, TOP - bottoms[-1], stroke=0, fill=1)
    elif rules in ("shaded", "zebra"):
        pdf.setFillGray(0.9)
        for row, bottom in enumerate(bottoms):
            if rules == "zebra" and row % 2 == 0:
                continue
            for x0, x1 in zip(EDGES, EDGES[1:], strict=False):
                pdf.rect(x0 + 0.5, bottom + 0.5, x1 - x0 - 1, ROW_HEIGHT - 1, stroke=0, fill=1)
        pdf.setFillGray(0)


def _build(path, rules: str, mode: str) -> None:
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica-Bold", 13)
    pdf.drawString(EDGES[0], TOP + 30, "Driftredovisning 2024")
    bottoms = [TOP - (i + 1) * ROW_HEIGHT for i in range(len(PRINTED))]
    _borders(pdf, rules, bottoms)
    pdf.setFont(FONT, SIZE)
    for row, bottom in zip(PRINTED, bottoms, strict=True):
        for column, text in enumerate(row):
            x = EDGES[0] + 3 if column == 0 else EDGES[column + 1] - 3 - _width(text, mode)
            for part, offset in _parts(text, mode):
                pdf.drawString(x + offset, bottom + 5, part)
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawString(EDGES[0], bottoms[-1] - 40, "Resultat")
    pdf.save()


@pytest.mark.parametrize("mode", ["run", "glyph", "groups", "gap"])
@pytest.mark.parametrize("rules", ["none", "stroke", "bars", "shaded", "zebra"])
def test_every_way_of_printing_the_table_gives_the_same_cells(tmp_path, rules, mode):
    path = tmp_path / f"{rules}_{mode}.pdf"
    _build(path, rules, mode)
    tables = read(path).tables
    assert len(tables) == 1
    assert [[c.text for c in row] for row in tables[0].rows] == PRINTED


@pytest.mark.parametrize("rules", ["stroke", "bars"])
def test_thin_filled_bars_are_rules_like_stroked_lines(tmp_path, rules):
    path = tmp_path / f"{rules}.pdf"
    _build(path, rules, "run")
    assert read(path).tables[0].method == "ruled"


def test_zebra_shading_per_cell_makes_no_table_of_the_shaded_rows(tmp_path):
    path = tmp_path / "zebra.pdf"
    _build(path, "zebra", "run")
    (table,) = read(path).tables
    assert table.method == "borderless"
    assert [row[0].text for row in table.rows] == [row[0] for row in PRINTED]


def test_a_number_whose_digits_print_apart_stays_in_one_cell(tmp_path):
    path = tmp_path / "fragments.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont(FONT, SIZE)
    lines = [("Lokalkostnader", ["3", "8 352"], "120"), ("Övrigt", ["202", "2"], "95")]
    for index, (label, pieces, last) in enumerate(lines):
        y = TOP - index * ROW_HEIGHT
        pdf.drawString(EDGES[0], y, label)
        x = EDGES[2] - sum(stringWidth(p, FONT, SIZE) for p in pieces) - GAP  # flush right
        for piece in pieces:  # printed apart by a gap narrower than a cell gap
            pdf.drawString(x, y, piece)
            x += stringWidth(piece, FONT, SIZE) + GAP
        pdf.drawRightString(EDGES[3], y, last)
    pdf.save()
    rows = [[c.text for c in row] for row in read(path).tables[0].rows]
    assert rows == [["Lokalkostnader", "3 8 352", "120"], ["Övrigt", "202 2", "95"]]


def _glyph_by_glyph_page(path, scale: float) -> None:
    """A title block and a paragraph, one run per glyph, drawn at `scale` x the font size."""
    pdf = canvas.Canvas(str(path))
    pdf.scale(1 / scale, 1 / scale)  # Chromium prints at twice the size under a 0.5 transform
    lines = [("Helvetica-Bold", 14, 0, "Dorotea kommun"), ("Helvetica", 10, 30, "Budget 2023")]
    lines += [("Helvetica", 10, 60 + 12 * i, text) for i, text in enumerate(["Avtalen", "gäller."])]
    for font, size, drop, text in lines:
        pdf.setFont(font, size * scale)
        for index, glyph in enumerate(text):
            x = EDGES[0] + stringWidth(text[:index], font, size)
            pdf.drawString(x * scale, (TOP - drop) * scale, glyph)
    pdf.save()


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_running_text_printed_glyph_by_glyph_reads_as_words_and_paragraphs(tmp_path, scale):
    path = tmp_path / "glyphs.pdf"
    _glyph_by_glyph_page(path, scale)
    blocks = [block.text for block in read(path).text_blocks]
    assert blocks == ["Dorotea kommun", "Budget 2023", "Avtalen gäller."]


def test_a_ligature_glyph_stays_inside_its_word(tmp_path):
    """`ﬁ` is one glyph read as `f` and `i` sharing its box: the word does not break there."""
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    if not font.exists():
        pytest.skip("DejaVu Serif (with an ﬁ ligature) is not installed")
    pdfmetrics.registerFont(TTFont("DejaVuSerif", str(font)))
    path = tmp_path / "ligature.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("DejaVuSerif", 9)
    pdf.drawString(50, 700, "Tra\ufb01ksäkerhet etapp 2")
    pdf.save()
    page = pdfium.PdfDocument(path)[0]
    assert [w.text for w in pdfium_words(page, page.get_textpage())] == [
        "Trafiksäkerhet",
        "etapp",
        "2",
    ]


def test_a_kerned_pair_in_a_large_title_stays_one_word(tmp_path):
    """A producer that kerns `Te` at 24 pt draws `e` 3.6 pt back into the `T`'s box (more
    than a glyph may step back at body size), and the title still reads `Tertialrapport`."""
    path = tmp_path / "kerned_title.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica-Bold", 24)
    pdf.drawString(50, 700, "T")
    pdf.drawString(50 + stringWidth("T", "Helvetica-Bold", 24) - 3.6, 700, "ertialrapport 2 2025")
    pdf.save()
    page = pdfium.PdfDocument(path)[0]
    words = [w.text for w in pdfium_words(page, page.get_textpage())]
    assert words == ["Tertialrapport", "2", "2025"]


MONO, MONO_SIZE = "Courier", 9
MONO_LINES = [
    ("Verksamhet", ["Budget", "Utfall", "Prognos"]),
    ("Fritidsgårdar", ["1 267", "928", "1 267"]),
    ("Bibliotek", ["903", "541", "903"]),
    ("Netto", ["-5 255", "-3 584", "-5 253"]),
]


def test_a_monospaced_thousands_space_joins_the_digit_groups(tmp_path):
    """Courier prints the thousands space a full digit wide, wider than a proportional one."""
    path = tmp_path / "monospaced.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont(MONO, MONO_SIZE)
    for index, (label, values) in enumerate(MONO_LINES):
        y = TOP - index * ROW_HEIGHT
        pdf.drawString(EDGES[0], y, label)
        for edge, value in zip(EDGES[2:], values, strict=True):
            pdf.drawRightString(edge, y, value)
    pdf.save()
    rows = [[c.text for c in row] for row in read(path).tables[0].rows]
    assert rows == [[label, *values] for label, values in MONO_LINES]


def test_the_paragraph_right_below_a_table_is_its_note(tmp_path):
    """A unit is often stated under the table, apart from the prose that follows."""
    path = tmp_path / "note.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont(FONT, SIZE)
    pdf.drawString(EDGES[0], TOP + 30, "Driftredovisning 2024")
    for index, row in enumerate(PRINTED):
        y = TOP - (index + 1) * ROW_HEIGHT + 5
        pdf.drawString(EDGES[0] + 4, y, row[0])
        for edge, text in zip(EDGES[2:], row[1:], strict=True):
            pdf.drawRightString(edge - 4, y, text)
    pdf.drawString(EDGES[0], TOP - (len(PRINTED) + 1) * ROW_HEIGHT - 6, "Belopp i tkr.")
    pdf.drawString(EDGES[0], TOP - (len(PRINTED) + 5) * ROW_HEIGHT, "Personal")
    pdf.save()
    (table,) = read(path).tables
    assert table.note == "Belopp i tkr."


def test_a_line_end_hyphen_boxed_by_its_ink_stays_in_its_word():
    """Typst's `verksam-`: pdfium gives the line-end hyphen its ink box, 1.75 pt after the
    `m` (measured on a typst PDF in DejaVu Sans Mono 10 pt), more than a word gap."""
    font = "DejaVuSansMono"
    m = ("m", 132.28, 138.30, 332.86, 342.86, font)
    hyphen = (LINE_END_HYPHEN, 140.05, 142.59, 332.86, 342.86, font)
    assert _same_word(m, hyphen)
    assert _word([m, hyphen]).text == "m-"


def test_a_page_whose_numbers_split_at_the_decimal_comma_is_read_for_tables(tmp_path):
    """Runs that split each number anywhere (`4,` `9`, `-` `0` `,3`): the page still reads
    as one that holds a table, and the digits join again in its cells."""
    rows = [
        ["Övriga verksamhetsintäkter", "4,8", "4,9", "0,1"],
        ["Hyror och arrenden", "2,9", "3,3", "-0,4"],
        ["Taxor och avgifter", "4,4", "5,0", "0,6"],
        ["Intäkter totalt", "12,1", "13,2", "1,1"],
    ]
    path = tmp_path / "split_runs.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont(FONT, SIZE)
    pdf.drawString(EDGES[0], TOP, "Verksamhet")
    for edge, head in zip(EDGES[2:], ["Utfall 2024", "Budget 2024", "Avvikelse"], strict=True):
        pdf.drawRightString(edge, TOP, head)
    for index, row in enumerate(rows, start=1):
        y = TOP - index * ROW_HEIGHT
        pdf.drawString(EDGES[0], y, row[0])
        for edge, value in zip(EDGES[2:], row[1:], strict=True):
            x = edge - stringWidth(value, FONT, SIZE)
            cut = value.index(",")  # `4,` then `9`, `-` `0,` `4`: each its own run
            for part in (
                [value[0], value[1 : cut + 1], value[cut + 1 :]]
                if value[0] == "-"
                else [value[: cut + 1], value[cut + 1 :]]
            ):
                pdf.drawString(x, y, part)
                x += stringWidth(part, FONT, SIZE)
    pdf.save()
    table = read(path).tables[0]
    assert [[cell.text for cell in row] for row in table.rows][1:] == rows
