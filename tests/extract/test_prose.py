"""Prose facts from sentences cut from the seed exports and a real PDF."""

from datetime import date
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


def test_reads_the_current_rate_and_the_prior_years_from_a_comparison():
    sentence = "Sjukfrånvaron uppgår till 5,2% jämfört med 4,8% föregående år."
    scan = scan_prose(lines(sentence))
    assert scan.facts == [
        ProseFact(1, "sick_leave_pct", 5.2, None, None, "5,2", sentence),
        ProseFact(1, "sick_leave_pct_prior_year", 4.8, None, None, "4,8", sentence),
    ]
    assert scan.warnings == []


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
        ("I september fanns 105 anställda.", [("employees", 105.0, None)]),
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
    known |= {"sick_leave_pct", "target", "population", "unit_population", "inverted_population"}
    known |= {"comparison", "prior_before", "prior_after", "comparison_year"}
    known |= {"deviation", "unit", "favourable", "unfavourable", "signed", "net_cost"}
    for pattern in prose_patterns():
        assert set(pattern.regex.groupindex) <= known, pattern.name


def money(sentence: str) -> list[tuple]:
    """Given one sentence, return (fact, value, population, as_printed, unit) of its facts."""
    return [
        (fact.fact, fact.value, fact.population, fact.as_printed, fact.unit)
        for fact in find_prose_facts(lines(sentence))
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Nämnden prognostiserar ett underskott på 4,2 mnkr för helåret.",
            [("deviation_forecast_sek", -4_200_000.0, "Nämnden", "4,2", "mnkr")],
        ),
        (
            "Socialnämnden redovisar ett underskott om 6,8 miljoner kronor.",
            [("deviation_sek", -6_800_000.0, "Socialnämnden", "6,8", "mnkr")],
        ),
        (
            "Verksamheten visar ett överskott mot budget på 1,0 miljoner kronor.",
            [("deviation_sek", 1_000_000.0, "Verksamheten", "1,0", "mnkr")],
        ),
        (
            "Resultatet visar en positiv avvikelse med 3 278 tusen kronor.",
            [("deviation_sek", 3_278_000.0, None, "3 278", "tkr")],
        ),
        (
            "Helårsprognosen visar en negativ avvikelse mot budget på 1,8 mnkr.",
            [("deviation_forecast_sek", -1_800_000.0, None, "1,8", "mnkr")],
        ),
        (
            "Underskottet beräknas till 3,1 mnkr.",
            [("deviation_forecast_sek", -3_100_000.0, None, "3,1", "mnkr")],
        ),
        (
            "Inom äldreomsorgen prognostiseras ett underskott på 3 mnkr.",
            [("deviation_forecast_sek", -3_000_000.0, "äldreomsorgen", "3", "mnkr")],
        ),
        (
            "Nämnden har ett överskott på 500 tkr.",
            [("deviation_sek", 500_000.0, "Nämnden", "500", "tkr")],
        ),
    ],
)
def test_reads_a_result_against_budget_in_sek_favourable_positive(sentence, expected):
    assert money(sentence) == expected


def test_tells_the_periods_result_from_the_forecast_in_one_sentence_and_keeps_the_subject():
    sentence = (
        "Grönyteskötseln redovisade ett överskott på 0,3 mnkr för perioden och "
        "prognostiserar ett underskott på 0,5 mnkr för helåret."
    )
    assert money(sentence) == [
        ("deviation_sek", 300_000.0, "Grönyteskötseln", "0,3", "mnkr"),
        ("deviation_forecast_sek", -500_000.0, "Grönyteskötseln", "0,5", "mnkr"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Prognosen visar ett underskott på cirka 20 miljoner.",
        "Överskottet är 2 mnkr högre än i fjol.",
        "Resultatet för perioden är positivt 2,2 mnkr.",
        "Nämnden redovisar en budget i balans.",
        "Underskottet ökade med 12 procent.",
    ],
)
def test_reads_no_result_from_an_approximate_a_changed_or_a_unitless_figure(sentence):
    assert find_prose_facts(lines(sentence)) == []


LINKOPING_FORECASTS = (
    "Den ekonomiska helårsbedömningen för kommunstyrelsen uppdelat på förvaltning är att "
    "Kommunledningsförvaltningen redovisar ett överskott med 12,8 mnkr och Verksamhetsstöd och "
    "service redovisar ett överskott med 8,2 mnkr."
)


def test_reads_each_units_forecast_from_a_list_in_one_sentence_of_a_real_report():
    assert money(LINKOPING_FORECASTS) == [
        ("deviation_forecast_sek", 12_800_000.0, "Kommunledningsförvaltningen", "12,8", "mnkr"),
        ("deviation_forecast_sek", 8_200_000.0, "Verksamhetsstöd och service", "8,2", "mnkr"),
    ]


SIMRISHAMN_RESULTS = (
    "Ekonomi Kultur- och fritidsnämnden redovisar ett överskott mot budget med 1,07 mnkr för året. "
    "Sammantaget redovisar verksamheten för idrotts- och fritidsanläggningar ett underskott mot "
    "budget på 0,37 mnkr. I samband med andra tertialrapporten prognostiserades ett underskott på "
    "0,2 mnkr."
)


def test_reads_the_committees_result_and_a_units_and_not_an_earlier_forecast():
    scan = scan_prose(lines(SIMRISHAMN_RESULTS, page=13))
    assert [(fact.fact, fact.value, fact.population) for fact in scan.facts] == [
        ("deviation_sek", 1_070_000.0, "Kultur- och fritidsnämnden"),
        ("deviation_sek", -370_000.0, "verksamheten för idrotts- och fritidsanläggningar"),
    ]
    assert scan.warnings == [
        "page 13: result_against_budget skipped, placed in another report or period "
        "('prognostiserades'): "
        "'I samband med andra tertialrapporten prognostiserades ett underskott på 0,2 mnkr.'"
    ]


@pytest.mark.parametrize(
    ("sentence", "problem"),
    [
        (
            "Detta ger ett överskott på 4 785 tkr.",
            "result of what an earlier sentence names",
        ),
        ("Avvikelsen mot budget är 1,5 mnkr.", "deviation 1,5 has no word for its direction"),
        ("Avvikelsen mot budget är -1,5 mnkr.", "deviation -1,5 has no word for its direction"),
        ("Budgetavvikelsen uppgick till +316 Mkr.", "deviation +316 has no word for its direction"),
        (
            "Prognosen för helåret är att det blir en avvikelse om -1 miljoner, av beviljad "
            "budgetram.",
            "deviation -1 has no word for its direction",
        ),
        ("Nämnden visar ett överskott på -1,5 mnkr.", "överskott printed negative (-1,5)"),
    ],
)
def test_warns_instead_of_guessing_the_direction_or_the_owner_of_a_result(sentence, problem):
    scan = scan_prose(lines(sentence))
    assert scan.facts == []
    assert scan.warnings == [f"page 1: result_against_budget skipped, {problem}: {sentence!r}"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Antalet årsarbetare var 1 152.", [("annual_work_units", 1152.0, None)]),
        ("Antalet årsarbetare var 1 152 vid årets slut.", [("annual_work_units", 1152.0, None)]),
        ("Antalet årsarbetare var 1 152 (1 140).", [("annual_work_units", 1152.0, None)]),
        ("Antalet årsarbeten uppgick till 36,4.", [("annual_work_units", 36.4, None)]),
        (
            "Vid årets slut fanns 98 tillsvidareanställda, varav 66 kvinnor och 32 män.",
            [
                ("employees", 98.0, None),
                ("employees_women", 66.0, None),
                ("employees_men", 32.0, None),
            ],
        ),
        (
            "Vid periodens slut hade förvaltningen 2 520 tillsvidareanställda, varav 1 815"
            " kvinnor och 705 män.",
            [
                ("employees", 2520.0, "förvaltningen"),
                ("employees_women", 1815.0, "förvaltningen"),
                ("employees_men", 705.0, "förvaltningen"),
            ],
        ),
        (
            "Förvaltningen har totalt 391 medarbetare, 340 kvinnor och 51 män.",
            [
                ("employees", 391.0, "Förvaltningen"),
                ("employees_women", 340.0, "Förvaltningen"),
                ("employees_men", 51.0, "Förvaltningen"),
            ],
        ),
        ("Förvaltningen består av totalt 30 medarbetare.", [("employees", 30.0, None)]),
        ("Totalt 30 medarbetare arbetar inom enheten.", [("employees", 30.0, "enheten")]),
        ("Totalt 30 medarbetare har slutat.", []),
    ],
)
def test_reads_headcounts_and_annual_work_units_in_more_wordings(sentence, expected):
    facts = find_prose_facts(lines(sentence))
    assert [(fact.fact, fact.value, fact.population) for fact in facts] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nämndens nettokostnad för 2025 budgeteras till 289,6 mnkr.", [-289_600_000.0]),
        ("Nettokostnaden budgeteras till 3 200 tkr.", [-3_200_000.0]),
        ("Hemtjänstens nettokostnad budgeteras till 5 mnkr.", []),
    ],
)
def test_reads_the_committees_budgeted_net_cost_as_money_out(sentence, expected):
    facts = find_prose_facts(lines(sentence))
    assert [f.value for f in facts if f.fact == "net_cost_budget_sek"] == expected


def test_a_word_broken_at_a_line_end_reads_whole_and_a_pair_keeps_its_hyphen():
    facts = find_prose_facts(
        lines("Antalet års-", "arbetare var 13,4. Barn- och", "fritid har 9 anställda.")
    )
    assert [(fact.fact, fact.value) for fact in facts] == [
        ("annual_work_units", 13.4),
        ("employees", 9.0),
    ]
    assert facts[1].sentence == "Barn- och fritid har 9 anställda."


def test_work_units_of_a_sentence_pointing_back_are_those_of_the_headcount_before_it():
    scan = scan_prose(
        lines(
            "Inom hemtjänsten finns 120 anställda. Det motsvarar 110,5 årsarbetare.",
            "Sjukfrånvaron ökade under våren. Det motsvarar 12 årsarbetare.",
        )
    )
    assert [(fact.fact, fact.value, fact.population) for fact in scan.facts] == [
        ("employees", 120.0, "hemtjänsten"),
        ("annual_work_units", 110.5, "hemtjänsten"),
    ]
    assert scan.warnings == [
        "page 1: annual_work_units of what an earlier sentence names, with no headcount"
        " before it: 'Det motsvarar 12 årsarbetare.'"
    ]


def test_work_units_recalculated_to_full_time_are_those_of_the_headcount_before_them():
    scan = scan_prose(
        lines(
            "Vid årsskiftet var antalet tillsvidareanställda i förvaltningen 1 245, av dem"
            " 1 000 kvinnor och 245 män. Omräknat till heltidstjänster motsvarar det 1 101,5"
            " årsarbetare.",
            "Arbetet har fortsatt. Omräknat till heltidstjänster motsvarar det 12 årsarbetare.",
        )
    )
    assert [(fact.fact, fact.value, fact.population) for fact in scan.facts] == [
        ("employees", 1245.0, "förvaltningen"),
        ("employees_women", 1000.0, "förvaltningen"),
        ("employees_men", 245.0, "förvaltningen"),
        ("annual_work_units", 1101.5, "förvaltningen"),
    ]
    assert scan.warnings == [
        "page 1: annual_work_units of what an earlier sentence names, with no headcount before"
        " it: 'Omräknat till heltidstjänster motsvarar det 12 årsarbetare.'"
    ]


@pytest.mark.parametrize(
    ("sentence", "population"),
    [
        (
            "Den totala sjukfrånvaron bland förvaltningens anställda var 5,9 %, att jämföra med"
            " 6,9 % året innan.",
            "förvaltningens anställda",
        ),
        (
            "Sjukfrånvaron var 5,9 procent, en minskning med 1,0 procentenheter från föregående"
            " års 6,9 procent.",
            None,
        ),
        (
            "Personalen var i genomsnitt sjuk 5,9 procent av sin arbetstid, mot 6,9 procent"
            " föregående år.",
            None,
        ),
    ],
)
def test_reads_sick_leave_and_the_prior_year_in_the_forms_real_reports_print(sentence, population):
    facts = find_prose_facts(lines(sentence))
    assert [(fact.fact, fact.value, fact.population) for fact in facts] == [
        ("sick_leave_pct", 5.9, population),
        ("sick_leave_pct_prior_year", 6.9, population),
    ]


def test_a_share_of_working_time_compared_with_an_unnamed_time_keeps_only_the_rate():
    sentence = "Personalen var sjuk 5,9 procent av sin arbetstid, mot 6,9 procent i mars."
    scan = scan_prose(lines(sentence))
    assert [(fact.fact, fact.value) for fact in scan.facts] == [("sick_leave_pct", 5.9)]


def test_does_not_read_a_headcount_twice_when_a_narrow_pattern_read_it_with_its_population():
    assert [(fact.fact, fact.population) for fact in find_prose_facts(lines(KLK))] == [
        ("employees", "KLK"),
        ("employees_women", "KLK"),
        ("employees_men", "KLK"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sjukfrånvaron var 1,5 % jämfört med 2,8 % samma period föregående år.",
        "Sjukfrånvaron var 1,5 % jämfört med föregående års 2,8 %.",
        "Den totala sjukfrånvaron var 1,5 % (2,8 % föregående år).",
        "Sjukfrånvaron har minskat från 2,8 procent till 1,5 procent jämfört med föregående år.",
    ],
)
def test_reads_a_compared_rate_as_the_prior_year_only_where_the_sentence_says_so(sentence):
    facts = find_prose_facts(lines(sentence))
    assert [(fact.fact, fact.value, fact.as_printed) for fact in facts] == [
        ("sick_leave_pct", 1.5, "1,5"),
        ("sick_leave_pct_prior_year", 2.8, "2,8"),
    ]


def test_never_takes_a_compared_rate_for_the_current_one_or_a_prior_one_unsaid():
    sentence = "Sjukfrånvaron var 1,5 % jämfört med 2,8 % i regionen."
    scan = scan_prose(lines(sentence))
    assert [(fact.fact, fact.value) for fact in scan.facts] == [("sick_leave_pct", 1.5)]
    assert scan.warnings == [
        "page 1: sick_leave_rate read, compared rate 2,8 % left unread, not said to be a "
        f"prior period: {sentence!r}"
    ]


def test_reads_the_rate_a_change_ends_at_and_leaves_its_start_unread_unless_dated():
    sentence = "Sjukfrånvaron har ökat från 4,1 procent till 4,6 procent."
    scan = scan_prose(lines(sentence))
    assert [(fact.fact, fact.value) for fact in scan.facts] == [("sick_leave_pct", 4.6)]
    assert scan.warnings == [
        "page 1: sick_leave_rate_changed read, compared rate 4,1 % left unread, not said to be "
        f"a prior period: {sentence!r}"
    ]


ANNUAL_2025 = date(2025, 12, 31)
AUGUST_2025 = date(2025, 8, 31)


@pytest.mark.parametrize(
    ("sentence", "period_end", "placed_in"),
    [
        (
            "Vid delårsbokslutet per april prognostiserade styrelsen ett underskott om 12 mnkr.",
            ANNUAL_2025,
            "prognostiserade",
        ),
        (
            "Enligt uppföljningen per april visar nämnden ett underskott på 3,5 mnkr.",
            AUGUST_2025,
            "per april",
        ),
        ("Vid tertial 1 visade nämnden ett överskott på 2,0 mnkr.", AUGUST_2025, "tertial 1"),
        ("Nämnden redovisade ett överskott på 0,8 mnkr förra året.", ANNUAL_2025, "förra året"),
        ("Nämnden redovisade ett underskott på 1,4 mnkr för 2024.", ANNUAL_2025, "för 2024"),
        (
            "I föregående uppföljning redovisade nämnden ett underskott på 2 mnkr.",
            AUGUST_2025,
            "föregående uppföljning",
        ),
        ("Nämnden visar per augusti ett överskott på 2,0 mnkr.", None, "per augusti"),
    ],
)
def test_withholds_a_result_the_sentence_places_in_another_report_or_period(
    sentence, period_end, placed_in
):
    scan = scan_prose(lines(sentence), period_end)
    assert scan.facts == []
    assert scan.warnings == [
        f"page 1: result_against_budget skipped, placed in another report or period "
        f"({placed_in!r}): {sentence!r}"
    ]


@pytest.mark.parametrize(
    ("sentence", "period_end", "expected"),
    [
        (
            "Nämnden visar per augusti ett överskott på 2,0 mnkr.",
            AUGUST_2025,
            ("deviation_sek", 2_000_000.0),
        ),
        (
            "Vid tertial 2 prognostiserar nämnden ett underskott om 3 mnkr.",
            AUGUST_2025,
            ("deviation_forecast_sek", -3_000_000.0),
        ),
        (
            "Styrelsen redovisar ett överskott mot budget på 4,5 miljoner kronor för 2025.",
            ANNUAL_2025,
            ("deviation_sek", 4_500_000.0),
        ),
        (
            "Nämndens prognostiserade underskott uppgår till 1,2 mnkr.",
            AUGUST_2025,
            ("deviation_forecast_sek", -1_200_000.0),
        ),
    ],
)
def test_keeps_a_result_the_sentence_places_in_the_reports_own_period(
    sentence, period_end, expected
):
    facts = find_prose_facts(lines(sentence), period_end)
    assert [(fact.fact, fact.value) for fact in facts] == [expected]


def test_a_change_in_percentage_points_is_not_a_second_rate():
    sentence = (
        "Sjukfrånvaron uppgick till 6,4 procent under perioden, vilket är 0,2 procentenheter "
        "högre än samma period förra året."
    )
    scan = scan_prose(lines(sentence), AUGUST_2025)
    assert [(fact.fact, fact.value) for fact in scan.facts] == [("sick_leave_pct", 6.4)]
    assert scan.warnings == []


def test_a_compared_rate_dated_the_year_before_the_reports_is_the_prior_years():
    sentence = "Sjukfrånvaron uppgick till 7,1 procent (7,9 procent 2024)."
    facts = find_prose_facts(lines(sentence), ANNUAL_2025)
    assert [(fact.fact, fact.value) for fact in facts] == [
        ("sick_leave_pct", 7.1),
        ("sick_leave_pct_prior_year", 7.9),
    ]


def test_a_compared_rate_dated_another_year_is_left_unread_with_a_note():
    sentence = "Sjukfrånvaron uppgick till 7,1 procent (7,9 procent 2023)."
    scan = scan_prose(lines(sentence), ANNUAL_2025)
    assert [(fact.fact, fact.value) for fact in scan.facts] == [("sick_leave_pct", 7.1)]
    assert scan.warnings == [
        f"page 1: sick_leave_rate read, compared rate 7,9 % left unread, not said to be a prior "
        f"period: {sentence!r}"
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Nämndens driftredovisning visar ett budgetöverskott på 12,5 mkr (2024 3,0 mkr).",
            [("deviation_sek", 12_500_000.0)],
        ),
        ("Styrelsen redovisar ett budgetunderskott om 800 tkr.", [("deviation_sek", -800_000.0)]),
    ],
)
def test_reads_a_result_stated_as_a_budget_surplus_or_deficit(sentence, expected):
    facts = find_prose_facts(lines(sentence), ANNUAL_2025)
    assert [(fact.fact, fact.value) for fact in facts] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Sjukfrånvaron av den ordinarie arbetstiden var under 2025 4,2 procent.",
        "Den totala sjukfrånvaron i procent av ordinarie arbetstid uppgick till 4,2 procent.",
    ],
)
def test_reads_sick_leave_stated_as_a_share_of_working_time(sentence):
    facts = find_prose_facts(lines(sentence), ANNUAL_2025)
    assert [(fact.fact, fact.value) for fact in facts] == [("sick_leave_pct", 4.2)]
