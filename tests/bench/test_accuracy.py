"""The accuracy harness's scoring: found, misplaced, wrong and missing facts, label matching."""

import re

import pytest

from bench.accuracy.compare import (
    UNIT_FACTORS,
    GoldFact,
    WarehouseFact,
    normalise_label,
    score,
    tolerance,
    total,
    unmatched,
)
from bench.accuracy.gold import read_gold, read_unreadable
from bench.accuracy.placement import placements
from expectations.facts import CONTRACT_MEASURES

DOC = "000_torsas"


def gold(
    line_item, measure, value, printed, unit="tkr", year=2021, relation="fct_operating_budget"
):
    return GoldFact(DOC, relation, line_item, measure, year, value, unit, printed)


def row(label, measure, value, year=2021, relation="fct_operating_budget", labels=()):
    return WarehouseFact(DOC, relation, (label, *labels), measure, year, value)


GOLD = [
    gold("Nettokostnader", "budget", -85_547_000, "85 547"),
    gold("Personalkostnader", "forecast", -26_280_000, "26 280"),
    gold("Övriga kostnader", "budget", -63_367_000, "63 367"),
    gold("Intäkter", "consumption_pct", 190.7, "190,7", unit="pct"),
    gold("Kapitalkostnader", "budget", -5_000_000, "5 000"),
    gold("Lokalkostnader", "budget", -7_000_000, "7 000"),
]
ROWS = [
    row("Nettokostnader", "budget", -85_547_000),
    row("Personalkost nader", "forecast", 26_280_000),  # sign not normalised: misplaced
    row("Intäkter", "consumption_pct", 190.7),
    row("Övriga kostnader", "budget", -63_367_000, year=2020),  # another year: misplaced
    row("Kapitalkostnader", "budget", -4_000_000),  # another number: wrong
]


def test_counts_found_misplaced_wrong_and_missing_per_document():
    result = score(GOLD, ROWS)[DOC]
    counts = (result.found, result.misplaced, result.wrong, result.missing, result.total)
    assert counts == (2, 2, 1, 1, 6)
    assert result.found_pct == pytest.approx(100 * 2 / 6)


def test_lists_each_fact_with_the_value_the_warehouse_holds_and_where():
    verdicts = {v.fact.line_item: v for v in score(GOLD, ROWS)[DOC].verdicts}
    assert verdicts["Personalkostnader"].status == "misplaced"
    assert verdicts["Personalkostnader"].seen == (26_280_000,)
    assert verdicts["Övriga kostnader"].status == "misplaced"
    assert verdicts["Övriga kostnader"].where == ("budget 2020",)
    assert verdicts["Kapitalkostnader"].status == "wrong"
    assert verdicts["Lokalkostnader"].status == "missing"


def test_counts_a_figure_stored_under_another_measure_as_misplaced():
    fact = gold("Nettokostnader", "forecast", -84_547_000, "84 547")
    stored = row("Nettokostnader", "budget", -84_547_000)  # the gold has no budget here
    assert score([fact], [stored])[DOC].misplaced == 1


def test_a_row_holding_its_own_gold_value_does_not_make_another_fact_misplaced():
    budget = gold("Fiber", "budget", -30_000_000, "30 000")
    forecast = gold("Fiber", "forecast", -30_000_000, "30 000")
    result = score([budget, forecast], [row("Fiber", "budget", -30_000_000)])[DOC]
    assert (result.found, result.misplaced, result.missing) == (1, 0, 1)


@pytest.mark.parametrize(
    ("printed", "as_read"),
    [
        ("Personalkost nader", "Personalkostnader"),
        ("Askersu\nnd\nförskola", "Askersund förskola"),
        ("Solberga IP, LED-\nbelysning", "Solberga IP, LED-belysning"),
        ("- Lokalkostnader", "Lokalkostnader"),
        ("<i>varav personalkostnader</i>", "varav personalkostnader"),
        ("Fastighetsfö\u00adrvärv", "Fastighetsförvärv"),
        ("SUMMA KOSTNADER", "Summa kostnader"),
    ],
)
def test_matches_labels_split_or_marked_up_by_the_layout(printed, as_read):
    assert normalise_label(printed) == normalise_label(as_read)


def test_does_not_match_different_labels():
    assert normalise_label("Intäkter") != normalise_label("Kostnader")


def test_finds_a_value_within_half_a_printed_unit_and_not_beyond():
    fact = gold("Resultat", "outcome_ytd", 12_100_000, "12,1", unit="mnkr", year=2022)
    assert tolerance(fact) == pytest.approx(50_000, abs=1e-3)
    near = score([fact], [row("Resultat", "outcome_ytd", 12_149_000, year=2022)])[DOC]
    far = score([fact], [row("Resultat", "outcome_ytd", 12_151_000, year=2022)])[DOC]
    assert (near.found, far.wrong) == (1, 1)


def test_counts_a_null_amount_as_missing_not_found():
    fact = gold("Resultat", "budget", 0, "0")
    assert score([fact], [row("Resultat", "budget", None)])[DOC].missing == 1


def test_matches_an_investment_by_project_name_with_its_code():
    fact = gold(
        "Ombyggnad Garvaren (6013)",
        "budget",
        -388_000,
        "0,388",
        unit="mnkr",
        year=2025,
        relation="fct_investment_budget",
    )
    stored = row(
        "Ombyggnad Garvaren",
        "budget",
        -388_000,
        year=2025,
        relation="fct_investment_budget",
        labels=("Ombyggnad Garvaren 6013",),
    )
    assert score([fact], [stored])[DOC].found == 1


def test_leaves_label_and_year_unchecked_when_the_gold_leaves_them_empty():
    fact = gold(
        "", "sick_leave_pct", 3.4, "3,4 procent", unit="pct", year=None, relation="fct_sick_leave"
    )
    stored = row(None, "sick_leave_pct", 3.4, year=2021, relation="fct_sick_leave")
    assert score([fact], [stored])[DOC].found == 1


def test_sums_document_scores_into_a_rendering_total():
    scores = score(GOLD, ROWS).values()
    summed = total(scores)
    assert (summed.found, summed.misplaced, summed.wrong, summed.missing) == (2, 2, 1, 1)


# the gold states sick leave rates as measures of their own
GOLD_MEASURES = CONTRACT_MEASURES | {"sick_leave_pct", "target_pct"}


def printed_magnitude(text):
    number = re.findall(r"\d[\d ]*(?:,\d+)?", text)[-1]
    return float(number.replace(" ", "").replace(",", "."))


def test_every_gold_value_is_its_printed_number_in_warehouse_units():
    facts = [fact for facts in read_gold().values() for fact in facts]
    assert len(facts) > 700
    for fact in facts:
        assert fact.measure in GOLD_MEASURES, fact
        expected = printed_magnitude(fact.as_printed) * UNIT_FACTORS[fact.unit]
        assert abs(fact.value) == pytest.approx(expected), fact


def test_unreadable_cells_name_a_gold_document():
    documents = set(read_gold())
    assert all(cell.document in documents for cell in read_unreadable())


def test_lists_warehouse_rows_that_no_gold_fact_names():
    target_not_printed = row("Kvinnor", "target_pct", None, relation="fct_sick_leave")
    extra = unmatched(GOLD, [*ROWS, target_not_printed])
    assert [(row.labels[0], row.fiscal_year) for row in extra] == [("Övriga kostnader", 2020)]


def table_figure(label, measure, value, printed):
    return GoldFact(DOC, "fct_operating_budget", label, measure, 2021, value, "tkr", printed, label)


def test_places_a_table_figure_in_its_own_row_whatever_measure_or_sign():
    fact = table_figure("Personalkostnader", "budget", -25_380_000, "25 380")
    stored = row("Personalkostnader", "forecast", 25_380_000)
    assert placements([fact], [stored])[DOC].right == 1


def test_places_a_figure_stored_only_under_another_label_in_a_wrong_row():
    personal = table_figure("Personalkostnader", "budget", -25_380_000, "25 380")
    other = table_figure("Övriga kostnader", "budget", -63_367_000, "63 367")
    stored = [row("Övriga kostnader", "budget", -25_380_000)]
    placed = placements([personal, other], stored)[DOC]
    assert (placed.right, placed.wrong, placed.absent) == (0, 1, 1)


def test_a_size_the_other_row_prints_itself_or_a_zero_is_not_a_wrong_row():
    budget = table_figure("Fiber", "budget", -30_000_000, "30 000")
    deviation = table_figure("Fiber", "deviation", 0, "0")
    twin = table_figure("Bredband", "budget", -30_000_000, "30 000")
    stored = [row("Bredband", "budget", -30_000_000), row("Bredband", "deviation", 0)]
    placed = placements([budget, deviation, twin], stored)[DOC]
    assert (placed.right, placed.wrong, placed.absent) == (1, 0, 2)


def test_a_figure_a_prose_fact_states_too_is_not_in_a_wrong_row():
    result = table_figure("Resultat", "forecast", 19_900_000, "19,9")
    stored = WarehouseFact(
        DOC, "fct_operating_budget", ("Nämnden",), "forecast", 2021, 19_900_000, from_table=False
    )
    placed = placements([result], [stored])[DOC]
    assert (placed.right, placed.wrong, placed.absent) == (0, 0, 1)


def test_only_gold_facts_with_a_row_label_are_table_figures():
    prose = GoldFact(DOC, "fct_staffing", "employees", "outcome", 2021, 98, "count", "98")
    assert placements([prose], []) == {}
