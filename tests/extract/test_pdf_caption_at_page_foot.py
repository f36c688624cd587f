"""A caption left at the foot of a page, its table opening the next, printed by WeasyPrint.

The short caption (`Sjukfrånvaron totalt`) reads like a running footer under the page's
last table, and the next table stands in the same columns: it was read as that table
continued, its own header (`2026 | 2025` under staff counts headed `2026-12-31 |
2025-12-31`) as one more row, and the sick-leave rates went unread
(gen_47072_weasyprint). A header that repeats none of the last table's starts a table.
"""

from pathlib import Path

import pdfplumber
import pytest
import weasyprint

from extract.readers.pdf import read

SAMPLE = Path(__file__).resolve().parents[2] / "data/raw/001_84cd8bd0666b2bbe.pdf"
STAFF_HEADS = ["2026-12-31", "2025-12-31"]
SICK_HEADS = ["2026", "2025"]
SICK = [["Samtliga", "6,4", "4,7"], ["Kvinnor", "7,2", "6,2"], ["Män", "5,1", "2,9"]]
STYLE = """
@page {{ size: A5; margin: 15mm; }}
body {{ font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: {border}; padding: 1.5pt 4pt; font-size: 8pt; }}
td.n, th.n {{ text-align: right; white-space: nowrap; }}
th {{ text-align: left; }} td.l, th.l {{ width: 40%; }}
"""


def _table(heads: list[str], rows: list[list[str]]) -> str:
    head = '<th class="l"></th>' + "".join(f'<th class="n">{h}</th>' for h in heads)
    body = "".join(
        f'<tr><td class="l">{row[0]}</td>'
        + "".join(f'<td class="n">{value}</td>' for value in row[1:])
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _html(staff: list[list[str]], border: str) -> str:
    return (
        f"<html><head><style>{STYLE.format(border=border)}</style></head><body>"
        f"<p><b>Personalstatistik</b></p>{_table(STAFF_HEADS, staff)}"
        f"<p><b>Sjukfrånvaron totalt</b></p>{_table(SICK_HEADS, SICK)}</body></html>"
    )


@pytest.mark.parametrize(
    ("border", "units"), [("none", 34), ("0.6pt solid #000", 33)], ids=["borderless", "ruled"]
)
def test_a_table_with_a_header_of_its_own_after_a_caption_at_the_page_foot_is_a_table(
    tmp_path: Path, border: str, units: int
):
    staff = [[f"Enhet {i}", f"{100 + i}", f"{90 + i}"] for i in range(units)]
    path = tmp_path / "caption_at_foot.pdf"
    weasyprint.HTML(string=_html(staff, border)).write_pdf(str(path))
    with pdfplumber.open(path) as pdf:
        foot = pdf.pages[0].extract_text().splitlines()[-1]
        top = pdf.pages[1].extract_text().splitlines()[0]
    assert (foot, top) == ("Sjukfrånvaron totalt", " ".join(SICK_HEADS))

    staff_table, sick_table = read(path).tables
    assert [[cell.text for cell in row] for row in staff_table.rows] == [["", *STAFF_HEADS], *staff]
    assert sick_table.caption == "Sjukfrånvaron totalt"
    assert [[cell.text for cell in row] for row in sick_table.rows] == [["", *SICK_HEADS], *SICK]


def test_the_rest_of_a_header_row_the_page_broke_continues_its_table():
    # A shipped sample's ruled table: `Verksamhetsko` / `Nettoavvikelse` end page 16,
    # `d` / `mot budget` open page 17 over the figures; that rest heads one column only.
    tables = read(SAMPLE).tables
    table = next(t for t in tables if t.rows[0][0].text == "Verksamhetsko")
    assert [[cell.text for cell in row] for row in table.rows[:3]] == [
        ["Verksamhetsko", "", "Prognos 2024", "Budget 2024", "Nettoavvikelse"],
        ["d", "", "", "", "mot budget"],
        ["91 Gemensamma lokaler", "Intäkt", "96", "61", "-175"],
    ]
