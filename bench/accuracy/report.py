"""Format accuracy results as Markdown (printed to the terminal and written to a file)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.accuracy.compare import Score, Verdict, WarehouseFact, total
from bench.accuracy.gold import UnreadableCell

# A rendering passes when no gold value is wrong and at least this share is found.
MIN_FOUND_PCT = 98.0
LOG_TAIL_LINES = 15


@dataclass
class RenderingResult:
    """The scores of one rendering, with what went wrong around them."""

    rendering: str
    documents: list[str]
    scores: dict[str, Score]
    built: bool = True
    log: str = ""
    absent_relations: list[str] = field(default_factory=list)
    unreadable: list[tuple[UnreadableCell, str]] = field(default_factory=list)
    extra: list[WarehouseFact] = field(default_factory=list)  # rows no gold fact names

    @property
    def summed(self) -> Score:
        """Given the document scores, return the rendering's total."""
        return total(self.scores.values())

    @property
    def passed(self) -> bool:
        """Given the total, return whether the rendering meets the bar."""
        summed = self.summed
        return self.built and summed.wrong == 0 and summed.found_pct >= MIN_FOUND_PCT


def _count_row(name: str, score: Score) -> str:
    """Given a row name and a score, return one Markdown table row."""
    counts = f"{score.found} | {score.wrong} | {score.missing} | {score.total}"
    return f"| {name} | {counts} | {score.found_pct:.1f} |"


COUNT_HEADER = [
    "| document | found | wrong | missing | total | found % | not in gold |",
    "|---|--:|--:|--:|--:|--:|--:|",
]


def extra_line(row: WarehouseFact) -> str:
    """Given a warehouse row no gold fact names, return one line describing it."""
    value = "NULL" if row.value is None else f"{row.value:,.2f}"
    label = row.labels[0] if row.labels else "(no label)"
    return f"- `{row.document}` {row.relation} | {label} | {row.measure} {row.fiscal_year}: {value}"


def verdict_line(verdict: Verdict) -> str:
    """Given a wrong or missing verdict, return one line naming the fact and what was seen."""
    fact = verdict.fact
    year = fact.fiscal_year if fact.fiscal_year is not None else "any year"
    seen = ", ".join("NULL" if value is None else f"{value:,.2f}" for value in verdict.seen)
    seen_text = f"; warehouse: {seen}" if seen else ""
    return (
        f"- `{fact.document}` {fact.relation} | {fact.line_item or '(any label)'} | "
        f"{fact.measure} {year}: gold {fact.value:,.2f} (printed `{fact.as_printed}`){seen_text}"
    )


def rendering_lines(result: RenderingResult, show: int) -> list[str]:
    """Given one rendering's result, return its Markdown section."""
    lines = [f"## {result.rendering}", ""]
    if not result.built:
        tail = result.log.strip().splitlines()[-LOG_TAIL_LINES:]
        lines += ["**The build failed**; every fact counts as missing. Log tail:", "```", *tail]
        lines += ["```", ""]
    if result.absent_relations:
        lines += [f"Relations absent from the warehouse: {', '.join(result.absent_relations)}", ""]
    lines += COUNT_HEADER
    for doc in result.documents:
        extra = sum(row.document == doc for row in result.extra)
        lines.append(f"{_count_row(doc, result.scores.get(doc, Score()))} {extra} |")
    lines += [f"{_count_row('**total**', result.summed)} {len(result.extra)} |", ""]
    for cell, status in result.unreadable:
        lines.append(
            f"- unreadable `{cell.document}` {cell.line_item} {cell.measure} "
            f"`{cell.as_printed}`: {status}"
        )
    for status in ("wrong", "missing"):
        verdicts = [v for v in result.summed.verdicts if v.status == status]
        if verdicts:
            lines += ["", f"{status.capitalize()} ({len(verdicts)}, first {show}):"]
            lines += [verdict_line(verdict) for verdict in verdicts[:show]]
    if result.extra:
        lines += ["", f"Not in gold ({len(result.extra)}, first {show}; informational):"]
        lines += [extra_line(row) for row in result.extra[:show]]
    return [*lines, ""]


def summary_lines(results: list[RenderingResult]) -> list[str]:
    """Given all renderings' results, return the Markdown summary table."""
    lines = [
        "# Gold-fact accuracy",
        "",
        f"A rendering passes with 0 wrong and at least {MIN_FOUND_PCT:.0f} % found.",
        "",
        "| rendering | found | wrong | missing | total | found % | passed |",
        "|---|--:|--:|--:|--:|--:|---|",
    ]
    for result in results:
        mark = "yes" if result.passed else "**no**"
        lines.append(f"{_count_row(result.rendering, result.summed)} {mark} |")
    return [*lines, ""]


def markdown(results: list[RenderingResult], show: int) -> str:
    """Given all renderings' results, return the whole report as Markdown."""
    lines = summary_lines(results)
    for result in results:
        lines += rendering_lines(result, show)
    return "\n".join(lines)
