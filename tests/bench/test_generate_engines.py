"""Each PDF engine prints a generated report whose text layer holds every gold number,
and the canvas engines write each text-layer quirk they are asked for."""

import random
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from bench.generate.canvas_runs import SEPARATORS, Box, Stroke, Text
from bench.generate.canvas_table import lay_out
from bench.generate.document import Table
from bench.generate.engine_reportlab import measure
from bench.generate.engines import ENGINES, family, render_batch
from bench.generate.layouts import choose_layout
from bench.generate.report import printed_report

SEED = 15  # a report with every table kind, small enough to render in a second or two
GROUPED_SEED = 0  # a report printing thousands separators


def page_text(path):
    document = pdfium.PdfDocument(path)
    text = "".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_the_engine_prints_every_gold_number_in_the_text_layer(engine, tmp_path):
    doc = printed_report(SEED)
    layout = choose_layout(random.Random(SEED), family(engine))
    out = tmp_path / f"{engine}.pdf"
    render_batch(engine, [(doc, layout, out, SEED)])
    text = page_text(out)
    gold = doc.gold()
    assert len(gold) > 30
    assert [
        fact.as_printed for fact in gold if re.sub(r"\s+", "", fact.as_printed) not in text
    ] == []
    assert doc.title_lines[0].replace(" ", "") in text


def layout_with(**changes):
    return choose_layout(random.Random(SEED), "canvas").__class__(
        **{**choose_layout(random.Random(SEED), "canvas").__dict__, **changes}
    )


def primitives(seed=SEED, **changes):
    doc = printed_report(seed)
    canvas = lay_out(doc, layout_with(**changes), measure("DejaVu Sans"), SEED)
    return doc, [item for page in canvas.pages for item in page]


def numbers_of(doc):
    return [
        cell.text
        for block in doc.blocks
        if isinstance(block, Table)
        for row in block.rows
        for cell in row.cells[1:]
    ]


def test_glyph_runs_put_every_character_in_an_object_of_its_own():
    _, items = primitives(runs="glyphs")
    runs = [item.text for item in items if isinstance(item, Text)]
    assert len(runs) > 1000 and all(len(text) == 1 for text in runs)


def test_line_runs_print_a_label_and_its_numbers_in_one_object():
    doc, items = primitives(runs="line", numbers_on_last_line=False, label_share=0.0)
    row = next(block for block in doc.blocks if isinstance(block, Table)).rows[0]
    runs = [item.text for item in items if isinstance(item, Text)]
    wanted = [row.cells[0].text, *[cell.text for cell in row.cells[1:]]]
    assert any(all(part in run for part in wanted) for run in runs)


def test_gap_runs_leave_thousands_separators_out_of_the_text_layer():
    doc, items = primitives(seed=GROUPED_SEED, runs="gaps")
    grouped = [text for text in numbers_of(doc) if any(char in SEPARATORS for char in text)]
    runs = [item.text for item in items if isinstance(item, Text)]
    assert grouped and not any(char in run for run in runs for char in "\u00a0\u202f")
    first_group = re.split(f"[{SEPARATORS}]", grouped[0])[0]
    assert first_group in runs


def test_digit_runs_cut_numbers_into_pieces():
    doc, items = primitives(runs="digits")
    runs = {item.text for item in items if isinstance(item, Text)}
    long_numbers = [text for text in numbers_of(doc) if len(text) > 3]
    assert long_numbers and sum(text not in runs for text in long_numbers) > len(long_numbers) / 2


def test_filled_rules_draw_boxes_and_no_strokes():
    _, filled = primitives(ruled=True, rules="fill", zebra=False, shade_header=False)
    _, stroked = primitives(ruled=True, rules="stroke", zebra=False, shade_header=False)
    assert not any(isinstance(item, Stroke) for item in filled)
    assert sum(isinstance(item, Box) for item in filled) > 20
    assert sum(isinstance(item, Stroke) for item in stroked) > 20


def test_zebra_rows_are_shaded_behind_every_second_row():
    _, plain = primitives(
        ruled=False, rules="none", zebra=False, shade_header=False, shade_totals=False
    )
    _, zebra = primitives(
        ruled=False, rules="none", zebra=True, shade_header=False, shade_totals=False
    )
    assert not any(isinstance(item, Box) for item in plain)
    assert sum(isinstance(item, Box) and item.gray > 0.9 for item in zebra) > 5


def test_a_reportlab_glyph_pdf_holds_one_text_object_per_glyph(tmp_path):
    doc = printed_report(SEED)
    out = tmp_path / "glyphs.pdf"
    render_batch("reportlab", [(doc, layout_with(runs="glyphs"), out, SEED)])
    page = pdfium.PdfDocument(out)[0]
    objects = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]))
    words = len(page.get_textpage().get_text_range().split())
    assert len(objects) > 2 * words
