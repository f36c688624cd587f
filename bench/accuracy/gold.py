"""Read the hand-written gold facts (bench/gold/<document>.csv) and the unreadable cells."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from bench.accuracy.compare import UNIT_FACTORS, GoldFact

GOLD_DIR = Path(__file__).resolve().parent.parent / "gold"
UNREADABLE_FILE = "unreadable.csv"
RELATIONS = frozenset(
    {"fct_operating_budget", "fct_investment_budget", "fct_staffing", "fct_sick_leave"}
)


@dataclass(frozen=True)
class UnreadableCell:
    """A printed cell that cannot be read as a number: the warehouse must keep it, flagged."""

    document: str
    relation: str
    line_item: str
    measure: str
    fiscal_year: int | None
    as_printed: str


def _year(text: str) -> int | None:
    """Given a fiscal_year cell, return the year, or None when the gold leaves it open."""
    return int(text) if text.strip() else None


def row_to_fact(document: str, row: dict[str, str]) -> GoldFact:
    """Given a document id and one gold CSV row, return the gold fact, or raise ValueError."""
    if row["relation"] not in RELATIONS or row["unit"] not in UNIT_FACTORS:
        raise ValueError(f"{document}: bad relation or unit in {row}")
    return GoldFact(
        document=document,
        relation=row["relation"],
        line_item=row["line_item"],
        measure=row["measure"],
        fiscal_year=_year(row["fiscal_year"]),
        value=float(row["value"]),
        unit=row["unit"],
        as_printed=row["as_printed"],
        row_label=row_label(row),
    )


def row_label(row: dict[str, str]) -> str:
    """Given a gold CSV row, return the label of its table row (empty for running text).

    Generated gold states it (`row_label`); the hand-written gold's money
    tables are labelled by their line item.
    """
    if "row_label" in row:
        return row["row_label"] or ""
    money = row["relation"] in {"fct_operating_budget", "fct_investment_budget"}
    return row["line_item"] if money else ""


def read_gold(gold_dir: Path = GOLD_DIR) -> dict[str, list[GoldFact]]:
    """Given the gold folder, return the gold facts of each document id (file stem)."""
    gold = {}
    for path in sorted(gold_dir.glob("*.csv")):
        if path.name == UNREADABLE_FILE:
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            gold[path.stem] = [row_to_fact(path.stem, row) for row in csv.DictReader(handle)]
    return gold


def read_unreadable(gold_dir: Path = GOLD_DIR) -> list[UnreadableCell]:
    """Given the gold folder, return the cells that must stay unread (NULL) in the warehouse."""
    with (gold_dir / UNREADABLE_FILE).open(encoding="utf-8", newline="") as handle:
        return [
            UnreadableCell(
                document=row["document"],
                relation=row["relation"],
                line_item=row["line_item"],
                measure=row["measure"],
                fiscal_year=_year(row["fiscal_year"]),
                as_printed=row["as_printed"],
            )
            for row in csv.DictReader(handle)
        ]
