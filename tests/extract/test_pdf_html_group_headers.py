"""Group headers of an HTML table printed by WeasyPrint: `Ackumulerat t.o.m. okt` centred
over `Utfall (tusental kronor) | Budget (tusental kronor) | Avvikelse (tusental kronor)`.

Heads wider than their numbers stand right-aligned over them and reach far left of
them, so the group's first head is centred left of its column's numbers; the group
still heads all three columns (fresh seed 36092 read the two groups as part of the
middle heads, and withheld both deviation columns as one measure twice).
"""

from pathlib import Path

import weasyprint

from extract.readers.pdf import read

UNIT = "(tusental kronor)"
HEADS = ["Utfall", "Budget", "Avvikelse", "Budget", "Prognos", "Avvikelse"]
ROWS = [
    ["Hyresintäkter", "4 771", "4 235", "–536", "5 082", "4 544", "538"],
    ["Förbrukningsmaterial", "–119 697", "–120 740", "–1 043", "–144 888", "–144 888", "0"],
    ["Kostnader totalt", "–364 644", "–340 773", "23 871", "–408 928", "–408 928", "0"],
]
STYLE = """
@page { size: A4 landscape; margin: 18mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 1.5pt 4pt; font-size: 8pt; }
td.n, th.n { text-align: right; white-space: nowrap; }
th { text-align: left; } th.g { text-align: center; }
"""


def _row_html(row: list[str]) -> str:
    numbers = "".join(f'<td class="n">{number}</td>' for number in row[1:])
    return f"<tr><td>{row[0]}</td>{numbers}</tr>"


def _html() -> str:
    groups = '<th class="g" colspan="3">Ackumulerat t.o.m. okt</th>'
    groups += '<th class="g" colspan="3">Helårsprognos 2026</th>'
    heads = "".join(f'<th class="n">{head} {UNIT}</th>' for head in HEADS)
    body = "".join(_row_html(row) for row in ROWS)
    return (
        f"<html><head><style>{STYLE}</style></head><body><p><b>Resultaträkning</b></p>"
        f"<table><tr><th></th>{groups}</tr><tr><th>Verksamhet</th>{heads}</tr>{body}</table>"
        "</body></html>"
    )


def test_centred_groups_over_wide_right_aligned_heads_span_their_three_columns(tmp_path: Path):
    path = tmp_path / "html_groups.pdf"
    weasyprint.HTML(string=_html()).write_pdf(str(path))
    table = read(path).tables[0]
    groups = [(cell.text, cell.span) for cell in table.rows[0]]
    assert groups == [
        ("", 1),
        ("Ackumulerat t.o.m. okt", 3),
        ("", 1),
        ("", 1),
        ("Helårsprognos 2026", 3),
        ("", 1),
        ("", 1),
    ]
    assert [cell.text for cell in table.rows[1]] == ["Verksamhet"] + [f"{h} {UNIT}" for h in HEADS]
    assert [cell.text for cell in table.rows[2]] == ROWS[0]
