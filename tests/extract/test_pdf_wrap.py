"""The wrap rule: when a line break inside a cell splits a word."""

import pytest

from extract.readers.pdf.borderless import BorderlessSettings, lines_to_borderless_tables
from extract.readers.pdf.words import Line, Word
from extract.readers.pdf.wrap import DOCUMENT_WORDS, document_words, join_wrapped

RIGHT = 151.0  # the cell's right edge for text


def word(text: str, x0: float, x1: float, top: float = 100.0) -> Word:
    return Word(text, x0, x1, top, top + 10)


@pytest.fixture
def words():
    """The words a document prints whole, as the reader sets them."""

    def use(*runs: str):
        token = DOCUMENT_WORDS.set(document_words(runs))
        return token

    tokens = []
    yield lambda *runs: tokens.append(use(*runs))
    for token in reversed(tokens):
        DOCUMENT_WORDS.reset(token)


def test_joins_a_word_broken_after_other_words_when_it_could_not_fit_whole():
    lines = [word("80 Affärsverksa", 90, 146), word("mhet", 90, 113, 113)]
    assert join_wrapped(lines, RIGHT).text == "80 Affärsverksamhet"


def test_keeps_a_word_moved_down_whole_after_other_words():
    lines = [word("Kostnader för", 90, 146), word("lokaler", 90, 120, 113)]
    assert join_wrapped(lines, RIGHT).text == "Kostnader för lokaler"


def test_keeps_the_space_before_a_short_word_of_the_vocabulary():
    lines = [word("kostnad", 90, 148), word("tom", 90, 107, 113)]
    assert join_wrapped(lines, RIGHT).text == "kostnad tom"


def test_keeps_the_space_after_a_definite_genitive_that_fills_its_line():
    # Chromium's label column as wide as `nettokostnader` (gen_47079): `Verksamhetens`
    # fills the line above it, and neither half is printed elsewhere in the report
    lines = [word("Verksamhetens", 60.9, 142.2), word("nettokostnader", 61.0, 142.5, 113)]
    assert join_wrapped(lines, 142.5).text == "Verksamhetens nettokostnader"


def test_keeps_the_space_after_a_word_the_document_prints_whole(words):
    words("till Rönneshytta skola i")
    lines = [word("Rönneshytta", 90, 147), word("skola, LED-", 90, 140, 113)]
    assert join_wrapped(lines, RIGHT).text == "Rönneshytta skola, LED-"


def test_joins_halves_the_document_prints_as_one_word(words):
    words("om Närlundaskolan i", "Rönneshytta och")
    lines = [word("Närlund", 90, 148), word("askolan", 90, 148, 113), word("omg", 90, 110, 126)]
    assert join_wrapped(lines, RIGHT).text == "Närlundaskolan omg"


def test_counts_only_inner_words_of_a_printed_run_as_whole():
    assert document_words(["Närlund -484", "80 Affärsverksa 26 890", "ska vara kvar"]) == {"vara"}


def test_does_not_read_a_table_of_contents_as_a_table():
    entries = [("Sammanfattning ..........", "2", "3"), ("Driftredovisning .........", "14", "15")]
    lines = [
        Line((word(label, 90, 300, top), word(a, 480, 490, top), word(b, 500, 511, top)))
        for top, (label, a, b) in zip((100.0, 113.0), entries, strict=True)
    ]
    assert lines_to_borderless_tables(lines, 1, BorderlessSettings()) == []
