"""Build a warehouse from one rendering of the corpus and read its facts for scoring."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from bench.accuracy.compare import WarehouseFact
from bench.accuracy.gold import UnreadableCell

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILD_COMMAND = ("-m", "orchestration.cli", "build")
QUIET_ENV = {"DO_NOT_TRACK": "1", "GX_ANALYTICS_ENABLED": "false"}

# The labels (SQL over alias `fact`) a fact relation may know a printed row by.
LABEL_COLUMNS = {
    "fct_operating_budget": ("fact.line_item",),
    "fct_investment_budget": ("fact.project", "concat_ws(' ', fact.project, fact.project_code)"),
    "fct_staffing": ("fact.metric",),
    "fct_sick_leave": ("fact.population",),
}
# fct_sick_leave holds one column per measure (rate, target) instead of a measure column.
SICK_LEAVE_MEASURES = ("sick_leave_pct", "target_pct")
# Where a fact's year comes from when the relation has no fiscal_year column.
YEAR_FALLBACKS = {"fct_staffing": "year(fact.as_of)"}


@dataclass(frozen=True)
class Build:
    """One built warehouse: where it is, whether the build succeeded, and its log."""

    warehouse: Path
    ok: bool
    log: str

    @property
    def scorable(self) -> Path | None:
        """Given the build, return the warehouse to score: the published one, or the unpublished
        build a failed contract check left beside it (FILE.building), or None."""
        if self.ok:
            return self.warehouse
        unpublished = self.warehouse.with_name(self.warehouse.name + ".building")
        return unpublished if unpublished.exists() else None


def build_rendering(corpus_dir: Path, work_dir: Path) -> Build:
    """Given a rendering's folder of reports, copy them to a fresh raw folder and build."""
    if work_dir.exists():
        shutil.rmtree(work_dir)
    raw_dir = work_dir / "raw"
    raw_dir.mkdir(parents=True)
    for path in sorted(corpus_dir.iterdir()):
        if path.is_file():
            shutil.copy2(path, raw_dir / path.name)
    warehouse = work_dir / "warehouse.duckdb"
    command = [sys.executable, *BUILD_COMMAND, "--raw-dir", str(raw_dir), "--warehouse"]
    done = subprocess.run(
        [*command, str(warehouse)],
        cwd=REPO_ROOT,
        env={**os.environ, **QUIET_ENV},
        capture_output=True,
        text=True,
        check=False,
    )
    log = done.stdout + done.stderr
    (work_dir / "build.log").write_text(log, encoding="utf-8")
    return Build(warehouse, done.returncode == 0 and warehouse.exists(), log)


def _columns(con: duckdb.DuckDBPyConnection, relation: str) -> set[str]:
    """Given a connection and a relation name, return its column names (empty if absent)."""
    rows = con.execute(
        "select column_name from information_schema.columns where table_name = ?", [relation]
    ).fetchall()
    return {name for (name,) in rows}


def _year_expression(relation: str, columns: set[str]) -> str:
    """Given a fact relation and its columns, return the SQL for a fact's fiscal year."""
    if "fiscal_year" in columns:
        return "fact.fiscal_year"
    fallback = YEAR_FALLBACKS.get(relation, "null")
    return f"coalesce({fallback}, period.fiscal_year)"


def _value_columns(relation: str, columns: set[str]) -> list[tuple[str, str]]:
    """Given a fact relation and its columns, return (measure SQL, value SQL) pairs."""
    if relation == "fct_sick_leave":
        return [(f"'{name}'", f"fact.{name}") for name in SICK_LEAVE_MEASURES if name in columns]
    # Percent measures (consumption_pct) may sit beside the money in their own column.
    names = [f"fact.{name}" for name in ("amount_sek", "amount_pct", "value") if name in columns]
    value = f"coalesce({', '.join(names)})" if len(names) > 1 else names[0]
    return [("fact.measure", value)]


def _relation_sql(relation: str, columns: set[str], measure: str, value: str) -> str:
    """Given a relation, its columns and one measure/value pair, return the fact query."""
    labels = ", ".join(LABEL_COLUMNS[relation])
    in_table = "fact.table_id is not null" if "table_id" in columns else "true"
    return (
        f"select report.file_name, [{labels}], {measure}, "
        f"{_year_expression(relation, columns)}, {value}, {in_table} "
        f"from {relation} as fact "
        "join dim_report as report on report.report_key = fact.report_key "
        "left join dim_period as period on period.period_key = report.period_key"
    )


def _relation_facts(
    con: duckdb.DuckDBPyConnection, relation: str, columns: set[str]
) -> list[WarehouseFact]:
    """Given a connection and a fact relation with its columns, return its rows as facts."""
    facts = []
    for measure, value in _value_columns(relation, columns):
        sql = _relation_sql(relation, columns, measure, value)
        for file_name, labels, measure_name, year, amount, in_table in con.execute(sql).fetchall():
            facts.append(
                WarehouseFact(
                    document=Path(file_name).stem,
                    relation=relation,
                    labels=tuple(label for label in labels if label),
                    measure=measure_name,
                    fiscal_year=int(year) if year is not None else None,
                    value=float(amount) if amount is not None else None,
                    from_table=in_table,
                )
            )
    return facts


def read_facts(warehouse: Path) -> tuple[list[WarehouseFact], list[str]]:
    """Given a built warehouse, return its fact rows and the fact relations it lacks."""
    facts, absent = [], []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for relation in LABEL_COLUMNS:
            columns = _columns(con, relation)
            if columns:
                facts += _relation_facts(con, relation, columns)
            else:
                absent.append(relation)
    return facts, absent


def unreadable_status(
    warehouse: Path, cells: list[UnreadableCell]
) -> list[tuple[UnreadableCell, str]]:
    """Given a warehouse and the unreadable cells, return whether each is kept unread."""
    statuses = []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for cell in cells:
            if "amount_as_printed" not in _columns(con, cell.relation):
                statuses.append((cell, "absent (no amount_as_printed column)"))
                continue
            values = con.execute(
                f"select fact.amount_sek from {cell.relation} as fact "
                "join dim_report as report on report.report_key = fact.report_key "
                "where regexp_replace(trim(fact.amount_as_printed), '\\s+', ' ', 'g') = ? "
                "and regexp_replace(report.file_name, '\\.[^.]*$', '') = ?",
                [" ".join(cell.as_printed.split()), cell.document],
            ).fetchall()
            statuses.append((cell, _unreadable_verdict([value for (value,) in values])))
    return statuses


def _unreadable_verdict(values: list[float | None]) -> str:
    """Given the amounts stored for an unreadable cell, return a one-line verdict."""
    if not values:
        return "absent: not kept as printed"
    guessed = [value for value in values if value is not None]
    if guessed:
        return f"GUESSED: stored as {guessed[0]:,.0f}"
    return "kept as printed, amount NULL"
