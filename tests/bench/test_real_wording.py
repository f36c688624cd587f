"""The real-wording file: sourced, keyed to what the generator prints, and drawn from by it."""

import re
import string

from bench.generate.content import COMMITTEES
from bench.generate.document import Paragraph, Table
from bench.generate.people import SICK_ROWS, STAFF_ROWS
from bench.generate.printed import DEVIATION_NOTES
from bench.generate.real_wording import HEAD_KINDS, entries
from bench.generate.report import printed_report
from bench.generate.wordings import HEADERS, LINES, fill

SEEDS = range(60)
# The time a column covers, by the measure its head stands for.
SCOPE_OF = {
    "outcome_ytd": "period",
    "budget_ytd": "period",
    "deviation_ytd": "period",
    "budget": "year",
    "forecast": "year",
    "deviation_forecast": "year",
    "outcome": "year",
    "deviation": "year",
    "outcome_ytd_prior_year": "prior_period",
    "outcome_prior_year": "prior_year",
    "budget_prior_year": "prior_year",
    "plan_1": "plan",
    "plan_2": "plan",
}
# The facts a sentence states: each must stay a placeholder, or the gold would not follow.
FACTS_OF = {
    "prose_staff": {"n", "w", "m"},
    "prose_units": {"u"},
    "prose_sick": {"x", "y"},
}
REPORT_KINDS = {"", "interim", "annual", "budget"}


def placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def of_kind(*kinds):
    return [entry for entry in entries() if entry.kind in kinds]


def test_the_file_holds_wording_from_at_least_forty_municipalities():
    municipalities = {entry.municipality for entry in entries() if entry.municipality}
    assert len(municipalities) >= 40, sorted(municipalities)


def test_every_entry_names_the_page_it_was_read_from():
    for entry in entries():
        assert re.match(r"https?://\S+$", entry.source), entry
        assert entry.text.strip() and entry.key.strip(), entry


def test_every_column_head_states_its_measure_and_time_scope():
    heads = of_kind("column_head", "subhead")
    assert heads
    for entry in heads:
        assert entry.key in HEADERS, entry
        assert entry.scope == SCOPE_OF[entry.key], entry
        assert entry.requires in ("", *DEVIATION_NOTES), entry
        assert not entry.requires or entry.key.startswith("deviation"), entry


def test_every_head_and_title_fills_for_any_report_period():
    for entry in of_kind(*HEAD_KINDS, "title", "caption"):
        for month in (3, 8, 12):
            filled = fill(entry.text, 2025, month)
            assert "{" not in filled and "}" not in filled, entry


def test_every_title_states_the_report_year():
    for entry in of_kind("title"):
        assert "{Y}" in entry.text, entry


def test_scopes_of_other_kinds_are_report_kinds():
    for entry in entries():
        if entry.kind not in HEAD_KINDS:
            assert entry.scope in REPORT_KINDS, entry


def test_keys_name_what_the_generator_prints():
    lines = set(LINES) | {"activity_total"}
    expected = {
        "line_item": lines,
        "activity": set(COMMITTEES),
        "project": set(COMMITTEES),
        "staff_row": set(STAFF_ROWS),
        "sick_row": set(SICK_ROWS),
        "sign_note": set(DEVIATION_NOTES),
        "unit_word": {"tkr", "mnkr"},
        "group_head": {"period", "year"},
    }
    for entry in entries():
        if entry.kind in expected:
            assert entry.key in expected[entry.kind], entry


def test_sentences_keep_their_facts_as_placeholders_and_print_no_numbers():
    sentences = of_kind("prose_result", *FACTS_OF)
    assert sentences
    for entry in sentences:
        assert FACTS_OF.get(entry.kind, set()) <= placeholders(entry.text), entry
        assert not re.search(r"\d", entry.text), entry
        if entry.kind == "prose_result":
            assert placeholders(entry.text) & {"x", "signed"}, entry


def printed_texts(doc):
    found = set(doc.title_lines)
    for block in doc.blocks:
        if isinstance(block, Table):
            found |= {block.caption, block.note, *block.header}
            found |= {text for text, _ in block.groups or []}
            found |= {row.cells[0].text for row in block.rows}
        elif isinstance(block, Paragraph):
            found.add(block.text)
    return found


def test_the_generator_prints_real_wording_of_every_kind():
    printed = set()
    for seed in SEEDS:
        printed |= printed_texts(printed_report(seed))
    blob = "\n".join(printed)
    used = {entry.kind for entry in entries() if entry.text in printed}
    # Templates are filled in, so look for their fixed words.
    for entry in entries():
        fixed = max(re.split(r"\{[^}]*\}", entry.text), key=len).strip()
        if len(fixed) > 8 and fixed in blob:
            used.add(entry.kind)
    assert {"column_head", "line_item", "activity", "caption", "title"} <= used
    assert {"prose_result", "prose_sick", "staff_row", "sick_row"} <= used


def numbers(text):
    digits = text.replace("\u2212", "-").replace("\u2013", "-").replace(",", ".")
    digits = re.sub(r"^\((.*)\)$", r"-\1", digits)  # a negative number in parentheses
    return float(re.sub(r"[\s\u00a0\u202f]", "", digits)) if digits != "-" else 0.0


def test_a_head_that_states_budget_minus_prognosis_prints_exactly_that():
    checked = 0
    for seed in range(300):
        for block in printed_report(seed).blocks:
            if not isinstance(block, Table) or "Avvikelse (Å-P)" not in block.header:
                continue
            budget = block.header.index("Årsbudget (Å)")
            forecast = block.header.index("Årsprognos (P)")
            deviation = block.header.index("Avvikelse (Å-P)")
            for row in block.rows:
                cells = [numbers(cell.text) for cell in row.cells[1:]]
                stated = cells[budget - 1] - cells[forecast - 1]
                assert abs(cells[deviation - 1] - stated) <= 0.11, (seed, row)
                checked += 1
    assert checked


def test_a_sentence_on_sick_leave_says_the_way_it_went():
    checked = 0
    for seed in range(200):
        for block in printed_report(seed).blocks:
            if not isinstance(block, Paragraph) or len(block.gold) != 2:
                continue
            now, before = (fact.value for fact in block.gold)
            if re.search(r"minskat|minskning", block.text):
                assert now < before, block.text
                checked += 1
            if re.search(r"ökat|ökning", block.text):
                assert now >= before, block.text
                checked += 1
    assert checked
