"""What a committee report says: random, internally consistent numbers per seed.

Money is in SEK in the warehouse convention (money in positive, money out
negative); lines sum to their totals, deviations are forecast (or outcome)
minus budget, women plus men is the headcount. How it is printed is decided
later (`wordings`, `printed`).
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

from bench.generate.real_wording import real_texts

KOMMUNER = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds" / "kommuner.csv"
REPORT_KINDS = ("interim", "interim", "annual", "budget")
INTERIM_MONTHS = (3, 4, 6, 8, 8, 10)

# Committee -> (activities of an activity-style operating table, investment projects).
COMMITTEES = {
    "Barn- och utbildningsnämnden": (
        (
            "Förskola",
            "Grundskola",
            "Fritidshem",
            "Gymnasieskola",
            "Vuxenutbildning",
            "Nämnd och förvaltningsledning",
            "Elevhälsa",
        ),
        (
            "Ny förskola",
            "Skolgård",
            "Inventarier skolor",
            "Digitala verktyg",
            "Ombyggnad kök",
            "Ventilation",
            "Lekplatser förskolor",
            "Idrottshall",
        ),
    ),
    "Socialnämnden": (
        (
            "Individ- och familjeomsorg",
            "Försörjningsstöd",
            "Missbruksvård",
            "Barn och unga",
            "Funktionsstöd",
            "Nämnd och administration",
        ),
        ("Inventarier boenden", "Gruppbostad", "Verksamhetssystem", "Larm och trygghet"),
    ),
    "Vård- och omsorgsnämnden": (
        (
            "Hemtjänst",
            "Särskilt boende",
            "Hemsjukvård",
            "Dagverksamhet",
            "Korttidsboende",
            "Ledning och administration",
        ),
        ("Välfärdsteknik", "Nytt äldreboende", "Inventarier", "Ombyggnad entré"),
    ),
    "Kommunstyrelsen": (
        (
            "Kommunledning",
            "Ekonomi",
            "HR",
            "IT",
            "Kommunikation",
            "Näringsliv",
            "Kansli och nämndservice",
        ),
        (
            "IT-infrastruktur",
            "Bredband",
            "Kontorsmöbler",
            "E-arkiv",
            "Säkerhetsskydd",
            "Stadshuset fasad",
        ),
    ),
    "Tekniska nämnden": (
        ("Gator och vägar", "Parker", "Fastighetsförvaltning", "Kost", "Städ", "Vinterväghållning"),
        (
            "Gång- och cykelväg",
            "Beläggning",
            "Gatubelysning LED",
            "Reinvestering fastigheter",
            "Trafiksäkerhet",
            "Broar",
            "Dagvatten",
            "Hamnen kaj",
            "Fordon",
        ),
    ),
    "Kultur- och fritidsnämnden": (
        (
            "Bibliotek",
            "Fritidsgårdar",
            "Idrott och anläggningar",
            "Kulturskola",
            "Föreningsbidrag",
            "Allmänkultur",
        ),
        ("Konstgräsplan", "Simhall", "Bibliotek inventarier", "Spontanidrottsplats", "Elljusspår"),
    ),
    "Miljö- och byggnadsnämnden": (
        ("Bygglov", "Miljö och hälsoskydd", "Livsmedelskontroll", "Planering", "Kart och mät"),
        ("Verksamhetssystem", "Mätinstrument", "Digital arkivering"),
    ),
    "Samhällsbyggnadsnämnden": (
        ("Planering", "Exploatering", "Gata och park", "Bostadsanpassning", "Räddningstjänst"),
        (
            "Exploatering industriområde",
            "Ny huvudgata",
            "Torget",
            "Parkeringshus",
            "Vattentorn",
            "Reningsverk",
            "Cirkulationsplats",
        ),
    ),
}
PROJECT_SITES = ("norra", "södra", "centrum", "hamnen", "skolan", "etapp 2", "fas 1", "2025–2026")


@dataclass(frozen=True)
class Line:
    """One line of a money table: its kind, an index into the kind's synonyms, SEK by measure."""

    kind: str  # revenue | cost | net | revenue_total | cost_total | net_total | grant | result
    name: str  # a stable name of what the line is (the label comes from `wordings`)
    values: dict[str, int]
    is_total: bool = False


@dataclass(frozen=True)
class Staff:
    """Headcount, women, men and annual work units at one date."""

    year: int
    employees: int
    women: int
    men: int
    work_units: float


@dataclass(frozen=True)
class SickLeave:
    """Sick leave in percent: total, women, men, for one period."""

    year: int
    total: float
    women: float
    men: float


@dataclass
class Report:
    """The content of one committee report."""

    seed: int
    municipality: str
    committee: str
    kind: str  # interim | annual | budget
    year: int
    month: int  # the last month the report covers (12 for annual, budget)
    operating_style: str  # by_kind | by_activity
    measures: list[str]  # operating and investment measures, in print order
    operating: list[Line] = field(default_factory=list)
    investments: list[Line] = field(default_factory=list)
    staff: list[Staff] = field(default_factory=list)
    sick_leave: list[SickLeave] = field(default_factory=list)
    sick_target: float | None = None


def municipalities(path: Path = KOMMUNER) -> list[str]:
    """Given the municipality seed, return every municipality name."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [row["municipality_name"] for row in csv.DictReader(handle)]


def committee_names(committee: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Given a committee, return its activities and investment projects, real ones included."""
    activities, projects = COMMITTEES[committee]
    real_activities = real_texts("activity", committee)
    real_projects = real_texts("project", committee)
    return (
        activities + tuple(name for name in real_activities if name not in activities),
        projects + tuple(name for name in real_projects if name not in projects),
    )


def pick_measures(rng: random.Random, kind: str) -> list[str]:
    """Given a report kind, return the money measures its tables print, in order."""
    if kind == "annual":
        measures = ["outcome", "budget", "deviation"]
        if rng.random() < 0.6:
            measures.insert(0, "outcome_prior_year")
        return measures
    if kind == "budget":
        measures = ["budget", "plan_1", "plan_2"]
        if rng.random() < 0.6:
            measures.insert(0, "budget_prior_year")
        return measures
    measures = ["budget", "outcome_ytd", "forecast", "deviation_forecast"]
    if rng.random() < 0.35:
        measures = [
            "outcome_ytd",
            "budget_ytd",
            "deviation_ytd",
            "budget",
            "forecast",
            "deviation_forecast",
        ]
    elif rng.random() < 0.4:
        measures.insert(0, "outcome_ytd_prior_year")
    return measures


def _round(value: float, step: int) -> int:
    """Given a value and a step in SEK, return the value rounded to the step."""
    return int(round(value / step) * step)


def line_values(rng: random.Random, base: int, measures: list[str], month: int) -> dict[str, int]:
    """Given an annual base amount (signed SEK), return consistent values for every measure."""
    step = 1000
    budget = _round(base, step)
    values = {"budget": budget}
    drift = rng.choice((0.0, 0.0, rng.uniform(-0.12, 0.12)))
    values["forecast"] = _round(budget * (1 + drift), step)
    values["outcome"] = _round(budget * (1 + rng.uniform(-0.1, 0.1)), step)
    share = month / 12
    values["budget_ytd"] = _round(budget * share, step)
    values["outcome_ytd"] = _round(budget * share * (1 + rng.uniform(-0.15, 0.15)), step)
    values["outcome_ytd_prior_year"] = _round(values["outcome_ytd"] * rng.uniform(0.85, 1.05), step)
    values["outcome_prior_year"] = _round(budget * rng.uniform(0.85, 1.05), step)
    values["budget_prior_year"] = _round(budget * rng.uniform(0.9, 1.0), step)
    values["plan_1"] = _round(budget * rng.uniform(1.0, 1.06), step)
    values["plan_2"] = _round(values["plan_1"] * rng.uniform(1.0, 1.05), step)
    values["deviation_forecast"] = values["forecast"] - budget
    values["deviation_ytd"] = values["outcome_ytd"] - values["budget_ytd"]
    values["deviation"] = values["outcome"] - budget
    return {measure: values[measure] for measure in measures}


def sum_lines(kind: str, name: str, lines: list[Line], measures: list[str]) -> Line:
    """Given lines, return their total line (the sum of every measure)."""
    values = {measure: sum(line.values[measure] for line in lines) for measure in measures}
    return Line(kind, name, values, is_total=True)
