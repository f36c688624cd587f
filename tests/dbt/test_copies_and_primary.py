"""Each fact once, on a real build of the shipped samples: a report shipped as two files
(PDF and text export, PDF and Word) counts one copy, a figure printed in several tables of
one report is summed from one of them, and the analyst columns the example plots need are
filled (issue 24 items 1 and 5)."""

import contextlib
import io
import shutil
from pathlib import Path

import duckdb
import pytest

from examples.plots import INVESTMENT, SICK_LEAVE
from orchestration.cli import main as kommunlager

RAW_DIR = Path(__file__).resolve().parents[2] / "data" / "raw"
# the two reports the samples ship in two formats each
TORSAS = ("000_2fa4f77e9635ad75.pdf", "000_2fa4f77e9635ad75.txt")
ESKILSTUNA = ("002_c1054ddd542bd9a7.docx", "002_c1054ddd542bd9a7.pdf")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    """Build every shipped sample with the CLI; return the warehouse, read-only."""
    root = tmp_path_factory.mktemp("copies")
    raw = shutil.copytree(RAW_DIR, root / "raw")
    target = root / "warehouse.duckdb"
    with contextlib.redirect_stdout(io.StringIO()):
        assert kommunlager(["build", "--raw-dir", str(raw), "--warehouse", str(target)]) == 0
    connection = duckdb.connect(str(target), read_only=True)
    yield connection
    connection.close()


def canonical_files(warehouse, file_names: tuple[str, ...]) -> set[str]:
    """Given report files, return the file names of their canonical copies."""
    rows = warehouse.execute(
        "select canonical.file_name from dim_report as report"
        " inner join dim_report as canonical on report.canonical_report_key = canonical.report_key"
        " where report.file_name in $names",
        {"names": list(file_names)},
    ).fetchall()
    assert len(rows) == len(file_names)
    return {name for (name,) in rows}


@pytest.mark.parametrize("copies", [TORSAS, ESKILSTUNA])
def test_links_a_report_shipped_in_two_formats_to_one_canonical_copy(warehouse, copies):
    (canonical,) = canonical_files(warehouse, copies)
    (copy,) = set(copies) - {canonical}
    (reason,) = warehouse.execute(
        "select canonical_reason from dim_report where file_name = ?", [copy]
    ).fetchone()
    assert reason.startswith(f"copy of {canonical}: same municipality, committee, period and kind")


def test_leaves_a_report_shipped_once_its_own_canonical_copy(warehouse):
    rows = warehouse.execute(
        "select file_name, canonical_reason from dim_report"
        " where report_key = canonical_report_key and file_name not in $copies",
        {"copies": [*TORSAS, *ESKILSTUNA]},
    ).fetchall()
    assert len(rows) == 4 and {reason for _, reason in rows} == {"no other copy"}


@pytest.mark.parametrize(
    "relation", ["fct_operating_budget", "fct_investment_budget", "fct_staffing", "fct_sick_leave"]
)
def test_fact_tables_hold_the_canonical_copies_only_and_the_copies_stay_queryable(
    warehouse, relation
):
    in_facts = warehouse.execute(
        f"select count(*), count(*) filter (where report.report_key != report.canonical_report_key)"
        f" from {relation} as fact inner join dim_report as report using (report_key)"
    ).fetchone()
    copies_kept = warehouse.execute(
        "select count(*) from facts_all_copies as fact"
        " inner join dim_report as report using (report_key)"
        " where fact.relation = ? and report.report_key != report.canonical_report_key",
        [relation],
    ).fetchone()[0]
    assert in_facts[0] > 0 and in_facts[1] == 0
    assert copies_kept > 0


def test_summing_investment_budget_per_project_counts_each_project_once(warehouse):
    printings = warehouse.execute(
        "select report_key, project, fiscal_year, count(*) as n_printed,"
        " count(*) filter (where is_primary) as n_primary,"
        " sum(amount_sek) filter (where is_primary) as summed, min(amount_sek), max(amount_sek)"
        " from fct_investment_budget"
        " where measure = 'budget' and not is_total and amount_sek is not null"
        " group by all"
    ).fetchall()
    # some project's budget is printed in more than one table: the rule has work to do
    assert any(n_printed > 1 for _, _, _, n_printed, *_ in printings)
    for report_key, project, year, _, n_primary, summed, low, high in printings:
        assert n_primary <= 1, (report_key, project, year)
        assert n_primary == 0 or summed == low == high, (report_key, project, year)
    # a project printed under an abbreviated label too is summed under its main table's label
    abbreviated = {project for _, project, _, _, n_primary, *_ in printings if n_primary == 0}
    assert abbreviated == {"Närlundaskolan omg markarbeten", "Expl Gustavslund"}


def test_the_example_investment_plot_draws_each_budget_as_printed_not_a_multiple(warehouse):
    printed = warehouse.execute(
        "select project, list(distinct round(-amount_sek / 1e6, 6)) from fct_investment_budget"
        " where measure = 'budget' and not is_total group by project"
    ).fetchall()
    budgets = dict(printed)
    plotted = warehouse.execute(INVESTMENT).fetchall()
    # the example: Askersund förskola's 36.3 mnkr, printed in three tables
    assert ("Askersund förskola", pytest.approx(36.297)) in [(p, b) for p, b, _ in plotted]
    for project, budget_mnkr, _ in plotted:
        assert round(budget_mnkr, 6) in budgets[project], project


def test_the_example_sick_leave_plot_names_every_bar(warehouse):
    bars = [who for who, _, _ in warehouse.execute(SICK_LEAVE).fetchall()]
    assert bars and all(who and "None" not in who for who in bars)


def test_groups_each_sick_leave_rate_by_who_it_covers_and_keeps_the_printed_words(warehouse):
    rates = set(
        warehouse.execute(
            "select report.file_name, fact.population, fact.population_group"
            " from fct_sick_leave as fact inner join dim_report as report using (report_key)"
        ).fetchall()
    )
    assert rates == {
        # a sentence naming no one states the committee's rate
        ("002_c1054ddd542bd9a7.pdf", None, "total"),
        ("003_29ca0d4d1c8890ca.pdf", "Kommunstyrelseförvaltningen", "unit"),
        # the words name a part the vocabulary does not know: no group, never a guess
        ("001_84cd8bd0666b2bbe.pdf", "Sjukfrånvaro AME, procent", None),
        ("001_84cd8bd0666b2bbe.pdf", "Sjukfrånvaro exkl. AME, procent", None),
    }


def test_reads_the_project_number_printed_in_brackets_after_the_name(warehouse):
    codes = dict(
        warehouse.execute(
            "select distinct project, project_code from fct_investment_budget"
            " where project like 'Löparbana%' or project like 'Ny teknik bowlinghall%'"
            " or project like 'Investering enligt reinvesteringsplan%'"
        ).fetchall()
    )
    assert codes == {
        "Löparbana Korsavad (6151)": "6151",
        "Ny teknik bowlinghall Korsavad (6154)": "6154",
        # a year is no project number
        "Investering enligt reinvesteringsplan 2024": None,
    }
