"""The generated corpus: the same seed gives the same report, numbers add up, gold is consistent."""

import csv
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from bench.accuracy.compare import UNIT_FACTORS
from bench.accuracy.gold import read_gold
from bench.generate.compose import compose
from bench.generate.document import Table
from bench.generate.printed import DEVIATIONS
from bench.generate.report import printed_report
from expectations.facts import CONTRACT_MEASURES

REPO = Path(__file__).resolve().parents[2]
SEEDS = range(40)
DEVIATION_OF = {"deviation_forecast": ("forecast", "budget"), "deviation": ("outcome", "budget")}
DEVIATION_OF["deviation_ytd"] = ("outcome_ytd", "budget_ytd")


def texts(doc):
    return [
        cell.text
        for block in doc.blocks
        if isinstance(block, Table)
        for row in block.rows
        for cell in row.cells
    ]


def test_the_same_seed_gives_the_same_document_and_gold():
    first, again = printed_report(7), printed_report(7)
    assert first.title_lines == again.title_lines
    assert texts(first) == texts(again) and first.gold() == again.gold()
    assert printed_report(8).gold() != first.gold()


@pytest.mark.parametrize("seed", SEEDS)
def test_lines_sum_to_their_totals_and_deviations_are_differences(seed):
    report = compose(seed)
    for lines in (report.operating, report.investments):
        if not lines:
            continue
        parts = [line for line in lines if not line.is_total and line.kind != "grant"]
        if lines is report.operating:
            parts = [line for line in parts if line.kind in ("revenue", "cost", "net")]
        total = next(line for line in lines if line.kind in ("net_total", "investment_total"))
        for measure, value in total.values.items():
            assert sum(line.values[measure] for line in parts) == value
        for line in lines:
            for measure, (minuend, base) in DEVIATION_OF.items():
                if measure in line.values:
                    assert line.values[measure] == line.values[minuend] - line.values[base]
    for staff in report.staff:
        assert staff.women + staff.men == staff.employees


@pytest.mark.parametrize("seed", SEEDS)
def test_every_gold_value_is_its_printed_number_in_warehouse_units(seed):
    for fact in printed_report(seed).gold():
        assert fact.measure in CONTRACT_MEASURES | {"sick_leave_pct", "target_pct"}, fact
        digits = re.findall(r"\d[\d \u00a0\u202f]*(?:,\d+)?", fact.as_printed)
        magnitude = float(re.sub(r"\s", "", digits[-1]).replace(",", ".")) if digits else 0.0
        half_unit = 0.5 * 10.0 ** -len(fact.as_printed.partition(",")[2].rstrip(" %)"))
        assert abs(abs(fact.value) / UNIT_FACTORS[fact.unit] - magnitude) <= half_unit + 1e-9


def test_money_out_is_negative_in_the_gold_whatever_the_print_shows():
    signs = Counter()
    for seed in SEEDS:
        for fact in printed_report(seed).gold():
            if fact.relation == "fct_investment_budget" and fact.measure not in DEVIATIONS:
                assert fact.value <= 0, fact
                signs[fact.as_printed.startswith(("-", "\u2212", "\u2013"))] += 1
    assert signs[True] and signs[False]  # printed both positive and negative across seeds


def test_wording_and_conventions_vary_across_seeds():
    headers, units, lines = set(), set(), set()
    for seed in SEEDS:
        doc = printed_report(seed)
        tables = [block for block in doc.blocks if isinstance(block, Table)]
        headers.update(tables[0].header[1:])
        units.update(fact.unit for fact in doc.gold() if fact.unit in ("tkr", "mnkr"))
        lines.update(row.cells[0].text for row in tables[0].rows)
    assert len(headers) > 40 and units == {"tkr", "mnkr"} and len(lines) > 40
    assert {"Verksamhetens nettokostnader", "Kommunbidrag"} & lines


def test_the_cli_writes_pdfs_and_gold_the_accuracy_harness_reads(tmp_path):
    command = [sys.executable, "-m", "bench.generate", "--seed", "3", "--count", "2"]
    command += ["--engines", "reportlab,typst", "--out", str(tmp_path)]
    subprocess.run(command, check=True, cwd=REPO, capture_output=True)
    pdfs = sorted(path.name for path in (tmp_path / "pdf").iterdir())
    assert pdfs == ["gen_00003_typst.pdf", "gen_00004_reportlab.pdf"]
    gold = read_gold(tmp_path / "gold")
    assert set(gold) == {"gen_00003_typst", "gen_00004_reportlab"}
    money = [fact for fact in gold["gen_00003_typst"] if fact.relation.endswith("budget")]
    assert money and all(fact.row_label == fact.line_item for fact in money)
    with (tmp_path / "gold" / "gen_00003_typst.csv").open(encoding="utf-8") as handle:
        assert csv.DictReader(handle).fieldnames[:8] == [
            "relation",
            "line_item",
            "measure",
            "fiscal_year",
            "value",
            "unit",
            "as_printed",
            "page_hint",
        ]
