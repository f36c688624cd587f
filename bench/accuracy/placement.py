"""Is each table figure stored in its own row? Right row, wrong row or not stored, per document.

A table figure is a gold fact with a row label. It is in the right row when a
warehouse row with its label holds its size (any measure, year or sign: that
is the meaning score's business), and in a wrong row when only rows of other
labels hold it, none of which prints that size itself. Facts read from prose
have no row and hold no table figure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bench.accuracy.compare import GoldFact, WarehouseFact, normalise_label, same_size


@dataclass
class Placement:
    """Counts of table figures by where the warehouse stored them."""

    right: int = 0
    wrong: int = 0
    absent: int = 0

    @property
    def total(self) -> int:
        """Given the counts, return the table figures placed."""
        return self.right + self.wrong + self.absent

    @property
    def right_pct(self) -> float:
        """Given the counts, return right rows as a percent of all (100 when there is nothing)."""
        return 100.0 * self.right / self.total if self.total else 100.0

    def __iadd__(self, other: Placement) -> Placement:
        self.right += other.right
        self.wrong += other.wrong
        self.absent += other.absent
        return self


def is_table_figure(fact: GoldFact) -> bool:
    """Given a gold fact, return whether it is printed in a table row with a label."""
    return bool(fact.row_label and fact.line_item)


def place(fact: GoldFact, rows: list[WarehouseFact], sizes_by_label: dict[str, list]) -> str:
    """Given a table figure and its document's rows of its relation, return right|wrong|absent."""
    label = normalise_label(fact.line_item)
    holders = [row for row in rows if row.from_table and same_size(fact, row.value)]
    if any(label in {normalise_label(text) for text in row.labels} for row in holders):
        return "right"
    if not fact.value:
        return "absent"  # a zero in another row tells nothing about this one
    for row in holders:
        own = {normalise_label(text) for text in row.labels}
        printed_there = any(
            same_size(fact, value) for name in own for value in sizes_by_label[name]
        )
        if own and not printed_there:
            return "wrong"
    return "absent"


def placements(gold: Iterable[GoldFact], rows: Iterable[WarehouseFact]) -> dict[str, Placement]:
    """Given gold facts and warehouse rows, return the row placement of each document's figures."""
    gold = [fact for fact in gold if is_table_figure(fact)]
    by_document: dict[tuple[str, str], list[WarehouseFact]] = defaultdict(list)
    for row in rows:
        by_document[(row.document, row.relation)].append(row)
    sizes: dict[tuple[str, str], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for fact in gold:
        sizes[(fact.document, fact.relation)][normalise_label(fact.line_item)].append(fact.value)
    result: dict[str, Placement] = defaultdict(Placement)
    for fact in gold:
        key = (fact.document, fact.relation)
        where = place(fact, by_document.get(key, []), sizes[key])
        setattr(result[fact.document], where, getattr(result[fact.document], where) + 1)
    return dict(result)
