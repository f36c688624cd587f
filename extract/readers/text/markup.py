"""Markup left in text exports: HTML fragments (`<i>varav …</i>`, `<p>…</p>`) and Markdown.

Only known HTML tag names are treated as markup, so a printed `<` (`<5 %`) stays text.
Italic is kept (it marks `varav` sub-lines); bold and paragraph tags are dropped.
"""

from __future__ import annotations

import html
import re

from extract.readers.layout import collapse_whitespace

_TAG = re.compile(
    r"<(/?)(p|i|em|b|strong|u|span|div|br|li|ul|ol|sub|sup|font|a)\b[^<>]*?/?>", re.IGNORECASE
)
_ITALIC_TAGS = frozenset({"i", "em"})
# Tags whose boundary separates words even where the export wrote none (`</p><p>`).
_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "ul", "ol"})
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_MARKDOWN_STRONG = re.compile(r"^(\*\*|__)(.+)\1$")
_MARKDOWN_EMPHASIS = re.compile(r"^([*_])(?![*_\s])(.+?)(?<![*_\s])\1$")
_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_PIPE_SPLIT = re.compile(r"(?<!\\)\|")


def markup_to_text(raw: str) -> tuple[str, bool]:
    """Given a cell or line with HTML fragments, return its plain text and whether all is italic."""
    pieces: list[tuple[str, bool]] = []
    italic_depth = 0
    position = 0
    for tag in _TAG.finditer(raw):
        pieces.append((raw[position : tag.start()], italic_depth > 0))
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name in _ITALIC_TAGS:
            italic_depth = max(0, italic_depth - 1) if closing else italic_depth + 1
        elif name in _BLOCK_TAGS:
            pieces.append((" ", italic_depth > 0))
        position = tag.end()
    pieces.append((raw[position:], italic_depth > 0))
    text = collapse_whitespace(html.unescape("".join(piece for piece, _ in pieces)))
    printed = [italic for piece, italic in pieces if piece.strip()]
    return text, bool(printed) and all(printed)


def is_pipe_separator(text: str) -> bool:
    """Given a line, return whether it is a Markdown table's `|---|:---:|` separator."""
    return "|" in text and bool(_PIPE_SEPARATOR.match(text))


def pipe_cells(line: str) -> list[tuple[str, bool]]:
    """Given a Markdown table line, return each cell's text and emphasis (`\\|` is a bar)."""
    inner = line.strip().removeprefix("|")
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return [markdown_cell(raw.replace("\\|", "|")) for raw in _PIPE_SPLIT.split(inner)]


def markdown_cell(raw: str) -> tuple[str, bool]:
    """Given a Markdown table cell, return its plain text and whether it is all emphasised."""
    text, italic = markup_to_text(raw)
    strong = _MARKDOWN_STRONG.match(text)
    if strong:
        return strong.group(2).strip(), italic
    emphasis = _MARKDOWN_EMPHASIS.match(text)
    if emphasis:
        return emphasis.group(2).strip(), True
    return text, italic


def line_to_text(raw: str) -> str:
    """Given a line of running text, return it without markup, heading marks or tabs."""
    text, _ = markup_to_text(raw)
    text = _MARKDOWN_HEADING.sub("", text)
    strong = _MARKDOWN_STRONG.match(text)
    return strong.group(2).strip() if strong else text
