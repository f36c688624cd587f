"""How a report says it: header and line synonyms, units, signs and deviation orientation.

The wording follows the standard terms of Swedish municipal accounting (RKR
and SKR layouts) and the variants committees print, plus what real reports
print (`real_wording`, bench/wording/real_wording.csv); one `Style` per seed.
`{Y}` is the report's year, `{P}` the previous year, `{mon}`/`{month}`/`{MONTH}`
the last month covered (short / long / capitals), `{mm}`/`{dd}` its end date.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.generate.document import PARENTHESES
from bench.generate.real_wording import real_keys, real_texts

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
SHORT_MONTHS = (
    "jan",
    "feb",
    "mars",
    "apr",
    "maj",
    "juni",
    "juli",
    "aug",
    "sep",
    "okt",
    "nov",
    "dec",
)
MONTH_END = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

HEADERS = {
    "outcome_ytd": (
        "Utfall jan–{mon} {Y}",
        "Utfall {Y}-{mm}-{dd}",
        "Ack. utfall {Y}",
        "Utfall t.o.m. {mon}",
        "Utfall per {dd} {month}",
        "Utfall jan-{mon}",
        "Periodens utfall",
    ),
    "budget_ytd": (
        "Budget jan–{mon}",
        "Periodbudget",
        "Budget t.o.m. {mon}",
        "Periodiserad budget",
        "Ack. budget",
    ),
    "deviation_ytd": (
        "Avvikelse period",
        "Avvikelse jan–{mon}",
        "Periodens avvikelse",
        "Avv. period",
    ),
    "budget": ("Budget {Y}", "Årsbudget", "Budget helår", "Helårsbudget", "Årsbudget {Y}"),
    "forecast": (
        "Prognos",
        "Helårsprognos",
        "Prognos helår",
        "Prognos {Y}",
        "Årsprognos",
        "Prognos {mon}",
    ),
    "deviation_forecast": (
        "Avvikelse",
        "Avv. mot budget",
        "Budgetavvikelse",
        "Prognosavvikelse",
        "Avvikelse mot budget",
        "Avvikelse prognos/budget",
    ),
    "outcome_ytd_prior_year": (
        "Utfall jan–{mon} {P}",
        "Utfall {P}-{mm}-{dd}",
        "Ack. utfall fg år",
        "Utfall motsv. period {P}",
    ),
    "outcome_prior_year": (
        "Utfall {P}",
        "Bokslut {P}",
        "Utfall fg år",
        "Bokslut fg år",
        "Redovisat {P}",
    ),
    "outcome": ("Utfall {Y}", "Bokslut {Y}", "Redovisat {Y}", "Utfall helår"),
    "deviation": (
        "Avvikelse",
        "Budgetavvikelse",
        "Avvikelse mot budget",
        "Avv. budget",
        "Budgetavvikelse {Y}",
        "Resultat mot budget",
    ),
    "budget_prior_year": ("Budget {P}", "Budget fg år"),
    "plan_1": ("Plan {N1}",),
    "plan_2": ("Plan {N2}",),
}
BUDGET_REPORT_HEADERS = ("Budget {Y}", "Förslag budget {Y}", "Budget {Y}")
# Two-level headers: a group label over the period columns and one over the full-year columns.
PERIOD_GROUPS = ("Period jan–{mon}", "Januari–{month}", "Ackumulerat t.o.m. {mon}", "Perioden")
YEAR_GROUPS = ("Helår", "Helår {Y}", "Helårsprognos {Y}")
SUBHEADERS = {
    "outcome_ytd": "Utfall",
    "budget_ytd": "Budget",
    "deviation_ytd": "Avvikelse",
    "budget": "Budget",
    "forecast": "Prognos",
    "deviation_forecast": "Avvikelse",
}

LINES = {
    "fees": ("Avgifter och ersättningar", "Taxor och avgifter", "Avgifter"),
    "grants_received": ("Bidrag", "Statsbidrag", "Erhållna bidrag", "Bidrag och ersättningar"),
    "sales": ("Försäljning av verksamhet", "Försäljning av tjänster", "Försäljningsintäkter"),
    "rents": ("Hyror och arrenden", "Hyresintäkter"),
    "other_revenue": ("Övriga intäkter", "Övriga verksamhetsintäkter"),
    "staff": ("Personalkostnader", "Löner och sociala avgifter", "Personal"),
    "premises": ("Lokalkostnader", "Lokaler", "Lokal- och fastighetskostnader"),
    "purchased": ("Köp av verksamhet", "Köpta tjänster", "Entreprenader och köp av verksamhet"),
    "materials": ("Material och tjänster", "Förbrukningsmaterial", "Material, varor och tjänster"),
    "capital": ("Kapitalkostnader", "Avskrivningar och internränta", "Avskrivningar"),
    "grants_paid": (
        "Lämnade bidrag",
        "Bidrag till föreningar",
        "Bidrag till föreningar och studieförbund",
    ),
    "other_costs": ("Övriga kostnader", "Övriga verksamhetskostnader"),
    "revenue_total": (
        "Summa intäkter",
        "Verksamhetens intäkter",
        "Intäkter totalt",
        "Summa verksamhetens intäkter",
    ),
    "cost_total": ("Summa kostnader", "Verksamhetens kostnader", "Kostnader totalt"),
    "net_total": (
        "Nettokostnad",
        "Verksamhetens nettokostnader",
        "Nettokostnader",
        "Summa nettokostnader",
        "Verksamhetens nettokostnad",
        "Summa",
    ),
    "grant": ("Kommunbidrag", "Kommunersättning", "Budgetram", "Kommunbidrag/ram"),
    "result": ("Resultat", "Årets resultat", "Resultat efter kommunbidrag", "Nettoresultat"),
    "investment_total": ("Summa investeringar", "Nettoinvesteringar", "Totalt", "Summa"),
}
ACTIVITY_TOTALS = ("Summa", "Totalt", "Nämnden totalt", "Summa nettokostnad", "Netto")
# Printed unit word -> gold unit.
UNITS = {
    "tkr": "tkr",
    "Tkr": "tkr",
    "tusen kronor": "tkr",
    "tusental kronor": "tkr",
    "kkr": "tkr",
    "mnkr": "mnkr",
    "Mkr": "mnkr",
    "miljoner kronor": "mnkr",
    "mkr": "mnkr",
    **real_keys("unit_word"),
}
OPERATING_CAPTIONS = (
    "Driftredovisning",
    "Ekonomiskt utfall",
    "Resultaträkning",
    "Driftbudget",
    "Ekonomisk sammanställning",
    "Driftredovisning per verksamhet",
)
INVESTMENT_CAPTIONS = (
    "Investeringsredovisning",
    "Investeringar",
    "Investeringsprojekt",
    "Investeringsbudget",
    "Uppföljning investeringar",
)
STAFF_CAPTIONS = ("Personal", "Antal anställda", "Personalredovisning", "Medarbetare")
SICK_CAPTIONS = (
    "Sjukfrånvaro",
    "Sjukfrånvaro i procent av ordinarie arbetstid",
    "Sjuktal",
    "Sjukfrånvaro, procent",
)
STAFF_ROWS = {
    "employees": (
        "Antal tillsvidareanställda",
        "Anställda",
        "Antal anställda",
        "Tillsvidareanställda",
    ),
    "employees_women": ("varav kvinnor", "Kvinnor", "- varav kvinnor"),
    "employees_men": ("varav män", "Män", "- varav män"),
    "annual_work_units": ("Årsarbetare", "Antal årsarbetare", "Antal årsarbetare totalt"),
}
SICK_ROWS = {
    "total": ("Totalt", "Samtliga", "Sjukfrånvaro totalt", "Total sjukfrånvaro"),
    "women": ("Kvinnor",),
    "men": ("Män",),
}


@dataclass
class Style:
    """Every wording and convention choice of one report."""

    unit_word: str
    unit_place: str  # caption | label_header | note | headers
    decimals: int
    thousands: str
    minus: str  # a minus sign, or PARENTHESES around a negative number
    zero_dash: bool
    sign: str  # warehouse | costs_positive | revenue_negative
    deviation: str  # favourable | printed_minus_budget | budget_minus_printed
    deviation_note: bool
    investment_positive: bool  # expenditure printed positive
    investment_budget_minus: bool  # investment deviation printed as budget minus outcome
    two_level: bool
    staff_in_table: bool
    sick_in_table: bool
    pct_decimals: int
    pct_sign: bool  # print "%" after every percent cell
    real_first: bool  # draw only real wording where the wording file has some that fits
    choices: dict[str, int] = field(default_factory=dict)  # synonym index by key

    @property
    def unit(self) -> str:
        """Given the printed unit word, return the gold unit (tkr or mnkr)."""
        return UNITS[self.unit_word]


def pick(rng: random.Random, style: Style, key: str, options: tuple[str, ...]) -> str:
    """Given a key and its synonyms, return the one this report uses (the same every time)."""
    if key not in style.choices:
        style.choices[key] = rng.randrange(len(options))
    return options[style.choices[key] % len(options)]


def options(
    style: Style,
    house: tuple[str, ...],
    kind: str,
    key: str,
    report_kind: str | None = None,
    orientation: str | None = None,
) -> tuple[str, ...]:
    """Given the generator's own options for a wording, return those this report draws from.

    Real wording that fits (report kind, stated deviation orientation) comes
    alone when the style puts it first, else after the generator's own.
    """
    real = real_texts(kind, key, report_kind, orientation)
    if style.real_first and real:
        return real
    return house + tuple(text for text in real if text not in house)


def choose_style(rng: random.Random, measures: list[str]) -> Style:
    """Given the measures a report prints, return its wording and conventions."""
    unit_word = rng.choice(tuple(UNITS))
    return Style(
        unit_word=unit_word,
        unit_place=rng.choice(("caption", "caption", "label_header", "note", "headers")),
        decimals=0 if UNITS[unit_word] == "tkr" else rng.choice((1, 1, 2)),
        thousands=rng.choice((" ", " ", "\u00a0", "\u202f", "")),
        minus=rng.choice(("-", "-", "\u2212", "\u2013", "-", "\u2212", "\u2013", PARENTHESES)),
        zero_dash=rng.random() < 0.15,
        sign=rng.choice(("warehouse", "warehouse", "costs_positive", "revenue_negative")),
        deviation=rng.choice(
            ("favourable", "favourable", "printed_minus_budget", "budget_minus_printed")
        ),
        deviation_note=rng.random() < 0.5,
        investment_positive=rng.random() < 0.75,
        investment_budget_minus=rng.random() < 0.7,
        two_level="budget_ytd" in measures and rng.random() < 0.7,
        staff_in_table=rng.random() < 0.6,
        sick_in_table=rng.random() < 0.6,
        pct_decimals=rng.choice((1, 1, 2)),
        pct_sign=rng.random() < 0.4,
        real_first=rng.random() < 0.5,
    )


def fill(template: str, year: int, month: int) -> str:
    """Given a header template, return it with the report's year and period filled in."""
    return template.format(
        Y=year,
        P=year - 1,
        N1=year + 1,
        N2=year + 2,
        mon=SHORT_MONTHS[month - 1],
        month=MONTHS[month - 1],
        MONTH=MONTHS[month - 1].upper(),
        mm=f"{month:02d}",
        dd=MONTH_END[month - 1],
    )
