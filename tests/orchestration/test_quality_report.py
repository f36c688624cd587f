"""The quality report: one offline page naming every failing check by file and page.

Built by a real `kommunlager build` (extraction, dbt, Great Expectations, Dagster)
of the two fixture reports, one renamed with HTML in its name, and the three
whose rows break the contract (test_quarantine), then read as a file and in
Chromium with every request off the machine refused.
"""

import re
import shutil

import duckdb
import pytest
from playwright.sync_api import sync_playwright

from orchestration.quality_sections import printed_number
from tests.orchestration.conftest import FIXTURES, run_cli
from tests.orchestration.test_quarantine import BROKEN_FILES
from tests.orchestration.test_report_cards import CHROMIUM, CHROMIUM_ARGS

HOSTILE_NAME = 'report_<two>&"x".txt'  # file names come from whoever filled the folder


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """Build the fixture reports; return the quality page, its text and the failing checks."""
    root = tmp_path_factory.mktemp("quality_report")
    raw = root / "raw"
    raw.mkdir()
    shutil.copyfile(FIXTURES / "report_one.txt", raw / "report_one.txt")
    shutil.copyfile(FIXTURES / "report_two.txt", raw / HOSTILE_NAME)
    for name in BROKEN_FILES:
        shutil.copyfile(FIXTURES / name, raw / name)
    run = run_cli(raw, root / "warehouse.duckdb")
    assert run.status == 0, run.err
    with duckdb.connect(str(root / "warehouse.duckdb"), read_only=True) as con:
        result = con.execute(
            "select file_name, page, line_item, unit, factor_sek, amount_as_printed, expected"
            " from quality_reconciliation where status = 'failed'"
        )
        names = [column[0] for column in result.description]
        failures = [dict(zip(names, row, strict=True)) for row in result.fetchall()]
        not_checked = con.execute(
            "select file_name, page, not_checked_reason from quality_reconciliation"
            " where status = 'not_checked'"
        ).fetchall()
        withheld = con.sql("select file_name, page, fact_key from quality_quarantine").fetchall()
    index = root / "quality" / "index.html"
    return index, index.read_text(encoding="utf-8"), failures, not_checked, withheld


def section_of(text: str, file_name: str) -> str:
    """Given the page's HTML and a file name, return that report's section."""
    start = text.index(f'<section data-file="{escape_attr(file_name)}">')
    return text[start : text.index("</section>", start)]


def escape_attr(text: str) -> str:
    """Given text, return it as the page escapes it (html.escape with quotes)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace('"', "&quot;").replace("'", "&#x27;")
    )  # fmt: skip


def printed_digits(as_printed: str) -> str:
    """Given a figure as printed (`-26 620`, `(120)`), return its digits and groups alone."""
    return re.sub(r"[^\d ,]", "", as_printed).strip()


def test_printed_number_is_in_the_printed_unit_with_swedish_separators():
    assert printed_number(-26_620_000.0, 1000.0) == "-26 620"
    assert printed_number(190_700_000.0, 1_000_000.0) == "190,7"
    assert printed_number(-0.001, 1000.0) == "0"
    assert printed_number(None, 1000.0) == "unreadable"


def test_every_failing_check_is_listed_with_file_page_and_printed_unit(build):
    _, text, failures, _, _ = build
    assert failures, "the fixture reports print totals that do not add up"
    for failure in failures:
        section = section_of(text, failure["file_name"])
        where = escape_attr(f"{failure['file_name']}, p. {failure['page']}")
        rows = [row for row in section.split("<tr>") if where in row]
        assert any(escape_attr(failure["line_item"]) in row for row in rows), failure
        if failure["amount_as_printed"] and failure["factor_sek"]:
            figure = f"{printed_digits(failure['amount_as_printed'])} {failure['unit']}"
            assert any(figure in row for row in rows), (figure, failure)


def test_checks_not_made_are_listed_with_their_reason(build):
    _, text, _, not_checked, _ = build
    for file_name, _, reason in not_checked:
        assert escape_attr(reason) in section_of(text, file_name)


def test_rows_withheld_for_breaking_the_contract_are_listed_by_file_and_page(build):
    _, text, _, _, withheld = build
    assert withheld, "the broken fixture reports state rates that break the contract"
    for file_name, page, fact_key in withheld:
        section = section_of(text, file_name)
        where = escape_attr(f"{file_name}, p. {page}")
        assert any(where in row and escape_attr(fact_key) in row for row in section.split("<tr>"))


def test_the_page_names_every_report_and_the_contract_suites_and_no_url(build):
    _, text, _, _, _ = build
    assert "http://" not in text and "https://" not in text
    assert "<script" not in text.lower()
    assert "<h3>report_&lt;two&gt;&amp;&quot;x&quot;.txt</h3>" in text
    assert "contract_fct_operating_budget" in text and "dbt tests</h2><p>" in text


def test_chromium_shows_every_failure_offline_without_a_request_leaving(build):
    index, _, failures, _, _ = build
    requested = []

    def refuse_the_network(route):
        requested.append(route.request.url)
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", refuse_the_network)
            page.goto(index.as_uri(), timeout=30_000)
            rows = page.eval_on_selector_all("tr", "rows => rows.map(r => r.innerText)")
            styled = page.eval_on_selector("th", "th => getComputedStyle(th).backgroundColor")
        finally:
            browser.close()
    assert [url for url in requested if not url.startswith("file://")] == []
    assert styled == "rgb(243, 243, 243)"  # the inline style applied, with no stylesheet fetched
    for failure in failures:
        where = f"{failure['file_name']}, p. {failure['page']}"
        assert any(where in row and failure["line_item"] in row for row in rows), failure
