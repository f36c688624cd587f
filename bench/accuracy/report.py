"""Format accuracy results as Markdown (printed to the terminal and written to a file)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bench.accuracy.compare import Score, Verdict, WarehouseFact, total
from bench.accuracy.gold import UnreadableCell
from bench.accuracy.placement import Placement

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
    placements: dict[str, Placement] = field(default_factory=dict)  # table figures by row
    unpublished: bool = False  # the build failed a check; its unpublished warehouse was scored
    gated: bool = True  # False: the bar is reported, not enforced (the generated set)

    @property
    def summed(self) -> Score:
        """Given the document scores, return the rendering's total."""
        return total(self.scores.values())

    @property
    def passed(self) -> bool:
        """Given the total, return whether the rendering meets the bar."""
        summed = self.summed
        return self.built and summed.wrong == 0 and summed.found_pct >= MIN_FOUND_PCT

    @property
    def placed(self) -> Placement:
        """Given the documents' row placements, return their sum."""
        summed = Placement()
        for one in self.placements.values():
            summed += one
        return summed


def _count_row(name: str, score: Score) -> str:
    """Given a row name and a score, return one Markdown table row."""
    counts = f"{score.found} | {score.misplaced} | {score.wrong} | {score.missing} | {score.total}"
    return f"| {name} | {counts} | {score.found_pct:.1f} |"


def _placement_cells(placement: Placement) -> str:
    """Given a row placement, return its right-row and wrong-row Markdown cells."""
    right = f"{placement.right} of {placement.total} ({placement.right_pct:.1f} %)"
    return f" {right} | {placement.wrong} |"


COUNT_HEADER = [
    "| document | found | misplaced | wrong | missing | total | found % | right row | wrong row "
    "| not in gold |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
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
    if verdict.where:
        seen_text += f" (under {', '.join(verdict.where)})"
    return (
        f"- `{fact.document}` {fact.relation} | {fact.line_item or '(any label)'} | "
        f"{fact.measure} {year}: gold {fact.value:,.2f} (printed `{fact.as_printed}`){seen_text}"
    )


def rendering_lines(result: RenderingResult, show: int) -> list[str]:
    """Given one rendering's result, return its Markdown section."""
    lines = [f"## {result.rendering}", ""]
    if not result.built:
        tail = result.log.strip().splitlines()[-LOG_TAIL_LINES:]
        consequence = (
            "its unpublished warehouse (FILE.building) was scored"
            if result.unpublished
            else "every fact counts as missing"
        )
        lines += [f"**The build failed**; {consequence}. Log tail:", "```", *tail]
        lines += ["```", ""]
    if result.absent_relations:
        lines += [f"Relations absent from the warehouse: {', '.join(result.absent_relations)}", ""]
    lines += COUNT_HEADER
    for doc in result.documents:
        extra = sum(row.document == doc for row in result.extra)
        placed = _placement_cells(result.placements.get(doc, Placement()))
        lines.append(f"{_count_row(doc, result.scores.get(doc, Score()))}{placed} {extra} |")
    placed = _placement_cells(result.placed)
    lines += [f"{_count_row('**total**', result.summed)}{placed} {len(result.extra)} |", ""]
    for cell, status in result.unreadable:
        lines.append(
            f"- unreadable `{cell.document}` {cell.line_item} {cell.measure} "
            f"`{cell.as_printed}`: {status}"
        )
    for status in ("wrong", "misplaced", "missing"):
        verdicts = [v for v in result.summed.verdicts if v.status == status]
        if verdicts:
            lines += ["", f"{status.capitalize()} ({len(verdicts)}, first {show}):"]
            lines += [verdict_line(verdict) for verdict in verdicts[:show]]
    if result.extra:
        lines += ["", f"Not in gold ({len(result.extra)}, first {show}; informational):"]
        lines += [extra_line(row) for row in result.extra[:show]]
    return [*lines, ""]


SUMMARY_HEADER = [
    "| {name} | found | misplaced | wrong | missing | total | found % | right row | wrong row "
    "| passed |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|",
]


def _summary_row(name: str, score: Score, placement: Placement, mark: str) -> str:
    """Given a row name, a score, a placement and a pass mark, return one summary row."""
    return f"{_count_row(name, score)}{_placement_cells(placement)} {mark} |"


def engine_lines(result: RenderingResult) -> list[str]:
    """Given the generated set's result, return its summary per engine (the name's last part)."""
    engines = sorted({doc.rsplit("_", 1)[-1] for doc in result.documents})
    lines = [line.format(name="engine") for line in SUMMARY_HEADER]
    for engine in engines:
        docs = [doc for doc in result.documents if doc.rsplit("_", 1)[-1] == engine]
        placed = Placement()
        for doc in docs:
            placed += result.placements.get(doc, Placement())
        score = total(result.scores[doc] for doc in docs if doc in result.scores)
        lines.append(_summary_row(f"{engine} ({len(docs)})", score, placed, "reported"))
    mark = "yes" if result.passed else "**no** (reported, not enforced)"
    return [*lines, _summary_row("**total**", result.summed, result.placed, mark), ""]


def summary_lines(results: list[RenderingResult]) -> list[str]:
    """Given all renderings' results, return the in-sample and out-of-sample summaries."""
    lines = [
        "# Gold-fact accuracy",
        "",
        f"A rendering passes with 0 wrong and at least {MIN_FOUND_PCT:.0f} % found. "
        "Misplaced: the number is stored, under another measure, year or sign. "
        "Right row / wrong row: table figures stored in the row of their own label / "
        "only in another label's row.",
        "",
    ]
    corpus = [result for result in results if result.gated]
    if corpus:
        lines += ["## In-sample: the reference corpus", ""]
        lines += [line.format(name="rendering") for line in SUMMARY_HEADER]
        for result in corpus:
            mark = "yes" if result.passed else "**no**"
            lines.append(_summary_row(result.rendering, result.summed, result.placed, mark))
        lines.append("")
    for result in results:
        if not result.gated:
            lines += [f"## Out-of-sample: {result.rendering} ({len(result.documents)} documents)"]
            lines += [
                "",
                "The bar is reported here, not enforced (the reader is being improved).",
                "",
            ]
            lines += engine_lines(result)
    return lines


def markdown(results: list[RenderingResult], show: int) -> str:
    """Given all renderings' results, return the whole report as Markdown."""
    lines = summary_lines(results)
    for result in results:
        lines += rendering_lines(result, show)
    return "\n".join(lines)
