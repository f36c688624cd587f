"""After a CLI build of sample reports, the Dagster UI and the report cards show each file's fate.

A real `kommunlager build` of sample reports (a PDF and its text export, one
that ends `partial`) and an HTML page saved as `.pdf` records into a temporary
$DAGSTER_HOME; the webserver then serves that instance, and Chromium reads
each partition by name as a person would: in the asset's partitions view the
broken file alone is failed (red), and in the `report_read` check's Partitions
tab the broken file's verdict is a red failure, the partial one's a yellow
warning. The report card of the copy that is not canonical counts its facts
from facts_all_copies (the fact tables hold the canonical copy's only).
"""

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import Locator, Page, sync_playwright

from orchestration.defs.resources import REPO_ROOT
from orchestration.report_cards import write_cards
from tests.orchestration.conftest import run_cli
from tests.orchestration.test_report_cards import CHROMIUM, CHROMIUM_ARGS
from tests.orchestration.test_webserver import (
    HOST,
    WEBSERVER,
    free_port,
    stop,
    wait_until_served,
    webserver_env,
)

SAMPLES = REPO_ROOT / "data" / "raw"
PARTIAL = "003_29ca0d4d1c8890ca.pdf"  # a numeric region not read into facts: partial
READ_WHOLE = "000_2fa4f77e9635ad75.txt"
ITS_PDF = "000_2fa4f77e9635ad75.pdf"  # the same report: one of the two is a copy
NOT_A_PDF = REPO_ROOT / "tests" / "fixtures" / "hostile" / "saved_web_page.pdf"
BROKEN = NOT_A_PDF.name
REPORTS = (READ_WHOLE, ITS_PDF, PARTIAL, BROKEN)
CHECK_PAGE = "/assets/extracted/reports?view=checks&checkDetail=report_read"
# the verdict's tag beside the selected partition's name in the check's Partitions tab
TAG_OF_SELECTED = (
    "//div[span/div[@title='{name}']]//div[contains(concat(' ', @class, ' '), ' BaseTag ')]"
)
WAIT_MS = 60_000  # the UI's first queries load the code location's partitions: slow when busy


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[str, dict[str, str], Path]]:
    """Build the reports into a Dagster home, serve it; return its URL, dim_report statuses
    and the build's folder."""
    root = tmp_path_factory.mktemp("ui_report_fate")
    raw = root / "raw"
    raw.mkdir()
    for name in (READ_WHOLE, ITS_PDF, PARTIAL):
        shutil.copyfile(SAMPLES / name, raw / name)
    shutil.copyfile(NOT_A_PDF, raw / BROKEN)
    env = webserver_env(root)
    warehouse = root / "out" / "warehouse.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DAGSTER_HOME", env["DAGSTER_HOME"])
        build = run_cli(raw, warehouse)
    assert build.status == 0, build.err
    with duckdb.connect(str(warehouse), read_only=True) as con:
        statuses = dict(con.execute("select file_name, status from dim_report").fetchall())
    port = free_port()
    log = root / "webserver.log"
    command = [str(WEBSERVER), "-m", "orchestration.definitions", "-h", HOST, "-p", str(port)]
    with open(log, "w") as out:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        url = f"http://{HOST}:{port}"
        wait_until_served(url, process, log)
        yield url, statuses, root
    finally:
        stop(process)


def listed(page: Page, url: str, status: str, expected: str) -> set[str]:
    """Given a partition status, open the asset's partitions view filtered to it; return the
    report files listed (once `expected` shows)."""
    page.goto(f"{url}/assets/extracted/reports?view=partitions&status={status}", timeout=WAIT_MS)
    visible(page, expected).first.wait_for(timeout=WAIT_MS)
    return {name for name in REPORTS if visible(page, name).count()}


def visible(page: Page, text: str) -> Locator:
    """Given a page and a text, return the elements showing exactly it (not the hidden copy
    Dagster measures truncated names with)."""
    return page.get_by_text(text, exact=True).locator("visible=true")


def check_tag(page: Page, name: str) -> tuple[str, str, str]:
    """Given the check's Partitions tab, select a partition; return its verdict's tag: text,
    icon and colour."""
    visible(page, name).first.click(timeout=WAIT_MS)
    tag = page.locator(TAG_OF_SELECTED.format(name=name)).first
    tag.wait_for(timeout=WAIT_MS)
    colour = re.search(
        r"--tag-fill-color: var\(--color-background-(\w+)\)", tag.get_attribute("style")
    )
    icon = tag.locator("[role=img]").first.get_attribute("aria-label")
    return tag.inner_text().strip(), icon, colour.group(1) if colour else ""


def style(element: Locator) -> str:
    """Given an element, return its inline style (its colours are CSS variables there)."""
    return element.get_attribute("style") or ""


def test_the_broken_file_is_red_and_the_partial_one_warned_by_file_name(served, tmp_path):
    url, statuses, _ = served
    assert statuses == {READ_WHOLE: "ok", ITS_PDF: "ok", PARTIAL: "partial", BROKEN: "failed"}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            failed = listed(page, url, "FAILED", BROKEN)
            materialized = listed(page, url, "MATERIALIZED", PARTIAL)
            page.goto(url + CHECK_PAGE, timeout=WAIT_MS)
            page.locator("button[role=tab]", has_text="Partitions").click(timeout=WAIT_MS)
            tags = {name: check_tag(page, name) for name in REPORTS}
            page.screenshot(path=str(tmp_path / "report_read_partitions.png"))
        finally:
            browser.close()
    assert failed == {BROKEN}
    assert materialized == {READ_WHOLE, ITS_PDF, PARTIAL}
    assert tags == {
        READ_WHOLE: ("Passed", "check_circle", "green"),
        ITS_PDF: ("Passed", "check_circle", "green"),
        PARTIAL: ("Failed", "warning_outline", "yellow"),
        BROKEN: ("Failed", "cancel", "red"),
    }


def test_the_card_of_a_copy_counts_its_facts_from_facts_all_copies(served, tmp_path):
    _, _, root = served
    out = root / "out"
    index = write_cards(out / "extracted", root / "raw", out / "warehouse.duckdb", tmp_path)
    with duckdb.connect(str(out / "warehouse.duckdb"), read_only=True) as con:
        copy, canonical = con.execute(
            "select copy.file_name, canonical.file_name from report_copies as copy"
            " inner join report_copies as canonical"
            " on canonical.report_key = copy.canonical_report_key"
            " where not copy.is_canonical"
        ).fetchone()
        kept = con.execute(
            "select count(*) from facts_all_copies inner join dim_report using (report_key)"
            " where file_name = ? and table_id is not null",
            [copy],
        ).fetchone()[0]
    card = (index.parent / f"{copy}.html").read_text(encoding="utf-8")
    per_table = dict(re.findall(r"<h3>Table (\d+), page \d+[^:]*: (\d+) facts", card))
    counted = sum(int(facts) for facts in per_table.values())
    assert {copy, canonical} == {READ_WHOLE, ITS_PDF}
    assert f"A copy of {canonical}" in card
    assert kept > 0 and counted == kept
