"""The benchmark corpus: the family's kinds of document, taken in turn up to a page count."""

from bench.corpus import (
    CORPUS_DIR,
    build_corpus,
    copies_for_pages,
    family_counts,
    family_samples,
)

ANNUAL = CORPUS_DIR / "real" / "simrishamn_kultur-fritid_arsbokslut_2025.pdf"  # 37 pages
CARDS = CORPUS_DIR / "real" / "simrishamn_kultur-fritid_budgetskrivelse-investeringar_2027-2031.pdf"


def test_copies_taken_in_turn_reach_the_pages_asked_for():
    assert copies_for_pages([ANNUAL, CARDS], 63) == 2  # 37 + 26
    assert copies_for_pages([ANNUAL, CARDS], 64) == 3  # a second annual report
    assert copies_for_pages([CARDS, ANNUAL], 27) == 2


def test_the_counts_say_how_many_reports_and_pages_of_each_kind():
    counts = family_counts({"annual": [ANNUAL], "cards": [CARDS]}, 3)
    assert counts == {"annual": {"reports": 2, "pages": 74}, "cards": {"reports": 1, "pages": 26}}


def test_the_family_holds_renderings_real_and_independent_reports(tmp_path):
    families = family_samples(tmp_path / "generated", 0)
    assert list(families) == ["pdf", "pdf-borderless", "real", "independent", "generated"]
    assert len(families["independent"]) == 10 and ANNUAL in families["real"]
    assert families["generated"] == []


def test_every_copy_is_a_distinct_file(tmp_path):
    copies = build_corpus([CARDS], 2, tmp_path)
    assert copies[0].read_bytes() != copies[1].read_bytes()
