"""Signs a table's own arithmetic decides, and the ones it leaves undecided (issue 23).

Reports drawn with reportlab, each table in a report of its own (a table nothing signs
would otherwise take its report's convention):

- an operating statement printing revenue and costs positive, `Kostnader` summing the
  costs, `Verksamhetens nettokostnad` the costs less the revenue, then `Kommunbidrag`
  and `Resultat efter kommunbidrag` (the grant less the net cost, printed signed); its
  deviation column prints outcome - budget of the printed figures on every line;
- the committee's units without revenue or cost lines, closed by `Summa förvaltningen`;
- the same units closed by a bare `Summa`: nothing says what they are;
- revenue and costs printed positive whose net adds up in one column and not the other.
"""

from pathlib import Path

import duckdb
import pytest
from reportlab.pdfgen import canvas

from tests.dbt_runs import drawn_warehouse
from tests.extract.header_forms import BOLD, FONT, LEADING, PORTRAIT, SIZE, row

MANIFEST = """file,municipality,committee,period_end,report_kind
net.pdf,Örnsköldsvik,Samhällsbyggnadsnämnden,2025-12-31,årsredovisning
committee.pdf,Järfälla,Miljö- och byggnadsnämnden,2025-12-31,årsredovisning
bare.pdf,Danderyd,Miljö- och byggnadsnämnden,2025-12-31,årsredovisning
conflict.pdf,Krokom,Barn- och utbildningsnämnden,2025-12-31,årsredovisning
"""
RIGHTS = (330, 410, 490)
HEADER = ["", "Utfall 2025", "Budget 2025", "Avvikelse"]
NET_ROWS = [
    ["Försäljning av verksamhet", "18 748", "18 000", "748"],
    ["Bidrag", "15 918", "15 918", "0"],
    ["Summa intäkter", "34 666", "33 918", "748"],
    ["Personalkostnader", "22 658", "21 858", "800"],
    ["Övriga kostnader", "20 423", "20 423", "0"],
    ["Kostnader", "43 081", "42 281", "800"],
    ["Verksamhetens nettokostnad", "8 415", "8 363", "52"],
    ["Kommunbidrag", "8 363", "8 363", "0"],
    ["Resultat efter kommunbidrag", "–52", "0", "–52"],
]
UNIT_ROWS = [
    ["Kart och mät", "903", "822", "81"],
    ["Miljöenheten", "621", "687", "-66"],
    ["Bygglov", "913", "883", "30"],
]
CONFLICT_ROWS = [
    ["Intäkter", "5 000", "5 200", "-200"],
    ["Kostnader", "20 000", "19 000", "1 000"],
    ["Verksamhetens nettokostnad", "16 000", "13 800", "2 200"],
]


def _table(caption: str, rows: list[list[str]]):
    """Given a caption and the body rows, return a function drawing that one table."""

    def draw(path: Path) -> Path:
        pdf = canvas.Canvas(str(path), pagesize=PORTRAIT)
        pdf.setFont(BOLD, 11)
        pdf.drawString(50, 790, caption)
        pdf.setFont(FONT, SIZE)
        for index, cells in enumerate([HEADER, *rows]):
            row(pdf, 766 - index * LEADING, cells, RIGHTS)
        pdf.save()
        return path

    return draw


UNITS_CAPTION = "Nämndens resultat i korthet (tkr)"
UNITS_TOTAL = ["2 437", "2 392", "45"]
DRAWN = {
    "net.pdf": _table("Resultaträkning (tkr)", NET_ROWS),
    "committee.pdf": _table(UNITS_CAPTION, [*UNIT_ROWS, ["Summa förvaltningen", *UNITS_TOTAL]]),
    "bare.pdf": _table(UNITS_CAPTION, [*UNIT_ROWS, ["Summa", *UNITS_TOTAL]]),
    "conflict.pdf": _table("Resultaträkning (tkr)", CONFLICT_ROWS),
}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """Draw the reports, extract them, build dbt on them; return the warehouse."""
    path = drawn_warehouse(tmp_path_factory.mktemp("signs_by_arithmetic"), MANIFEST, DRAWN)
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def amounts(warehouse, file_name: str, measure: str) -> dict[str, float | None]:
    """Given a report file and a measure, return each line's stored amount (None: withheld)."""
    rows = warehouse.execute(
        """
        select fact.line_item, fact.amount_sek
        from fct_operating_budget as fact
        inner join dim_report as report using (report_key)
        where report.file_name = ? and fact.measure = ?
        """,
        [file_name, measure],
    ).fetchall()
    return dict(rows)


def withheld_reasons(warehouse, file_name: str) -> list[str]:
    """Given a report file, return the reasons its withheld figures are recorded with."""
    rows = warehouse.execute(
        """
        select coverage.reason
        from quality_table_coverage as coverage
        inner join dim_report as report using (report_key)
        where report.file_name = ? and coverage.region_kind = 'withheld_figures'
        """,
        [file_name],
    ).fetchall()
    return [reason for (reason,) in rows]


def test_the_net_cost_beside_revenue_and_costs_is_signed_by_their_difference(warehouse):
    """8 415 is 43 081 of costs less 34 666 of revenue: money out. The result after the
    grant is 8 363 - 8 415 = -52, printed as money in; so is its deviation."""
    assert amounts(warehouse, "net.pdf", "outcome") == {
        "Försäljning av verksamhet": 18_748_000,
        "Bidrag": 15_918_000,
        "Summa intäkter": 34_666_000,
        "Personalkostnader": -22_658_000,
        "Övriga kostnader": -20_423_000,
        "Kostnader": -43_081_000,
        "Verksamhetens nettokostnad": -8_415_000,
        "Kommunbidrag": 8_363_000,
        "Resultat efter kommunbidrag": -52_000,
    }
    deviations = amounts(warehouse, "net.pdf", "deviation")
    assert deviations["Försäljning av verksamhet"] == 748_000
    assert deviations["Personalkostnader"] == -800_000
    assert deviations["Verksamhetens nettokostnad"] == -52_000
    assert deviations["Resultat efter kommunbidrag"] == -52_000
    assert withheld_reasons(warehouse, "net.pdf") == []


def test_units_a_committee_total_closes_are_net_costs(warehouse):
    outcome = amounts(warehouse, "committee.pdf", "outcome")
    assert outcome == {
        "Kart och mät": -903_000,
        "Miljöenheten": -621_000,
        "Bygglov": -913_000,
        "Summa förvaltningen": -2_437_000,
    }
    sign_bases = warehouse.execute(
        """
        select distinct fact.sign_basis
        from fct_operating_budget as fact
        inner join dim_report as report using (report_key)
        where report.file_name = 'committee.pdf' and fact.measure = 'outcome'
        """
    ).fetchall()
    assert sign_bases == [("activity_net_cost",)]


def test_units_under_a_bare_total_stay_withheld(warehouse):
    """Nothing in the table says whether 903 is a cost or an income: no amount."""
    outcome = amounts(warehouse, "bare.pdf", "outcome")
    assert set(outcome) == {"Kart och mät", "Miljöenheten", "Bygglov", "Summa"}
    assert set(outcome.values()) == {None}
    assert withheld_reasons(warehouse, "bare.pdf") == ["withheld: sign undecided"]


def test_a_net_that_adds_up_in_one_column_only_stays_withheld(warehouse):
    """13 800 is 19 000 - 5 200, but 16 000 is neither 20 000 - 5 000 nor their sum: the
    columns disagree, so the net gets no sign in either."""
    assert amounts(warehouse, "conflict.pdf", "outcome") == {
        "Intäkter": 5_000_000,
        "Kostnader": -20_000_000,
        "Verksamhetens nettokostnad": None,
    }
    assert amounts(warehouse, "conflict.pdf", "budget")["Verksamhetens nettokostnad"] is None
    assert withheld_reasons(warehouse, "conflict.pdf") == ["withheld: sign undecided"]
