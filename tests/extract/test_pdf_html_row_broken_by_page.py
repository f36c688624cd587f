"""A row that an HTML renderer breaks at the page, printed by WeasyPrint: the one-line
figures stay at the foot of the page, the label (three lines, which CSS orphans and
widows forbid to split) moves on whole and opens the next page under the repeated header.

The figures row without a label opens with a bare `101`, which read as a project code
made a label column inside the first number column, and the header over both was
refused for the whole table (gen_47048_weasyprint lost 196 figures). Set bottom-aligned,
the moved label stands right above the next row's label lines, apart by the rows'
padding, and was read as the start of that label (gen_47054_weasyprint); in a ruled grid
the broken row is drawn open at the page foot and was not read at all
(gen_47078_weasyprint). Each time the label belongs to the figures it left behind.
"""

from pathlib import Path

import pdfplumber
import pytest
import weasyprint

from extract.readers.pdf import read

HEADER = ["Projekt", "Utfall (tkr)", "Budget (tkr)", "Avvikelse (tkr)"]
BROKEN = ["2144 Ombyggnad av kök och matsal", "101", "226", "-125"]
NEXT = ["2145 Ny förskola i norra delen", "4 101", "4 226", "-125"]
AFTER = [[f"{3000 + i} Park", f"{100 + i}", f"{200 + i}", f"{300 + i}"] for i in range(3)]
STYLE = """
@page {{ size: A5; margin: 15mm; }}
body {{ font-family: 'DejaVu Sans Mono', monospace; font-size: 9pt; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: {border}; padding: 1.2pt 4pt; font-size: 8pt; vertical-align: {align}; }}
td.n, th.n {{ text-align: right; white-space: nowrap; }}
th {{ text-align: left; }} td.l {{ width: 28%; }}
"""


def _before(count: int) -> list[list[str]]:
    return [[f"{1000 + i} Gata", f"{100 + i}", f"{200 + i}", f"{300 + i}"] for i in range(count)]


def _html(rows: list[list[str]], align: str, border: str) -> str:
    heads = f"<th>{HEADER[0]}</th>" + "".join(f'<th class="n">{h}</th>' for h in HEADER[1:])
    body = "".join(
        f'<tr><td class="l">{row[0]}</td>'
        + "".join(f'<td class="n">{value}</td>' for value in row[1:])
        + "</tr>"
        for row in rows
    )
    style = STYLE.format(align=align, border=border)
    return (
        f"<html><head><style>{style}</style></head><body><p><b>Investeringar</b></p>"
        f"<table><thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table></body></html>"
    )


@pytest.mark.parametrize(
    ("align", "border", "before"),
    [("top", "none", 39), ("bottom", "none", 39), ("top", "0.6pt solid #000", 37)],
    ids=["top-aligned", "bottom-aligned", "ruled"],
)
def test_figures_left_at_the_page_foot_take_the_label_that_opens_the_next_page(
    tmp_path: Path, align: str, border: str, before: int
):
    rows = [*_before(before), BROKEN, NEXT, *AFTER]
    path = tmp_path / "broken_row.pdf"
    weasyprint.HTML(string=_html(rows, align, border)).write_pdf(str(path))
    with pdfplumber.open(path) as pdf:
        foot = pdf.pages[0].extract_text().splitlines()[-1]
        top = pdf.pages[1].extract_text().splitlines()
    assert foot == " ".join(BROKEN[1:])  # the page broke the row: its figures stayed alone
    assert top[0] == " ".join(HEADER) and top[1].startswith("2144")

    tables = read(path).tables
    assert len(tables) == 1
    assert [[cell.text for cell in row] for row in tables[0].rows] == [HEADER, *rows]
