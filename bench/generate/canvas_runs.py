"""How one printed line becomes text runs: whole cells, glyphs, whole lines, split digits, gaps."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

Width = Callable[[str, float, bool], float]
SEPARATORS = " \u00a0\u202f"


@dataclass(frozen=True)
class Text:
    """One text object: a run drawn at (x, baseline y), top-left page origin."""

    x: float
    y: float
    text: str
    size: float
    bold: bool = False


@dataclass(frozen=True)
class Box:
    """A filled rectangle (a rule, shading or a zebra stripe); gray 0 is black."""

    x: float
    y: float
    w: float
    h: float
    gray: float


@dataclass(frozen=True)
class Stroke:
    """A stroked line."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5


def glyph_runs(x: float, y: float, text: str, size: float, bold: bool, width: Width) -> list:
    """Given a run, return one text object per glyph at the glyph's own position."""
    runs, cursor = [], x
    for char in text:
        if not char.isspace():
            runs.append(Text(cursor, y, char, size, bold))
        cursor += width(char, size, bold)
    return runs


def gap_runs(x: float, y: float, text: str, size: float, bold: bool, width: Width) -> list:
    """Given a number, return its digit groups as runs, the separators left as gaps only."""
    runs, cursor, group = [], x, ""
    for char in text + " ":
        if char in SEPARATORS:
            if group:
                runs.append(Text(cursor, y, group, size, bold))
                cursor += width(group, size, bold)
                group = ""
            cursor += width(char, size, bold)
        else:
            group += char
    return runs


def digit_runs(
    rng: random.Random, x: float, y: float, text: str, size: float, bold: bool, width: Width
) -> list:
    """Given a number, return it cut at random places into abutting runs."""
    cuts = sorted(rng.sample(range(1, len(text)), min(len(text) - 1, rng.randint(1, 2))))
    runs, start, cursor = [], 0, x
    for end in [*cuts, len(text)]:
        piece = text[start:end]
        if piece.strip():
            runs.append(
                Text(
                    cursor + width(piece[: len(piece) - len(piece.lstrip())], size, bold),
                    y,
                    piece.strip(),
                    size,
                    bold,
                )
            )
        cursor += width(piece, size, bold)
        start = end
    return runs


def number_runs(
    rng: random.Random,
    mode: str,
    x: float,
    y: float,
    text: str,
    size: float,
    bold: bool,
    width: Width,
) -> list:
    """Given a number cell and a run mode, return the text objects that print it."""
    if mode == "glyphs":
        return glyph_runs(x, y, text, size, bold, width)
    if mode == "gaps" and any(char in SEPARATORS for char in text):
        return gap_runs(x, y, text, size, bold, width)
    if mode == "digits" and len(text) > 1:
        return digit_runs(rng, x, y, text, size, bold, width)
    return [Text(x, y, text, size, bold)]


def line_run(
    label_x: float,
    y: float,
    label: str,
    numbers: list[tuple[float, str]],
    size: float,
    bold: bool,
    width: Width,
) -> Text:
    """Given a label and right-edge positioned numbers, return the whole line as one run.

    Spaces pad each number to about its column, as producers that write a
    line in one text operation do.
    """
    text = label
    space = width(" ", size, bold)
    for right, number in numbers:
        gap = right - width(number, size, bold) - (label_x + width(text, size, bold))
        text += " " * max(1, round(gap / space)) + number
    return Text(label_x, y, text, size, bold)
