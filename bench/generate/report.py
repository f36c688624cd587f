"""Given a seed, return the printed document of one report: title block, prose and tables."""

from __future__ import annotations

import random

from bench.generate.compose import compose
from bench.generate.content import Report
from bench.generate.document import Heading, Paragraph, PrintedDoc, number_text
from bench.generate.people import sick_prose, sick_table, staff_prose, staff_table
from bench.generate.printed import money_table
from bench.generate.wordings import Style, choose_style, fill, options, pick

TITLES = {
    "interim": (
        "Delårsrapport januari–{month} {Y}",
        "Delårsbokslut per {Y}-{mm}-{dd}",
        "Uppföljning per {Y}-{mm}-{dd}",
        "Månadsrapport {month} {Y}",
        "Ekonomisk uppföljning januari–{month} {Y}",
    ),
    "annual": (
        "Årsrapport för {Y}",
        "Verksamhetsberättelse {Y}",
        "Årsbokslut {Y}",
        "Årsredovisning {Y}",
    ),
    "budget": (
        "Budget {Y} med plan {N1}–{N2}",
        "Mål och budget {Y}",
        "Detaljbudget {Y}",
        "Budgetskrivelse {Y}",
    ),
}
TERTIALS = {4: "Tertialrapport 1 {Y}", 8: "Tertialrapport 2 {Y}"}
FILLER = (
    "Verksamheten har under perioden bedrivits i enlighet med nämndens verksamhetsplan.",
    "Efterfrågan på nämndens tjänster har ökat jämfört med föregående år.",
    "Rekryteringsläget är fortsatt ansträngt inom flera yrkesgrupper.",
    "Arbetet med digitalisering av administrativa processer har fortsatt.",
    "Kostnadsutvecklingen följs upp månadsvis tillsammans med verksamhetens chefer.",
    "Nämnden har genomfört samtliga planerade aktiviteter inom målområdet.",
    "Prisökningar på livsmedel och energi påverkar resultatet negativt.",
    "Under hösten planeras en översyn av lokalbehovet.",
    "Samverkan med civilsamhället har utvecklats under året.",
    "Intäkterna från statsbidrag blev högre än beräknat.",
)
RESULT_SENTENCES = {
    "interim": ("Nämnden prognostiserar ett {sign} på {x} mnkr för helåret.",),
    "annual": ("Nämnden redovisar ett {sign} mot budget på {x} miljoner kronor.",),
    "budget": ("Nämndens nettokostnad för {Y} budgeteras till {x} mnkr.",),
}


def title_lines(rng: random.Random, style: Style, report: Report) -> list[str]:
    """Given a report, return its title block: municipality, committee, title, date."""
    house = TITLES[report.kind]
    if report.month in TERTIALS:
        house = (*house, TERTIALS[report.month])
    titles = options(style, house, "title", report.kind, report.kind)
    title = fill(pick(rng, style, "title", titles), report.year, report.month)
    issued = (
        f"{report.year + (report.month == 12)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    )
    if report.kind == "budget":
        issued = f"{report.year - 1}-{rng.randint(4, 11):02d}-{rng.randint(1, 28):02d}"
    lines = [f"{report.municipality} kommun", report.committee, title]
    return [*lines, f"Dnr {rng.randint(2019, 2026)}/{rng.randint(10, 999)} · {issued}"]


def result_paragraph(rng: random.Random, style: Style, report: Report) -> Paragraph:
    """Given a report, return prose on its result (stated in mnkr; not a gold fact)."""
    net = next(line for line in report.operating if line.kind == "net_total")
    key = "budget" if report.kind == "budget" else "deviation"
    sentences = options(style, RESULT_SENTENCES[report.kind], "prose_result", key, report.kind)
    template = pick(rng, style, "result_sentence", sentences)
    if report.kind == "budget":
        amount = -net.values["budget"]
    else:
        amount = net.values["deviation_forecast" if report.kind == "interim" else "deviation"]
    words = {
        "sign": "överskott" if amount >= 0 else "underskott",
        "dir": "positiv" if amount >= 0 else "negativ",
        "x": number_text(abs(amount) / 1e6, 1, " ", "-", False),
        "signed": number_text(amount / 1e6, 1, " ", "\u2013", False),
        "Y": report.year,
    }
    return Paragraph(template.format(**words))


def filler(rng: random.Random, count: int) -> Paragraph:
    """Given a count, return a paragraph of that many sentences of ordinary report prose."""
    return Paragraph(" ".join(rng.sample(FILLER, count)))


def printed_report(seed: int) -> PrintedDoc:
    """Given a seed, return the printed report (the same for the same seed)."""
    report = compose(seed)
    rng = random.Random(seed * 7919 + 1)
    style = choose_style(rng, report.measures)
    name = f"gen_{seed:05d}"
    doc = PrintedDoc(name, title_lines(rng, style, report))
    doc.blocks += [Heading("Sammanfattning"), filler(rng, 3), result_paragraph(rng, style, report)]
    doc.blocks += [Heading(pick(rng, style, "h_economy", ("Ekonomi", "Ekonomiskt resultat")))]
    doc.blocks += [
        filler(rng, 2),
        money_table(rng, style, report, report.operating, "fct_operating_budget"),
    ]
    if report.investments:
        doc.blocks += [Heading("Investeringar"), filler(rng, 1)]
        doc.blocks.append(
            money_table(rng, style, report, report.investments, "fct_investment_budget")
        )
    if report.staff:
        doc.blocks += [
            Heading(pick(rng, style, "h_staff", ("Personal", "Medarbetare"))),
            filler(rng, 1),
        ]
        doc.blocks.append(
            staff_table(rng, style, report)
            if style.staff_in_table
            else staff_prose(rng, style, report)
        )
        doc.blocks.append(
            sick_table(rng, style, report)
            if style.sick_in_table
            else sick_prose(rng, style, report)
        )
    return doc
