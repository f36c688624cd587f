"""Tables in the wording real reports print, through extraction and the dbt build.

An operating statement whose lines are abbreviated as Upplands Väsby prints them
(`Fsg av verksam.`, `Övr. int.`, `Köp av verksam.`, `Övr. kostn.`, `Av- och
nedskrivningar`), revenue and costs both printed positive, beside a staffing table
captioned `Personalekonomisk redovisning` whose lines read `Tillsvidare` and
`Årsarbeten`; and an investment table continued on the next page with neither
caption nor header.
"""

from pathlib import Path

import duckdb
import pytest
from reportlab.pdfgen import canvas

from tests.dbt_runs import drawn_warehouse
from tests.extract.header_forms import FONT, LEADING, PORTRAIT, SIZE, row
from tests.extract.test_pdf_headless_continuation import continued_without_header

MANIFEST = """file,municipality,committee,period_end,report_kind
abbreviated.pdf,Borlänge,Miljö- och byggnadsnämnden,2022-12-31,årsredovisning
continued.pdf,Boden,Miljö- och byggnadsnämnden,2024-12-31,årsredovisning
"""
RIGHTS = (330, 420)
OPERATING_HEADER = ["", "Utfall 2022", "Budget 2022"]
OPERATING_ROWS = [
    ["Taxor och avgifter", "5,5", "5,9"],
    ["Fsg av verksam.", "9,4", "8,5"],
    ["Övr. int.", "17,0", "17,4"],
    ["Verksamhetens intäkter", "31,9", "31,8"],
    ["Övr. kostn.", "53,7", "59,7"],
    ["Köp av verksam.", "65,6", "69,0"],
    ["Av- och nedskrivningar", "63,6", "70,0"],
    ["Kostnader", "182,9", "198,7"],
    ["Nettokostnad", "151,0", "166,9"],
]
STAFF_HEADER = ["", "31 dec 2022", "31 dec 2021"]
STAFF_ROWS = [
    ["Tillsvidare", "17", "16"],
    ["Kvinnor", "13", "9"],
    ["Män", "4", "7"],
    ["Årsarbeten", "16,2", "14,6"],
]


def abbreviated_lines(path: Path) -> Path:
    """Given a path, draw there the operating statement and the staffing table."""
    pdf = canvas.Canvas(str(path), pagesize=PORTRAIT)
    y = 790
    for caption, table in (
        ("Nämndens resultat i korthet (miljoner kronor)", [OPERATING_HEADER, *OPERATING_ROWS]),
        ("Personalekonomisk redovisning", [STAFF_HEADER, *STAFF_ROWS]),
    ):
        pdf.setFont("Helvetica-Bold", 11)
        pdf.drawString(50, y, caption)
        pdf.setFont(FONT, SIZE)
        for index, cells in enumerate(table):
            row(pdf, y - 24 - index * LEADING, cells, RIGHTS)
        y -= 24 + len(table) * LEADING + 40
    pdf.save()
    return path


DRAWN = {"abbreviated.pdf": abbreviated_lines, "continued.pdf": continued_without_header}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """Draw the reports, extract them, build dbt on them; return the warehouse."""
    path = drawn_warehouse(tmp_path_factory.mktemp("real_wording"), MANIFEST, DRAWN)
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def outcomes(warehouse, file_name: str, relation: str, label: str) -> dict[str, float]:
    """Given a report file, a fact relation and its label column, return each label's
    amount (or value) of the report year's outcome."""
    value = "value" if relation == "fct_staffing" else "amount_sek"
    rows = warehouse.execute(
        f"""
        select fact.{label}, fact.{value}
        from {relation} as fact
        inner join dim_report as report using (report_key)
        where report.file_name = ? and fact.measure = 'outcome'
        """,
        [file_name],
    ).fetchall()
    return dict(rows)


def test_abbreviated_revenue_and_cost_lines_are_signed_by_their_kind(warehouse):
    """Revenue and costs are both printed positive: each abbreviated line is signed by
    the kind its vocabulary row gives it, the totals as the sums of those lines."""
    amounts = outcomes(warehouse, "abbreviated.pdf", "fct_operating_budget", "line_item")
    assert amounts == {
        "Taxor och avgifter": 5_500_000,
        "Fsg av verksam.": 9_400_000,
        "Övr. int.": 17_000_000,
        "Verksamhetens intäkter": 31_900_000,
        "Övr. kostn.": -53_700_000,
        "Köp av verksam.": -65_600_000,
        "Av- och nedskrivningar": -63_600_000,
        "Kostnader": -182_900_000,
        "Nettokostnad": -151_000_000,
    }


def test_a_staffing_table_of_real_wording_gives_headcounts_and_work_units(warehouse):
    values = outcomes(warehouse, "abbreviated.pdf", "fct_staffing", "metric")
    assert values == {
        "employees": 17,
        "employees_women": 13,
        "employees_men": 4,
        "annual_work_units": 16.2,
    }


def test_a_continuation_without_caption_or_header_gives_its_projects_facts(warehouse):
    projects = warehouse.execute(
        """
        select count(distinct fact.project), count(*)
        from fct_investment_budget as fact
        inner join dim_report as report using (report_key)
        where report.file_name = 'continued.pdf' and fact.amount_sek is not null
        """
    ).fetchone()
    assert projects == (15, 45)  # 14 projects and their sum, three columns each
