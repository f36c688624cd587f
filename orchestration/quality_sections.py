"""The parts of the quality report, each from rows already read: HTML text, every value escaped.

A new section is one more function here taking its rows and returning its
HTML, and one query and one call in `orchestration.quality_report`.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

from expectations.runner import SuiteOutcome

STYLE = """body{font-family:sans-serif;margin:2em;max-width:80em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1em}
td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px;text-align:left;vertical-align:top}
td.n{text-align:right;white-space:nowrap}th{background:#f3f3f3}
section{border-top:1px solid #999;margin-top:1.5em}
.failed,.partial,.broken,.fail,.error{color:#b00}.ok,.held,.pass{color:#070}
.not_checked,.warn{color:#a60}.note{color:#555;font-size:13px}"""
STAFFING = "fct_staffing"  # its checks count people: no money unit


def escape(value: object) -> str:
    """Given any value, return it as HTML text (None as empty)."""
    return "" if value is None else html.escape(str(value), quote=True)


def page(title: str, body: str) -> str:
    """Given a title and body HTML, return a whole page that asks for nothing outside itself."""
    return (
        f'<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>{escape(title)}'
        f"</title><style>{STYLE}</style></head><body>{body}</body></html>"
    )


def printed_number(value: float | None, factor_sek: float | None) -> str:
    """Given an amount in SEK and SEK per printed unit, return it as a Swedish page prints it."""
    if value is None:
        return "unreadable"
    # to the krona: a 3 000 SEK gap under totals printed in mnkr to three decimals must show
    decimals = max(0, round(math.log10(factor_sek))) if factor_sek else 2
    amount = round(value / factor_sek if factor_sek else value, decimals) + 0.0  # + 0.0: no "-0"
    text = f"{amount:,.{decimals}f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return text.replace(",", " ").replace(".", ",")


def printed_figure(value: float | None, check: dict) -> str:
    """Given one figure of a check, return it in the unit its page prints (`-26 620 tkr`)."""
    number = printed_number(value, check["factor_sek"])
    if value is None or check["relation"] == STAFFING:
        return number
    return f"{number} {check['unit']}" if check["factor_sek"] else f"{number} (unit unknown)"


def failure_line(check: dict) -> str:
    """Given a failing reconciliation check, return it by page, table and line, as printed."""
    table = f", table {check['table_id']}" if check.get("table_id") is not None else ""
    return (
        f"p. {check.get('page')}{table}: {check.get('line_item')} [{check.get('measure')}] "
        f"{check.get('check_name')}: printed {printed_figure(check.get('expected'), check)}, "
        f"its parts give {printed_figure(check.get('actual'), check)}, "
        f"difference {printed_figure(check.get('difference'), check)}"
    )


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: set[int]) -> str:
    """Given headers and rows of HTML cells, return an HTML table (numeric columns right)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{cell}</td>' if i in numeric else f"<td>{cell}</td>"
            for i, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _where(file_name: str, row: dict) -> str:
    """Given a file name and a row with page and table_id, return where to look, escaped."""
    table = f", table {row['table_id']}" if row.get("table_id") is not None else ""
    page_no = f"p. {row['page']}" if row.get("page") is not None else "page unknown"
    return escape(f"{file_name}, {page_no}{table}")


def _failed_row(file_name: str, check: dict) -> list[str]:
    """Given a failing check, return its cells: where, line, figures in the printed unit."""
    as_printed = check["amount_as_printed"]
    detail = "; ".join(filter(None, [as_printed and f"printed as {as_printed}", check["detail"]]))
    return [
        _where(file_name, check),
        escape(check["line_item"]),
        escape(check["measure"]),
        escape(check["check_name"]),
        escape(printed_figure(check["expected"], check)),
        escape(printed_figure(check["actual"], check)),
        escape(printed_figure(check["difference"], check)),
        escape(detail),
    ]


def failed_checks_html(file_name: str, checks: list[dict]) -> str:
    """Given a report's failing checks, ordered by page and line, return their table."""
    headers = ("Where", "Line", "Measure", "Check", "Printed", "Its parts give", "Difference")
    rows = [_failed_row(file_name, check) for check in checks]
    return _table((*headers, "Detail"), rows, numeric={4, 5, 6}) if rows else "<p>none</p>"


def not_checked_html(file_name: str, checks: list[dict]) -> str:
    """Given a report's checks that could not be made, return their table with the reason."""
    rows = [
        [_where(file_name, c), escape(c["line_item"]), escape(c["measure"]),
         escape(c["check_name"]), escape(c["not_checked_reason"])]
        for c in checks
    ]  # fmt: skip
    headers = ("Where", "Line", "Measure", "Check", "Why not checked")
    return _table(headers, rows, numeric=set()) if rows else "<p>none</p>"


def unread_html(file_name: str, regions: list[dict]) -> str:
    """Given a report's numeric regions not read into facts, return their table with the reason."""
    rows = [[_where(file_name, r), escape(r["region"]), escape(r["reason"])] for r in regions]
    return _table(("Where", "Region", "Why not read"), rows, numeric=set()) if rows else ""


def withheld_html(file_name: str, breaches: list[dict]) -> str:
    """Given a report's rows withheld for breaking the contract, return their table, if any."""
    rows = [
        [_where(file_name, b), escape(b["relation"]), escape(b["rule"]), escape(b["column_name"]),
         escape(b["fact_key"]), str(b["rows_withheld"]), escape(b["value"]), escape(b["reason"])]
        for b in breaches
    ]  # fmt: skip
    headers = ("Where", "Fact table", "Rule", "Column", "Fact key", "Rows", "Value", "Reason")
    table = _table(headers, rows, numeric={5})
    return f"<h4>Withheld for breaking the contract</h4>{table}" if rows else ""


def report_html(report: dict, checks: list[dict], unread: list[dict], withheld: list[dict]) -> str:
    """Given one report, its failing and unchecked checks, unread and withheld rows: its section."""
    name, status = report["file_name"], report["status"]
    failed = [c for c in checks if c["status"] == "failed"]
    skipped = [c for c in checks if c["status"] == "not_checked"]
    error = f" ({escape(report['error'])})" if report["error"] else ""
    unread_part = f"<h4>Not read into facts</h4>{unread_html(name, unread)}" if unread else ""
    return (
        f'<section data-file="{escape(name)}"><h3>{escape(name)}</h3>'
        f'<p>Status: <span class="{escape(status)}">{escape(status)}</span>{error}; '
        f"{len(failed)} failing checks, {len(skipped)} not checked.</p>"
        f"<h4>Failing checks</h4>{failed_checks_html(name, failed)}"
        f"<h4>Not checked</h4>{not_checked_html(name, skipped)}{unread_part}"
        f"{withheld_html(name, withheld)}</section>"
    )


def summary_html(reports: list[dict], counts: dict[str, int]) -> str:
    """Given every report and the checks per status, return the build's summary paragraph."""
    by_status: dict[str, int] = {}
    for report in reports:
        by_status[report["status"]] = by_status.get(report["status"], 0) + 1
    statuses = ", ".join(f"{n} {escape(s)}" for s, n in sorted(by_status.items()))
    checks = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("passed", "failed", "not_checked"))
    return (
        f"<p>{len(reports)} reports ({statuses}); reconciliation checks: {checks}.</p>"
        '<p class="note">Figures are in the unit the page prints, signed as in the warehouse '
        "(money out negative, deviations favourable-positive); <em>printed as</em> gives the "
        "figure's text on the page. Every check is in the table quality_reconciliation.</p>"
    )


def contract_html(outcomes: Sequence[SuiteOutcome]) -> str:
    """Given the contract suites' outcomes, return each expectation's verdict."""
    if not outcomes:
        return "<h2>Contract</h2><p>No contract suite ran for this build.</p>"
    rows = [
        [escape(suite.suite_name), escape(e.expectation), escape(e.column),
         '<span class="held">held</span>' if e.success else '<span class="broken">broken</span>',
         str(len(e.unexpected_index)), escape(e.error)]
        for suite in outcomes
        for e in suite.expectations
    ]  # fmt: skip
    headers = ("Suite", "Expectation", "Column", "Verdict", "Rows rejected", "Error")
    return f"<h2>Contract (Great Expectations)</h2>{_table(headers, rows, numeric={4})}"


def dbt_tests_html(run_results: dict | None) -> str:
    """Given dbt's run_results.json, return its data tests' outcome, those not passing listed."""
    if not run_results:
        return "<h2>dbt tests</h2><p>No dbt results for this build.</p>"
    tests = [r for r in run_results.get("results", []) if r["unique_id"].startswith("test.")]
    counts: dict[str, int] = {}
    for test in tests:
        counts[test["status"]] = counts.get(test["status"], 0) + 1
    rows = [
        [escape(t["unique_id"].split(".")[2]), f'<span class="{escape(t["status"])}">'
         f'{escape(t["status"])}</span>', str(t.get("failures") or 0), escape(t.get("message"))]
        for t in tests
        if t["status"] != "pass"
    ]  # fmt: skip
    listed = _table(("Test", "Status", "Failures", "Message"), rows, numeric={2}) if rows else ""
    summary = ", ".join(f"{n} {escape(s)}" for s, n in sorted(counts.items()))
    return f"<h2>dbt tests</h2><p>{len(tests)} tests: {summary or 'none'}.</p>{listed}"
