"""Given a build, write an offline HTML report card per report and an index.

A card shows, per table and page, where it was printed (a crop of that PDF
page around the table's cells on it, rendered with pypdfium2) beside the
numbers read there, so a table printed over three pages shows three crops; how
many facts the table gave and whether its totals agree, then every failed
reconciliation by page, table and line, in the unit the page prints. A
report's status is dim_report's, the same as the CLI, the quality report and
Dagster give; a copy of another report file (report_copies) counts its facts
in facts_all_copies, as the fact tables hold the canonical copy's only. Cards
are named by file. Everything is local: no CSS or script from a network,
images beside the HTML. Run `python -m orchestration.report_cards WAREHOUSE RAW_DIR`.
"""

import html
import re
import sys
from pathlib import Path

import duckdb
import polars as pl
import pypdfium2

from orchestration.quality_sections import failure_line

CROP_MARGIN = 6.0  # points around the cells' box, so the table's rules show
CROP_SCALE = 2.0  # pixels per point: legible digits at a modest file size
STYLE = """body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px}td.n{text-align:right}
.table{display:flex;gap:2em;align-items:flex-start;margin:1em 0}
img{border:1px solid #999;max-width:55vw}
.unverified,.failed,.partial{color:#b00}.verified,.ok{color:#070}"""
UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]+")  # file names come from whoever filled the folder
FAILURE_COLUMNS = (
    "page", "table_id", "relation", "line_item", "check_name", "measure", "unit", "factor_sek",
    "expected", "actual", "difference",
)  # fmt: skip


def table_boxes(cells: pl.DataFrame) -> pl.DataFrame:
    """Given a report's cells, return each table's box on each page it is printed on (PDF
    points, from that page's cells only) and how many pages the table spans."""
    return (
        cells.group_by("table_id", "page")
        .agg(pl.col("x0").min(), pl.col("top").min(), pl.col("x1").max(), pl.col("bottom").max())
        .with_columns(pl.col("page").rank("dense").over("table_id").alias("part"))
        .with_columns(pl.len().over("table_id").alias("parts"))
        .sort("table_id", "page")
    )


def card_names(file_names: list[str]) -> dict[str, str]:
    """Given the reports' file names, return each its card's name: the file name with
    anything but letters, digits, dot, dash and underscore as `_`, numbered if taken."""
    names: dict[str, str] = {}
    for file_name in file_names:
        stem = UNSAFE_IN_NAME.sub("_", file_name)
        name, number = stem, 1
        while name in names.values():
            number += 1
            name = f"{stem}_{number}"
        names[file_name] = name
    return names


def crop_table(pdf: Path, page: int, box: tuple[float, float, float, float], out: Path) -> Path:
    """Given a PDF, a 1-based page and a box (x0, top, x1, bottom), write its PNG crop."""
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        sheet = document[page - 1]
        width, height = sheet.get_size()
        x0, top, x1, bottom = box
        crop = (
            max(x0 - CROP_MARGIN, 0),
            max(height - bottom - CROP_MARGIN, 0),
            max(width - x1 - CROP_MARGIN, 0),
            max(top - CROP_MARGIN, 0),
        )
        sheet.render(scale=CROP_SCALE, crop=crop).to_pil().save(out)
    finally:
        document.close()
    return out


def _warehouse_rows(warehouse: Path | None, sql: str, key: str) -> list[tuple]:
    """Given the warehouse (or none), return a query's rows for one report ([] without it)."""
    if warehouse is None or not Path(warehouse).exists():
        return []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, {"key": key}).fetchall()


def _facts_per_table(warehouse: Path | None, key: str) -> dict[int, tuple[int, str]]:
    """Given the warehouse and a report, return table_id -> (facts, verification_status).

    From facts_all_copies, which holds every report file's facts: the fact tables hold
    only the canonical copy's, so a copy's tables would read as giving none.
    """
    sql = (
        "select fact.table_id, count(*),"
        " coalesce(any_value(verdict.verification_status), 'not_checked')"
        " from facts_all_copies as fact"
        " left join reconciliation_table_status as verdict using (report_key, relation, table_id)"
        " where fact.report_key = $key and fact.table_id is not null group by 1"
    )
    return {row[0]: (row[1], row[2]) for row in _warehouse_rows(warehouse, sql, key)}


def _copy_note(warehouse: Path | None, key: str) -> str:
    """Given the warehouse and a report, return a line naming the file it is a copy of, if any."""
    sql = (
        "select canonical.file_name, copy.canonical_reason from report_copies as copy"
        " inner join report_copies as canonical"
        " on canonical.report_key = copy.canonical_report_key"
        " where copy.report_key = $key and not copy.is_canonical"
    )
    rows = _warehouse_rows(warehouse, sql, key)
    if not rows:
        return ""
    canonical, reason = (html.escape(value or "") for value in rows[0])
    return (
        f"<p>A copy of {canonical} ({reason}): the fact tables hold that file's facts; "
        "this file's are in facts_all_copies, counted below.</p>"
    )


def _failures(warehouse: Path | None, key: str) -> list[dict]:
    """Given the warehouse and a report, return its failed reconciliations by page, table, line."""
    sql = (
        f"select {', '.join(FAILURE_COLUMNS)} from quality_reconciliation"
        " where report_key = $key and status = 'failed'"
        " order by page nulls last, table_id, row_index, col_index, measure"
    )
    rows = _warehouse_rows(warehouse, sql, key)
    return [dict(zip(FAILURE_COLUMNS, row, strict=True)) for row in rows]


def _fate(warehouse: Path | None, report: dict) -> tuple[str, str]:
    """Given the warehouse and a report row as extracted, return its status and error.

    dim_report's when the report is built: dbt makes a report read whole `partial` for
    numeric tables not read into facts or rows withheld, `failed` when nothing is left.
    """
    sql = "select status, error from dim_report where report_key = $key"
    built = _warehouse_rows(warehouse, sql, report["report_key"])
    status, error = built[0] if built else (report["status"], report["error"])
    return status, error or ""


def _numbers_html(cells: pl.DataFrame) -> str:
    """Given one table's cells on one page, return them as an HTML grid, as read."""
    grid: dict[int, dict[int, str]] = {}
    for cell in cells.iter_rows(named=True):
        grid.setdefault(cell["row_index"], {})[cell["col_index"]] = cell["text"] or ""
    width = 1 + max((max(row) for row in grid.values()), default=0)
    rows = "".join(
        "<tr>"
        + "".join(f'<td class="n">{html.escape(grid[r].get(c, ""))}</td>' for c in range(width))
        + "</tr>"
        for r in sorted(grid)
    )
    return f"<table>{rows}</table>"


def _table_html(report: dict, cells: pl.DataFrame, box: dict, images: Path, facts: dict) -> str:
    """Given one table's box and cells on one page, return its section: that page's crop and
    numbers, and the table's facts and status."""
    table_id, page = box["table_id"], box["page"]
    n_facts, status = facts.get(table_id, (0, "not_checked"))
    part = f" (part {box['part']} of {box['parts']})" if box["parts"] > 1 else ""
    picture = ""
    if report["file_format"] == "pdf":
        name = f"{report['card_name']}_t{table_id}_p{page}.png"
        bounds = (box["x0"], box["top"], box["x1"], box["bottom"])
        crop_table(Path(report["path"]), page, bounds, images / name)
        picture = f'<img src="images/{name}" alt="table {table_id} as printed on page {page}">'
    on_page = cells.filter((pl.col("table_id") == table_id) & (pl.col("page") == page))
    return (
        f'<h3>Table {table_id}, page {page}{part}: {n_facts} facts, <span class="{status}">'
        f'{status}</span></h3><div class="table">{picture}{_numbers_html(on_page)}</div>'
    )


def write_card(report: dict, extracted: Path, warehouse: Path | None, out_dir: Path) -> Path:
    """Given a report row (with its file `path` and `card_name`), write its card; return it."""
    key = report["report_key"]
    cells_file = extracted / "cells" / f"{key}.parquet"
    cells = pl.read_parquet(cells_file) if cells_file.exists() else pl.DataFrame()
    images = out_dir / "images"
    images.mkdir(parents=True, exist_ok=True)
    facts = _facts_per_table(warehouse, key)
    boxes = table_boxes(cells).iter_rows(named=True) if len(cells) else []
    sections = "".join(_table_html(report, cells, box, images, facts) for box in boxes)
    failures = "".join(
        f"<li>{html.escape(failure_line(check))}</li>" for check in _failures(warehouse, key)
    )
    title = html.escape(report["file_name"])
    status, error = report["status"], html.escape(report["error"])
    body = (
        f'<h1>{title}</h1><p>Status: <span class="{status}">{status}</span> {error}</p>'
        f"{_copy_note(warehouse, key)}"
        f"<p>{report['page_count']} pages.</p><h2>Reconciliation failures</h2>"
        f"<ul>{failures or '<li>none</li>'}</ul><h2>Tables</h2>{sections or '<p>none</p>'}"
    )
    card = out_dir / f"{report['card_name']}.html"
    card.write_text(_page(title, body), encoding="utf-8")
    return card


def _page(title: str, body: str) -> str:
    """Given a title and body HTML, return a whole self-contained page."""
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{STYLE}</style></head><body>{body}</body></html>"
    )


def write_cards(extracted: Path, raw_dir: Path, warehouse: Path | None, out_dir: Path) -> Path:
    """Given the extracted folder, the reports and the warehouse, write all cards and an index."""
    reports_glob = str(extracted / "reports" / "*.parquet")
    reports = pl.read_parquet(reports_glob).sort("file_name").to_dicts()
    out_dir.mkdir(parents=True, exist_ok=True)
    links = []
    names = card_names([report["file_name"] for report in reports])
    for report in reports:
        report["path"] = str(Path(raw_dir) / report["file_name"])
        report["card_name"] = names[report["file_name"]]
        report["status"], report["error"] = _fate(warehouse, report)
        card = write_card(report, extracted, warehouse, out_dir)
        status = report["status"]
        links.append(
            f'<li><a href="{card.name}">{html.escape(report["file_name"])}</a>'
            f' <span class="{status}">{status}</span></li>'
        )
    index = out_dir / "index.html"
    index.write_text(_page("Report cards", f"<h1>Reports</h1><ul>{''.join(links)}</ul>"), "utf-8")
    return index


if __name__ == "__main__":
    warehouse_arg, raw_arg = Path(sys.argv[1]), Path(sys.argv[2])
    made = write_cards(
        warehouse_arg.parent / "extracted", raw_arg, warehouse_arg, warehouse_arg.parent / "cards"
    )
    print(f"report cards: {made}")
