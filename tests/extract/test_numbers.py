"""Swedish printed numbers: every form in the corpus, and the ones kept as printed."""

import pytest

from extract.numbers import ParsedNumber, is_year, parse_number


@pytest.mark.parametrize(
    ("printed", "value", "decimals"),
    [
        ("-3 200", -3200.0, 0),
        ("190,7", 190.7, 1),
        ("- 6 279", -6279.0, 0),
        ("\u22124 401", -4401.0, 0),
        ("\u20131 000", -1000.0, 0),
        ("30\u00a0000", 30000.0, 0),
        ("30\u202f000", 30000.0, 0),
        ("0,0", 0.0, 1),
        ("+3,0", 3.0, 1),
        ("-1947", -1947.0, 0),
        ("   900", 900.0, 0),
        ("1 234 567,89", 1234567.89, 2),
    ],
)
def test_reads_swedish_number_forms(printed, value, decimals):
    assert parse_number(printed) == ParsedNumber(value, None, decimals)


def test_reads_parentheses_as_negative():
    assert parse_number("(120)") == ParsedNumber(-120.0, "parentheses", 0)


def test_reads_percent_in_percent_units():
    assert parse_number("1,9 %") == ParsedNumber(1.9, "percent", 1)


def test_strips_a_trailing_footnote_marker_and_flags_it():
    assert parse_number("-400*") == ParsedNumber(-400.0, "footnote", 0)
    assert parse_number("35,1 *)") == ParsedNumber(35.1, "footnote", 1)


def test_keeps_a_truncated_number_unread_and_flagged():
    assert parse_number("-26 62") == ParsedNumber(None, "malformed")


def test_flags_words_that_stand_for_no_number():
    assert parse_number("Ej aktuellt") == ParsedNumber(None, "not_applicable")


def test_reads_a_lone_dash_as_the_printed_nil():
    assert parse_number("-") == ParsedNumber(0.0, "dash", 0)
    assert parse_number("\u2013") == ParsedNumber(0.0, "dash", 0)


def test_text_and_blank_are_not_numbers_and_not_flagged():
    assert parse_number("Lägre än 5,00") == ParsedNumber(None)
    assert parse_number("") == ParsedNumber(None)


def test_a_decimal_point_is_not_swedish_and_is_flagged():
    assert parse_number("12.5") == ParsedNumber(None, "malformed")


def test_recognises_bare_years_as_header_text():
    assert is_year("2024")
    assert not is_year("24 000")
    assert not is_year("1 070")
