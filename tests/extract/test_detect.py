"""Metadata detection on the seed exports, a real PDF's pages and small cut-outs."""

from datetime import date
from pathlib import Path

import pytest

from extract.detect import DetectedMetadata, DetectionWarning, detect_metadata
from extract.model import TextBlock

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "detect"


def seed_blocks(name: str) -> list[TextBlock]:
    """Given a seed export's file name, return one page-1 block per non-empty line."""
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [TextBlock(1, line) for line in lines if line.strip()]


def tsv_blocks(name: str) -> list[TextBlock]:
    """Given a `page<TAB>line` fixture, return its blocks."""
    rows = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [TextBlock(int(page), text) for page, text in (row.split("\t", 1) for row in rows)]


def lines(*texts: str, page: int = 1) -> list[TextBlock]:
    """Given lines of text, return them as blocks on one page."""
    return [TextBlock(page, text) for text in texts]


def summary(metadata: DetectedMetadata) -> tuple:
    """Given detected metadata, return the fields other than title and warnings."""
    return (
        metadata.municipality_code,
        metadata.municipality_name,
        metadata.committee_name,
        metadata.report_kind,
        metadata.period_kind,
        metadata.period_start,
        metadata.period_end,
        metadata.fiscal_year,
    )


SEEDS = [
    (
        "000_2fa4f77e9635ad75.txt",
        ("0834", "Torsås", "Kommunstyrelsen", "delårsbokslut", "interim")
        + (date(2021, 1, 1), date(2021, 8, 31), 2021),
        "Delårsbokslut med måluppfyllelse 2021-08-31",
    ),
    (
        "001_84cd8bd0666b2bbe.txt",
        ("1882", "Askersund", "Kommunstyrelsen", "delårsbokslut", "interim")
        + (date(2024, 1, 1), date(2024, 8, 31), 2024),
        "Delårsbokslut 2024-01-01 - 2024-08-31 Kommunstyrelsen",
    ),
    (
        "002_c1054ddd542bd9a7.txt",
        ("0484", "Eskilstuna", "Kommunstyrelsen", "delårsrapport", "interim")
        + (date(2022, 1, 1), date(2022, 3, 31), 2022),
        "Kommunstyrelsens delårsrapport 1, 2022",
    ),
    (
        "003_29ca0d4d1c8890ca.txt",
        ("0136", "Haninge", "Kommunstyrelsen", "budget", "budget")
        + (date(2021, 1, 1), date(2021, 12, 31), 2021),
        "Kommunstyrelsens Strategi och Budget 2021 – 2022",
    ),
    (
        "004_ead8df3d1c6ccb3c.txt",
        (None, None, "Kommunstyrelsen", "delårsrapport", "interim")
        + (date(2021, 1, 1), date(2021, 8, 31), 2021),
        "Delårsrapport för kommunstyrelsen per den 31 augusti med prognos för helår 2021",
    ),
]


@pytest.mark.parametrize(("name", "expected", "title"), SEEDS, ids=[seed[0][:3] for seed in SEEDS])
def test_detects_the_metadata_each_seed_export_states(name, expected, title):
    metadata = detect_metadata(seed_blocks(name), name)
    assert summary(metadata) == expected
    assert metadata.title == title


def test_leaves_the_municipality_of_a_report_that_never_names_it_empty_with_a_warning():
    metadata = detect_metadata(seed_blocks("004_ead8df3d1c6ccb3c.txt"), "004.txt")
    assert metadata.warnings == (DetectionWarning("municipality", "not named in the text"),)
    assert str(metadata.warnings[0]) == "municipality: not named in the text"


def test_detects_a_real_annual_report_from_its_pdf_lines():
    metadata = detect_metadata(tsv_blocks("simrishamn_arsbokslut_2025_pages_1-10.tsv"), "x.pdf")
    assert summary(metadata) == (
        "1291",
        "Simrishamn",
        "Kultur- och fritidsnämnden",
        "årsbokslut",
        "annual",
        date(2025, 1, 1),
        date(2025, 12, 31),
        2025,
    )
    assert metadata.title == "2025 Årsbokslut"
    assert metadata.warnings == ()


def test_does_not_take_a_neighbour_mentioned_in_passing_for_the_owner():
    blocks = seed_blocks("004_ead8df3d1c6ccb3c.txt") + lines(
        "Kommunarkivet sköts av Sydnärke Arkiv i Lekebergs kommun enligt avtal.", page=3
    )
    metadata = detect_metadata(blocks, "004.txt")
    assert metadata.municipality_code is None
    assert metadata.warnings == (
        DetectionWarning("municipality", "named only in passing: Lekeberg (3)"),
    )


def test_takes_the_municipality_its_first_line_names_for_the_owner():
    """Fresh seeds' budget documents (issue 22) name their municipality once, as the
    letterhead over the committee: `Trosa kommun`. The same words further down, or a
    letterhead that another municipality outweighs, decide nothing."""
    letterhead = [TextBlock(1, "Trosa kommun Kultur- och fritidsnämnden", lines=("Trosa kommun",))]
    title = lines("Budgetskrivelse 2024", "Nämndens nettokostnad budgeteras till 15,6 mnkr.")
    assert detect_metadata(letterhead + title, "x.pdf").municipality_code == "0488"
    assert detect_metadata(lines("TROSA KOMMUN") + title, "x.pdf").municipality_code == "0488"
    assert detect_metadata(title + lines("Trosa kommun"), "x.pdf").municipality_code is None
    partner = lines("Samverkan med Nyköpings kommun.", "Nyköpings kommun betalar hälften.")
    assert detect_metadata(letterhead + title + partner, "x.pdf").municipality_code is None


def test_finds_a_municipality_named_only_after_the_first_pages():
    blocks = lines("Kommunstyrelsen", "Delårsbokslut 2021-08-31") + lines(
        "fortsätta samhällsbygget - Torsås kommun.",
        "ett boende i Torsås kommun möjliggör.",
        page=4,
    )
    assert detect_metadata(blocks, "x.pdf").municipality_code == "0834"


def test_takes_municipality_evidence_from_table_cells_when_given():
    text = lines("Kommunstyrelsen", "Delårsbokslut 2021-08-31") + lines("Torsås 2021-09-16", page=4)
    cells = lines("Utred en gemensam zontaxa för kollektivtrafiken i Torsås kommun.", page=2)
    assert detect_metadata(text, "x.pdf").municipality_code is None
    assert detect_metadata(text, "x.pdf", table_text=cells).municipality_code == "0834"


def test_returns_no_municipality_when_two_are_named_as_often():
    text = "Samarbetet mellan Ale kommun och Mora kommun fortsätter. Ale och Mora delar kostnaden."
    metadata = detect_metadata(lines("Delårsrapport 2023", text, text), "x.txt")
    assert metadata.municipality_code is None
    assert metadata.warnings[0].field == "municipality"
    assert metadata.warnings[0].message.startswith("ambiguous in the text: ")


def test_does_not_read_a_municipality_inside_other_words_or_as_a_common_word():
    text = (
        "Lundsbergs skola, Salabacke och Moraberg besöktes. Mark och exploatering ska vara "
        "kommunens ansvar. Det ska vara Kommunens mål att Borås-Tidning och Bjuvs- gatan finns."
    )
    metadata = detect_metadata(lines("Delårsrapport 2023", text, text, text), "x.txt")
    assert metadata.municipality_code is None
    assert metadata.warnings[0] == DetectionWarning("municipality", "not named in the text")


@pytest.mark.parametrize(
    ("printed", "code"),
    [
        ("Lunds kommun", "1281"),
        ("Göteborgs Stad", "1480"),
        ("Torsås kommun", "0834"),
        ("Borås stad", "1490"),
        ("Malå kommun", "2418"),
        ("Håbo kommun", "0305"),
        ("Habo kommun", "0643"),
        ("HANINGE KOMMUNS", "0136"),
        ("Region Gotland", "0980"),
        ("Falu kommun", "2080"),
    ],
)
def test_resolves_the_municipality_forms_to_scb_codes(printed, code):
    metadata = detect_metadata(lines(printed, f"Verksamheten i {printed} växer."), "x.txt")
    assert metadata.municipality_code == code


def test_reads_a_two_word_municipality_name_split_over_lines():
    blocks = lines(
        "Upplands", "Väsby kommun", "Delårsrapport per den 30 april 2024", "Upplands Väsby"
    )
    assert detect_metadata(blocks, "x.pdf").municipality_name == "Upplands Väsby"


PERIOD_FORMS = [
    (
        ("Kommunstyrelsen", "Delårsbokslut med måluppfyllelse 2021-08-31"),
        ("delårsbokslut", "interim", date(2021, 1, 1), date(2021, 8, 31), 2021),
    ),
    (
        ("Delårsrapport för kommunstyrelsen per den 31 augusti", "med prognos för helår 2021"),
        ("delårsrapport", "interim", date(2021, 1, 1), date(2021, 8, 31), 2021),
    ),
    (
        ("Delårsrapport 1 2022", "Kommunstyrelsen", "Utfall för perioden januari – mars uppgår"),
        ("delårsrapport", "interim", date(2022, 1, 1), date(2022, 3, 31), 2022),
    ),
    (
        ("Delårsrapport 1 2022", "Medarbetare", "På KLK finns per mars 105 tillsvidareanställda."),
        ("delårsrapport", "interim", date(2022, 1, 1), date(2022, 3, 31), 2022),
    ),
    (
        ("Delårsbokslut 2024-08-31",),
        ("delårsbokslut", "interim", date(2024, 1, 1), date(2024, 8, 31), 2024),
    ),
    (
        ("Delårsbokslut 2024 - 08 - 31",),
        ("delårsbokslut", "interim", date(2024, 1, 1), date(2024, 8, 31), 2024),
    ),
    (
        ("Delårsbokslut 2024-01-01 - 2024-08-31 Kommunstyrelsen",),
        ("delårsbokslut", "interim", date(2024, 1, 1), date(2024, 8, 31), 2024),
    ),
    (("Årsbokslut 2025",), ("årsbokslut", "annual", date(2025, 1, 1), date(2025, 12, 31), 2025)),
    (
        ("Årsredovisning 2023",),
        ("årsredovisning", "annual", date(2023, 1, 1), date(2023, 12, 31), 2023),
    ),
    (
        ("Kommunstyrelsens Strategi och Budget 2021–2022",),
        ("budget", "budget", date(2021, 1, 1), date(2021, 12, 31), 2021),
    ),
    (
        ("Budget 2025 med plan 2026–2027",),
        ("budget", "budget", date(2025, 1, 1), date(2025, 12, 31), 2025),
    ),
    (
        ("Mål- och resursplan 2021",),
        ("resursplan", "budget", date(2021, 1, 1), date(2021, 12, 31), 2021),
    ),
    (
        ("Budgetunderlag 2022–2023",),
        ("budgetunderlag", "budget", date(2022, 1, 1), date(2022, 12, 31), 2022),
    ),
    (
        ("Budgetskrivelse", "för investeringar", "2027-2031"),
        ("budgetskrivelse", "budget", date(2027, 1, 1), date(2027, 12, 31), 2027),
    ),
    (
        ("Budgetanvisningar", "2025-12-01", "Tidplan och anvisningar för budget 2027–2031"),
        ("budgetanvisningar", "budget", date(2027, 1, 1), date(2027, 12, 31), 2027),
    ),
]


@pytest.mark.parametrize(
    ("texts", "expected"), PERIOD_FORMS, ids=[form[0][0] for form in PERIOD_FORMS]
)
def test_reads_report_kind_and_period_from_the_title(texts, expected):
    metadata = detect_metadata(lines(*texts), "x.txt")
    assert summary(metadata)[3:] == expected


def test_joins_a_title_with_the_lines_that_continue_it():
    metadata = detect_metadata(
        lines("Budgetskrivelse", "för investeringar", "2027-2031", "Innehåll"), "x"
    )
    assert metadata.title == "Budgetskrivelse för investeringar 2027-2031"


def test_leaves_the_period_of_an_undated_interim_report_unknown():
    metadata = detect_metadata(lines("Delårsrapport 1", "Kommunstyrelsen"), "x.txt")
    assert summary(metadata)[3:] == ("delårsrapport", "interim", None, None, None)
    assert DetectionWarning("period", "not stated near the title") in metadata.warnings


def test_does_not_take_a_meeting_date_on_the_first_pages_for_the_period_end():
    blocks = lines(
        "Delårsrapport 2023",
        "Förslag till beslut",
        "Nämnden beslutade om budgeten vid sitt sammanträde 5 december 2022.",
    )
    assert detect_metadata(blocks, "x.txt").period_end is None


def test_does_not_take_a_sentence_about_the_budget_for_a_budget_title():
    blocks = lines(
        "Verksamheten har utgått från den budget 2023 som kommunstyrelsen fattade beslut om."
    )
    metadata = detect_metadata(blocks, "x.txt")
    assert (metadata.report_kind, metadata.period_kind) == (None, None)
    assert DetectionWarning("report_kind", "not named near the title") in metadata.warnings


@pytest.mark.parametrize(
    ("texts", "committee"),
    [
        (
            ("Status: Påbörjad Organisation: Kultur- och fritidsnämnden",),
            "Kultur- och fritidsnämnden",
        ),
        (("Organisation: K Kultur - och fritidsnämnden",), "Kultur- och fritidsnämnden"),
        (("KOMMUNSTYRELSEN", "Delårsrapport 2023"), "Kommunstyrelsen"),
        (("Socialnämndens delårsrapport 2023",), "Socialnämnden"),
        (("Barn-, utbildnings- och kulturnämnden",), "Barn-, utbildnings- och kulturnämnden"),
        (("Kommunledningsförvaltningens verksamhetsplan 2024",), "Kommunstyrelsen"),
    ],
)
def test_names_the_committee_in_its_definite_form(texts, committee):
    assert detect_metadata(lines(*texts), "x.txt").committee_name == committee


def test_leaves_the_committee_empty_when_the_first_pages_only_say_the_committee():
    blocks = lines("Delårsrapport 2023", *["Nämnden har följt sin plan."] * 3)
    metadata = detect_metadata(blocks, "x.txt")
    assert metadata.committee_name is None
    assert DetectionWarning("committee", "not named on the first pages") in metadata.warnings


def test_finds_no_title_in_a_document_of_sentences_only():
    blocks = lines(
        "Badet (Objekt 30013) utfall 2025, badsäsongen har inte börjat.", "Och budget för 2026:"
    )
    metadata = detect_metadata(blocks, "x.pdf")
    assert (metadata.title, metadata.report_kind) == (None, None)
    assert DetectionWarning("title", "not found on page 1") in metadata.warnings


ISSUE_PERIOD_FORMS = [
    (
        ("Tertialrapport 1 2025", "Tekniska nämnden"),
        ("tertialrapport", "interim", date(2025, 1, 1), date(2025, 4, 30), 2025),
    ),
    (
        ("Tertialrapport 2", "Socialnämnden", "Rapporten avser verksamhetsåret 2024."),
        ("tertialrapport", "interim", date(2024, 1, 1), date(2024, 8, 31), 2024),
    ),
    (
        ("Årsrapport för 2024", "Revisorskollegiet"),
        ("årsrapport", "annual", date(2024, 1, 1), date(2024, 12, 31), 2024),
    ),
    (
        ("Verksamhetsberättelse 2024", "Kulturnämnden"),
        ("verksamhetsberättelse", "annual", date(2024, 1, 1), date(2024, 12, 31), 2024),
    ),
    (
        ("Månadsrapport", "Utfall per 2024-12-31", "Beslutad 2025-01-20"),
        ("månadsrapport", "interim", date(2024, 1, 1), date(2024, 12, 31), 2024),
    ),
    (
        ("Tertialuppföljning", "Kommunstyrelsen", "Sammanfattning", "utfall per den 2025-04-30"),
        ("tertialuppföljning", "interim", date(2025, 1, 1), date(2025, 4, 30), 2025),
    ),
    (
        ("Ekonomisk uppföljning januari–mars 2021", "Barn- och utbildningsnämnden"),
        ("uppföljning", "interim", date(2021, 1, 1), date(2021, 3, 31), 2021),
    ),
    (
        ("Uppföljning per 2024-08-31", "Dnr 2024/977 · 2024-03-26"),
        ("uppföljning", "interim", date(2024, 1, 1), date(2024, 8, 31), 2024),
    ),
    (
        ("Kvartalsrapport 2 2023", "Socialnämnden"),
        ("kvartalsrapport", "interim", date(2023, 1, 1), date(2023, 6, 30), 2023),
    ),
    (
        ("Detaljbudget 2026", "Kultur- och fritidsnämnden"),
        ("budget", "budget", date(2026, 1, 1), date(2026, 12, 31), 2026),
    ),
]


@pytest.mark.parametrize(
    ("texts", "expected"), ISSUE_PERIOD_FORMS, ids=[form[0][0] for form in ISSUE_PERIOD_FORMS]
)
def test_reads_the_period_of_numbered_parts_annual_titles_and_per_dates(texts, expected):
    assert summary(detect_metadata(lines(*texts), "x.txt"))[3:] == expected


@pytest.mark.parametrize(
    "title",
    ["Delårsrapport 1", "Tertialrapport 3", "Tertialrapport 2025 nr"],
)
def test_leaves_a_part_without_a_fixed_end_or_past_the_year_unknown(title):
    metadata = detect_metadata(lines(title, "Socialnämnden"), "x.txt")
    assert metadata.period_end is None


def test_does_not_take_a_per_date_in_a_sentence_on_the_first_pages_for_a_meeting():
    blocks = lines("Delårsrapport", "Nämnden sammanträder 2025-09-18 och lämnar sitt svar.")
    assert detect_metadata(blocks, "x.txt").period_end is None


@pytest.mark.parametrize(
    ("texts", "committee"),
    [
        (
            ("Årsrapport för 2024", "Revisorskollegiet", "Kritik riktas till grundskolenämnden."),
            "Revisorskollegiet",
        ),
        (("Tertialrapport 1 2025", "Tekniska nämnden"), "Tekniska nämnden"),
        (("TEKNISKA NÄMNDEN", "Årsbokslut 2024"), "Tekniska nämnden"),
        (("Verksamhetsberättelse för tekniska nämnden 2024",), "Tekniska nämnden"),
        (("Delårsrapport 2025", "Gemensamma nämndens verksamhet"), "Gemensamma nämnden"),
        (("Delårsrapport 2025", "Grundskolenämnden"), "Grundskolenämnden"),
    ],
)
def test_takes_the_author_committee_from_the_title_block(texts, committee):
    assert detect_metadata(lines(*texts), "x.txt").committee_name == committee


@pytest.mark.parametrize(
    "texts",
    [
        ("Årsrapport för 2024", "Kritik riktas till grundskolenämnden."),
        ("Årsrapport för 2024", "Kritik riktas till grundskolenämnden för"),
        ("Årsrapport för 2024", "Hela nämnden deltog", "Andra nämnden"),
    ],
)
def test_does_not_take_a_committee_a_sentence_speaks_to_for_the_author(texts):
    metadata = detect_metadata(lines(*texts), "x.txt")
    assert metadata.committee_name is None
    assert DetectionWarning("committee", "not named on the first pages") in metadata.warnings


def test_takes_the_committee_from_a_long_cover_line_after_its_label():
    cover = (
        "Budgetskrivelse för investeringar 2027-2031 Status: Påbörjad Rapportperiod: "
        "2027-12-31 Organisation: Kultur- och fritidsnämnden Ansvarig: Förvaltningschef"
    )
    blocks = lines("Budgetskrivelse för investeringar 2027-2031", cover)
    assert detect_metadata(blocks, "x.pdf").committee_name == "Kultur- och fritidsnämnden"


def test_does_not_take_the_committee_a_report_is_addressed_to_for_its_author():
    blocks = lines("Årsrapport för 2024", "Till: Kommunstyrelsen", "Från: Revisorskollegiet")
    assert detect_metadata(blocks, "x.pdf").committee_name == "Revisorskollegiet"


@pytest.mark.parametrize(
    ("cover_line", "end", "period_kind"),
    [
        ("31 MARS 2022", date(2022, 3, 31), "interim"),
        ("31 OKTOBER 2026 Dnr 2022/492 · 2026-03-17", date(2026, 10, 31), "interim"),
        ("december 2025", date(2025, 12, 31), "annual"),
    ],
)
def test_a_cover_naming_no_kind_is_dated_by_its_spelled_date(cover_line, end, period_kind):
    metadata = detect_metadata(
        lines("Malmö kommun", "Miljö- och byggnadsnämnden", cover_line, "Sammanfattning"), "x.pdf"
    )
    assert (metadata.report_kind, metadata.period_kind) == (None, period_kind)
    assert (metadata.period_start, metadata.period_end) == (date(end.year, 1, 1), end)
    assert metadata.fiscal_year == end.year


def test_a_cover_dated_only_by_a_meeting_date_has_no_period():
    """`Dnr 2020/334 · 2022-03-07` is the registry's date, not the period's end."""
    metadata = detect_metadata(
        lines("Malmö kommun", "Miljö- och byggnadsnämnden", "Dnr 2020/334 · 2022-03-07"), "x.pdf"
    )
    assert (metadata.period_end, metadata.period_kind) == (None, None)


def test_a_monthly_closing_is_an_interim_report_ending_with_its_month():
    metadata = detect_metadata(lines("Hultsfred kommun", "Månadsbokslut augusti 2025"), "x.pdf")
    assert (metadata.report_kind, metadata.period_kind) == ("månadsbokslut", "interim")
    assert metadata.period_end == date(2025, 8, 31)


def test_a_tables_caption_naming_a_kind_under_a_dated_cover_is_not_the_title():
    """A fresh seed's typst report (issue 22) printed no title, only `30 JUNI 2021` on its
    cover: a table's caption (`Investeringsuppföljning`) named the kind and was taken for
    the title, the period went unread, and last year's `Utfall 2020-06-30` column was
    stored as this year's. The cover's date is the period's end."""
    blocks = lines(
        "Haparanda kommun",
        "Kultur- och fritidsnämnden",
        "30 JUNI 2021",
        "Dnr 2024/538 · 2021-01-23",
        "Sammanfattning",
        "Resultat per verksamhet",
        "Investeringsuppföljning",
    )
    captions = ["Resultat per verksamhet", "Investeringsuppföljning"]
    metadata = detect_metadata(blocks, "x.pdf", captions=captions)
    assert (metadata.period_end, metadata.fiscal_year) == (date(2021, 6, 30), 2021)
    assert metadata.title not in captions
    undated = detect_metadata(blocks[:2] + blocks[4:], "x.pdf", captions=captions)
    assert (undated.report_kind, undated.title) == ("uppföljning", "Investeringsuppföljning")
