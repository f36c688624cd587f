"""Page and text-layer choices of one rendering: rules, shading, page breaks, run splitting."""

from __future__ import annotations

import glob
import random
from dataclasses import dataclass

# How number text reaches the text layer. Canvas engines (reportlab, fpdf2) can do all;
# HTML and typst engines only what their markup can express.
RUNS = {
    "canvas": ("cells", "cells", "glyphs", "line", "digits", "gaps"),
    "html": ("cells", "cells", "digits", "gaps"),
    "typst": ("cells", "cells", "gaps"),
}
FONT_FILES = {
    "DejaVu Sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "DejaVu Serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "DejaVu Sans Mono": ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
}  # fonts-dejavu-core: every glyph the wordings print (U+202F, U+2212) is in these


@dataclass(frozen=True)
class Layout:
    """How one document is laid out and how its text layer is written."""

    landscape: bool
    ruled: bool
    rules: str  # stroke | fill (thin filled rectangles) | shading (cell shading only)
    zebra: bool
    shade_header: bool
    shade_totals: bool
    bold_totals: bool
    repeat_header: bool
    font: str
    font_size: float
    label_share: float  # the label column's share of the table width (small: wrapped labels)
    numbers_on_last_line: bool  # a wrapped label's numbers stand on its last line
    runs: str  # cells | glyphs | line | digits | gaps
    break_before_investments: bool
    split_heads: bool  # each column head broken after its first word onto a second line
    header_rule: bool  # a borderless table's header closed by a rule above the first row
    continued_caption: bool  # a table broken across pages repeats its caption with "(forts.)"


def font_path(name: str, bold: bool = False) -> str:
    """Given a font family, return its installed TrueType file, or raise if it is missing."""
    file_name = FONT_FILES[name][bold]
    found = glob.glob(f"/usr/share/fonts/**/{file_name}", recursive=True)
    if not found:
        raise FileNotFoundError(f"font {file_name} is not installed (fonts-dejavu-core)")
    return sorted(found)[0]


def installed_fonts() -> list[str]:
    """Return the font families whose regular and bold files are installed."""
    families = []
    for name, files in FONT_FILES.items():
        if all(glob.glob(f"/usr/share/fonts/**/{file}", recursive=True) for file in files):
            families.append(name)
    return families


def split_head(text: str) -> list[str]:
    """Given a column head, return it as two lines broken after its first word (or one line)."""
    first, _, rest = text.partition(" ")
    return [first, rest] if rest else [text]


def choose_layout(rng: random.Random, family: str) -> Layout:
    """Given an engine family (canvas, html, typst), return a random layout it can produce."""
    ruled = rng.random() < 0.55
    rules = rng.choice(("stroke", "fill")) if ruled else rng.choice(("none", "none", "shading"))
    return Layout(
        landscape=rng.random() < 0.2,
        ruled=ruled,
        rules=rules,
        zebra=rng.random() < 0.3,
        shade_header=rules == "shading" or rng.random() < 0.4,
        shade_totals=rng.random() < 0.3,
        bold_totals=rng.random() < 0.7,
        repeat_header=rng.random() < 0.5,
        font=rng.choice(installed_fonts()),
        font_size=rng.choice((8.0, 8.5, 9.0, 9.5, 10.0)),
        label_share=rng.choice((0.0, 0.0, 0.22, 0.28)),
        numbers_on_last_line=rng.random() < 0.5,
        runs=rng.choice(RUNS[family]),
        break_before_investments=rng.random() < 0.2,
        split_heads=rng.random() < 0.3,
        header_rule=not ruled and rng.random() < 0.6,
        continued_caption=rng.random() < 0.5,
    )
