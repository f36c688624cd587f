"""The table readers' comparison: right row, wrong row and not found, from extracted rows."""

from bench.accuracy.compare import GoldFact
from bench.generate.build import generate
from bench.table_readers import READERS, Tally, compare, row_label, score_document

DOC = "gen_00001_reportlab"


def figure(label, printed, measure="budget"):
    return GoldFact(DOC, "fct_operating_budget", label, measure, 2025, 0.0, "tkr", printed, label)


GOLD = [
    figure("Personalkostnader", "-25 380"),
    figure("Lokalkostnader", "4 100"),
    figure("Avgifter och ersättningar", "1 200"),
    figure("Övriga kostnader", "900"),
]


def tally(rows):
    counted = Tally()
    score_document(GOLD, rows, counted)
    return (counted.right, counted.wrong, counted.absent)


def test_a_number_beside_its_label_is_in_the_right_row_whatever_its_spacing():
    rows = [["Personalkostnader", "\u221225\u202f380"], ["Lokalkostnader", "4100"]]
    assert tally(rows) == (2, 0, 2)


def test_a_number_beside_another_label_is_in_a_wrong_row():
    rows = [["Övriga kostnader", "4 100", "900"]]
    assert tally(rows) == (1, 1, 2)


def test_a_wrapped_label_line_and_a_label_that_absorbed_a_number_still_name_their_row():
    rows = [["Avgifter och", ""], ["ersättningar", "1 200"], ["Personalkostnader 12", "-25 380"]]
    assert tally(rows) == (2, 0, 2)
    assert row_label(["4012 Gång- och cykelväg", "1 000"]) == (
        "4012gångochcykelväg",
        "gångochcykelväg",
    )


def test_every_reader_runs_on_a_generated_report_and_finds_its_figures(tmp_path):
    generate(1, 1, tmp_path, ["reportlab"])
    tallies = compare(tmp_path / "pdf", tmp_path / "gold")
    assert set(tallies) == set(READERS)
    for name, counted in tallies.items():
        assert counted.pages >= 1 and counted.seconds > 0, name
        assert counted.right + counted.wrong + counted.absent > 30, name
    assert tallies["kommunlager"].right > 0


def test_a_label_run_into_by_a_note_or_a_wrapped_tail_names_only_the_whole_label_it_holds():
    rows = [["Övriga kostnader Avvikelse = budget − prognos.", "900"]]
    assert tally(rows) == (1, 0, 3)
    rows = [["ersättningar Lokalkostnader", "1 200", "4 100"]]  # the tail of `Avgifter och ...`
    assert tally(rows) == (1, 1, 2)
