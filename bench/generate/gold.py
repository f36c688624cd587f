"""Write a generated document's gold facts in the format of bench/gold/*.csv.

The columns of bench/gold/README.md, then `row_label`: the label printed in
the figure's table row (empty for a figure in running text), which the
row-placement score needs; the accuracy harness ignores unknown columns.
"""

from __future__ import annotations

import csv
from pathlib import Path

from bench.generate.document import GoldRow

COLUMNS = (
    "relation",
    "line_item",
    "measure",
    "fiscal_year",
    "value",
    "unit",
    "as_printed",
    "page_hint",
    "row_label",
)
UNREADABLE_COLUMNS = ("document", "relation", "line_item", "measure", "fiscal_year", "as_printed")


def value_text(value: float) -> str:
    """Given a gold value, return it as the gold files write it (integers without a point)."""
    return str(int(value)) if float(value).is_integer() else f"{value:.4f}".rstrip("0")


def write_gold(rows: list[GoldRow], path: Path) -> None:
    """Given gold rows, write them to one gold CSV file."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow(
                [
                    row.relation,
                    row.line_item,
                    row.measure,
                    row.fiscal_year or "",
                    value_text(row.value),
                    row.unit,
                    row.as_printed,
                    "",
                    row.row_label,
                ]
            )


def write_unreadable(path: Path) -> None:
    """Given a path, write an empty list of unreadable cells: every generated cell is whole."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerow(UNREADABLE_COLUMNS)
