"""A table wider than the page, printed by Chromium: its last columns are cut off at the
page's edge, where only the start of the next head (`Årsprogno`) is printed.

The columns that are printed keep their header: a head that starts right of the last
column with numbers heads nothing the reader can read (fresh seed 36033 took the whole
header line for the table's caption and read none of its 36 printed figures).
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

from extract.readers.pdf import read

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run"]
UNIT = "(tusen kronor)"
HEADS = [
    "Utfall (U)",
    "Budget (B)",
    "Avvikelse (B-U)",
    "Årsbudget (Å)",
    "Årsprognos (P)",
    "Avvikelse (Å-P)",
]
ROWS = [
    ["Taxor och avgifter", "-187 242", "-199 137", "-11 895", "-298 705", "-298 705", "0"],
    ["Lokalkostnader", "622 066", "634 045", "11 979", "951 067", "903 556", "47 511"],
    ["Resultat", "2 069", "0", "-2 069", "0", "0", "0"],
]
STYLE = """
@page { size: A4; margin: 18mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 1.5pt 4pt; font-size: 7pt; vertical-align: top; }
td.n, th.n { text-align: right; white-space: nowrap; }
th { text-align: left; }
"""


def _row_html(row: list[str]) -> str:
    numbers = "".join(f'<td class="n">{number}</td>' for number in row[1:])
    return f"<tr><td>{row[0]}</td>{numbers}</tr>"


def _html() -> str:
    heads = "".join(f'<th class="n">{head} {UNIT}</th>' for head in HEADS)
    body = "".join(_row_html(row) for row in ROWS)
    return (
        f"<html><head><style>{STYLE}</style></head><body><p><b>Ekonomiskt utfall</b></p>"
        f"<table><tr><th>Kostnadsslag</th>{heads}</tr>{body}</table></body></html>"
    )


def _print_with_chromium(html: Path, pdf: Path) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(html.as_uri(), timeout=30_000)
            page.pdf(path=str(pdf), prefer_css_page_size=True)
        finally:
            browser.close()


def test_the_printed_columns_of_a_table_cut_off_at_the_page_edge_keep_their_header(
    tmp_path: Path,
):
    html, pdf = tmp_path / "wide.html", tmp_path / "wide.pdf"
    html.write_text(_html(), encoding="utf-8")
    _print_with_chromium(html, pdf)
    table = read(pdf).tables[0]
    printed = len(table.rows[0]) - 1
    assert 0 < printed < len(HEADS)  # the page cut the table: some columns are not printed
    assert table.caption == "Ekonomiskt utfall"
    assert [cell.text for cell in table.rows[0]] == [
        "Kostnadsslag",
        *(f"{head} {UNIT}" for head in HEADS[:printed]),
    ]
    assert [[cell.text for cell in row] for row in table.rows[1:]] == [
        row[: printed + 1] for row in ROWS
    ]
