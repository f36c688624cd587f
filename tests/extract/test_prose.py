"""Prose facts from sentences cut from the seed exports and a real PDF."""

from pathlib import Path

import pytest

from extract.detect.prose import ProseFact, find_prose_facts, scan_prose
from extract.model import TextBlock
from extract.vocabulary import prose_patterns

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "detect"
KLK = "På KLK finns per mars 105 tillsvidareanställda medarbetare varav 68 kvinnor och 37 män."
KLK_SICK = "Sjukfrånvaron uppgår till 1,9% vilket är under målnivån på 3,0%."
HANINGE_SICK = "Sjukfrånvaron i kommunstyrelseförvaltningen var i september 3,4 procent."
ASKERSUND_AMBIGUOUS = (
    "Den totala sjukfrånvaron inom kommunledningsförvaltningen minskar betydligt de första sju "
    "månaderna 2024 i jämförelse med samma period 2023 (4,43 procent 2023 mot 5,89 procent 2023)."
)


def lines(*texts: str, page: int = 1) -> list[TextBlock]:
    """Given lines of text, return them as blocks on one page."""
    return [TextBlock(page, text) for text in texts]


def test_reads_headcount_with_women_and_men_from_one_sentence():
    assert find_prose_facts(lines(KLK)) == [
        ProseFact(1, "employees", 105.0, None, "KLK", "105", KLK),
        ProseFact(1, "employees_women", 68.0, None, "KLK", "68", KLK),
        ProseFact(1, "employees_men", 37.0, None, "KLK", "37", KLK),
    ]


def test_reads_sick_leave_with_its_target_level():
    assert find_prose_facts(lines(KLK_SICK)) == [
        ProseFact(1, "sick_leave_pct", 1.9, 3.0, None, "1,9", KLK_SICK)
    ]


def test_reads_sick_leave_of_a_named_population_in_a_paragraph_with_other_rates():
    paragraph = (
        f"{HANINGE_SICK} Jämfört med 2019 är sjukfrånvaron något lägre och för helåret är att "
        "kommunstyrelseförvaltningens sjukfrånvaro kommer att landa strax under utfallet 2019 som "
        "var 3,7 procent."
    )
    assert find_prose_facts(lines(paragraph, page=4)) == [
        ProseFact(
            4, "sick_leave_pct", 3.4, None, "kommunstyrelseförvaltningen", "3,4", HANINGE_SICK
        )
    ]


def test_joins_a_sentence_split_over_pdf_lines_and_keeps_its_page():
    blocks = lines(
        "Medarbetare", "På KLK finns per mars 105 tillsvidareanställda medarbetare", page=1
    )
    blocks += lines("Medarbetare", "På KLK finns per mars 105 tillsvidareanställda", page=2)
    blocks += lines("medarbetare varav 68 kvinnor och 37 män. Sjukfrånvaron uppgår till", page=2)
    blocks += lines("1,9% vilket är under målnivån på 3,0%.", page=2)
    facts = find_prose_facts(blocks)
    assert [(fact.page, fact.fact, fact.value) for fact in facts] == [
        (1, "employees", 105.0),
        (2, "employees", 105.0),
        (2, "employees_women", 68.0),
        (2, "employees_men", 37.0),
        (2, "sick_leave_pct", 1.9),
    ]
    assert facts[1].sentence == f"Medarbetare {KLK}"


def test_finds_nothing_but_a_warning_in_a_comparison_of_two_rates():
    scan = scan_prose(lines(ASKERSUND_AMBIGUOUS, page=6))
    assert scan.facts == []
    assert scan.warnings == [
        f"page 6: sick_leave_pct not read from a sentence about it: {ASKERSUND_AMBIGUOUS!r}"
    ]


def test_warns_instead_of_reading_a_rate_stated_beside_another_rate():
    scan = scan_prose(lines("Sjukfrånvaron uppgår till 5,2% jämfört med 4,8% föregående år."))
    assert scan.facts == []
    assert scan.warnings == [
        "page 1: sick_leave_rate skipped, 2 percentages in a sentence that states 1: "
        "'Sjukfrånvaron uppgår till 5,2% jämfört med 4,8% föregående år.'"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Inom HR har 3 medarbetare slutat under året.",
        "Förvaltningen har 12 medarbetare som arbetar med IT.",
        "Personalstyrkan ökade från sju tillsvidareanställda till cirka 30.",
        "Sjukfrånvaro exkl. AME, procent\tLägre än 5,00\t1,86\t↑",
        "Antalet deltagarplatser ökade med 25%, och upp till 75 personer arbetar där.",
        "Sjukfrånvaron är en stor utmaning.",
    ],
)
def test_finds_nothing_in_a_sentence_that_does_not_state_a_fact(sentence):
    assert find_prose_facts(lines(sentence)) == []


def test_reads_grouped_thousands_and_the_population_after_inom():
    sentence = "Inom kommunen finns 1 234 tillsvidareanställda, motsvarande 1 180,5 årsarbetare."
    assert [
        (fact.fact, fact.value, fact.population) for fact in find_prose_facts(lines(sentence))
    ] == [
        ("employees", 1234.0, "kommunen"),
        ("annual_work_units", 1180.5, "kommunen"),
    ]


def test_reads_annual_work_units_and_a_headcount_stated_as_antalet():
    facts = find_prose_facts(
        lines("Antalet årsarbetare var 98,5. Antalet anställda uppgick till 105.")
    )
    assert [(fact.fact, fact.value, fact.as_printed) for fact in facts] == [
        ("annual_work_units", 98.5, "98,5"),
        ("employees", 105.0, "105"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sjukfrånvaron i september var 3,4 procent.", [("sick_leave_pct", 3.4, None)]),
        ("Sjukfrånvaron för 2023 var 5,1 procent.", [("sick_leave_pct", 5.1, None)]),
        (
            "Sjukfrånvaron för perioden januari–augusti uppgick till 6,2 procent.",
            [("sick_leave_pct", 6.2, None)],
        ),
        ("I september fanns 105 anställda.", []),
    ],
)
def test_does_not_take_a_time_phrase_for_the_population(sentence, expected):
    facts = find_prose_facts(lines(sentence))
    assert [(fact.fact, fact.value, fact.population) for fact in facts] == expected


@pytest.mark.parametrize(
    ("sentence", "population"),
    [
        (
            "Inom socialförvaltningen fanns den 31 augusti 2023 totalt 1 045 "
            "tillsvidareanställda, varav 870 kvinnor och 175 män.",
            "socialförvaltningen",
        ),
        (
            "Kommunledningsförvaltningen har per den 31 augusti 1 045 tillsvidareanställda "
            "medarbetare varav 870 kvinnor och 175 män.",
            "Kommunledningsförvaltningen",
        ),
    ],
)
def test_reads_headcounts_stated_with_a_date_or_by_the_unit_itself(sentence, population):
    facts = find_prose_facts(lines(sentence))
    assert [(fact.fact, fact.value, fact.population) for fact in facts] == [
        ("employees", 1045.0, population),
        ("employees_women", 870.0, population),
        ("employees_men", 175.0, population),
    ]


def test_finds_nothing_in_the_first_pages_of_a_real_annual_report():
    rows = (FIXTURES / "simrishamn_arsbokslut_2025_pages_1-10.tsv").read_text(encoding="utf-8")
    blocks = [
        TextBlock(int(page), text)
        for page, text in (row.split("\t", 1) for row in rows.splitlines())
    ]
    assert scan_prose(blocks) == scan_prose([])


def test_every_prose_pattern_names_only_known_groups():
    known = {"employees", "employees_women", "employees_men", "annual_work_units"}
    known |= {"sick_leave_pct", "target", "population"}
    for pattern in prose_patterns():
        assert set(pattern.regex.groupindex) <= known, pattern.name
