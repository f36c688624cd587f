"""Lay a printed document out on pages as text runs, rules and shading (reportlab, fpdf2).

Both canvas engines draw the same primitives; they differ in how the PDF is
written (fonts, content streams), which is the point of having both.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.generate.canvas_runs import (
    Box,
    Stroke,
    Text,
    Width,
    glyph_runs,
    line_run,
    number_runs,
)
from bench.generate.document import Table
from bench.generate.layouts import Layout

A4 = (595.0, 842.0)
MARGIN = 50.0
PAD = 4.0
MIN_LABEL = 70.0


def wrap(text: str, limit: float, size: float, bold: bool, width: Width) -> list[str]:
    """Given text and a width, return its lines, broken between words."""
    lines, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}".strip()
        if line and width(candidate, size, bold) > limit:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines or [""]


@dataclass
class Canvas:
    """Pages of primitives, filled top to bottom."""

    layout: Layout
    width: Width
    rng: random.Random
    pages: list[list] = field(default_factory=lambda: [[]])
    y: float = MARGIN

    @property
    def size(self) -> tuple[float, float]:
        """Given the layout, return the page width and height."""
        return (A4[1], A4[0]) if self.layout.landscape else A4

    @property
    def text_width(self) -> float:
        """Given the page size, return the width between the margins."""
        return self.size[0] - 2 * MARGIN

    def room(self, height: float) -> bool:
        """Given a height, return whether it fits on the current page."""
        return self.y + height <= self.size[1] - MARGIN

    def new_page(self) -> None:
        """Start a new page."""
        self.pages.append([])
        self.y = MARGIN

    def add(self, *items) -> None:
        """Given primitives, put them on the current page."""
        self.pages[-1].extend(items)

    def text(self, x: float, y: float, text: str, size: float, bold: bool) -> None:
        """Given a run of text, put it on the page: whole, or one object per glyph."""
        if self.layout.runs == "glyphs":
            self.add(*glyph_runs(x, y, text, size, bold, self.width))
        else:
            self.add(Text(x, y, text, size, bold))

    def lines(self, texts: list[str], size: float, bold: bool = False, after: float = 4) -> None:
        """Given lines of running text, draw them, breaking pages as needed."""
        for text in texts:
            if not self.room(size * 1.4):
                self.new_page()
            self.y += size * 1.4
            self.text(MARGIN, self.y, text, size, bold)
        self.y += after


def column_widths(table: Table, canvas: Canvas, size: float) -> list[float]:
    """Given a table and a font size, return its column widths (label column first)."""
    numbers = []
    for column in range(1, len(table.header)):
        cells = [row.cells[column].text for row in table.rows if column < len(row.cells)]
        longest_word = max(
            (canvas.width(w, size, True) for w in table.header[column].split()), default=0
        )
        widest = max([canvas.width(text, size, True) for text in cells] + [longest_word])
        numbers.append(max(widest + 2 * PAD, 46.0))
    label = canvas.text_width - sum(numbers)
    if canvas.layout.label_share:
        label = min(label, max(MIN_LABEL, canvas.layout.label_share * canvas.text_width))
    return [label, *numbers]


def fitting_size(table: Table, canvas: Canvas) -> float:
    """Given a table, return the largest font size (down to 6) whose label column is usable."""
    size = canvas.layout.font_size
    while size > 6 and column_widths(table, canvas, size)[0] < MIN_LABEL:
        size -= 0.5
    return size


def rule(canvas: Canvas, x1: float, y1: float, x2: float, y2: float) -> None:
    """Given a segment, draw it as the layout draws rules: stroked, or a thin filled box."""
    if canvas.layout.rules == "stroke":
        canvas.add(Stroke(x1, y1, x2, y2))
    elif canvas.layout.rules == "fill":
        canvas.add(
            Box(min(x1, x2) - 0.3, min(y1, y2) - 0.3, abs(x2 - x1) + 0.6, abs(y2 - y1) + 0.6, 0.0)
        )


def cell_row(
    canvas: Canvas,
    widths: list[float],
    texts: list[list[str]],
    size: float,
    bold: bool,
    shade: float | None,
    numbers_last: bool,
    run_numbers: bool,
) -> None:
    """Given wrapped texts per column, draw one table row with its shading and rules."""
    line_height = size * 1.3
    height = max(len(lines) for lines in texts) * line_height + PAD
    x0, total = MARGIN, sum(widths)
    if shade is not None:
        canvas.add(Box(x0, canvas.y, total, height, shade))
    label_lines, number_line = texts[0], len(texts[0]) - 1 if numbers_last else 0
    for index, text in enumerate(label_lines):
        if run_numbers and canvas.layout.runs == "line" and index == number_line:
            continue
        canvas.text(x0 + PAD, canvas.y + (index + 1) * line_height, text, size, bold)
    rights, x = [], x0 + widths[0]
    for width in widths[1:]:
        x += width
        rights.append(x - PAD)
    baseline = canvas.y + (number_line + 1) * line_height
    if run_numbers and canvas.layout.runs == "line":
        numbers = [(right, lines[0]) for right, lines in zip(rights, texts[1:], strict=True)]
        canvas.add(
            line_run(
                x0 + PAD, baseline, label_lines[number_line], numbers, size, bold, canvas.width
            )
        )
    else:
        for right, lines in zip(rights, texts[1:], strict=True):
            for index, text in enumerate(lines):
                y = baseline if run_numbers else canvas.y + (index + 1) * line_height
                left = right - canvas.width(text, size, bold)
                mode = (
                    canvas.layout.runs if run_numbers or canvas.layout.runs == "glyphs" else "cells"
                )
                canvas.add(*number_runs(canvas.rng, mode, left, y, text, size, bold, canvas.width))
    if canvas.layout.ruled:
        rule(canvas, x0, canvas.y + height, x0 + total, canvas.y + height)
        edge = x0
        for width in [0, *widths]:
            edge += width
            rule(canvas, edge, canvas.y, edge, canvas.y + height)
    canvas.y += height
