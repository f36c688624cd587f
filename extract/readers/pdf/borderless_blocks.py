"""Where a block of borderless rows ends: the lines after a row that still belong to it.

A block runs while its lines stand close together and none opens the next part
(a header, prose, a heading); after its last row it keeps only label lines that
finish that row's label.
"""

from __future__ import annotations

from extract.readers.pdf.borderless_lines import BorderlessSettings, names_years
from extract.readers.pdf.label_wraps import WORD, is_label_rest, label_text
from extract.readers.pdf.rows import SplitLine
from extract.readers.pdf.words import YEAR, Line, first_value

SPACE = 0.25  # a word space, as a share of the text height
SENTENCE_WORDS = 3  # words of a capitalised line ending in a full stop that make it a sentence
EVEN_SPACING = 0.15  # share of the text height a cell's line gaps may differ by


def block_end(split: list[SplitLine], start: int, settings: BorderlessSettings) -> int:
    """Given the index of a row line, return the index after the last line of its block."""
    end = last_row = start
    while end + 1 < len(split):
        previous, current = split[end].line, split[end + 1].line
        if current.top - previous.bottom > settings.row_gap * previous.height:
            break
        if _starts_new_part(split[end + 1], split[last_row]):
            break
        end += 1
        if split[end].is_row:
            last_row = end
    # Keep label lines after the last row only while they continue its label.
    end = last_row
    widest = max(s.cells[0].x1 for s in split[start : last_row + 1] if s.is_row)
    while (
        end + 1 < len(split)
        and continues(split[end].line, split[end + 1], settings)
        and not _starts_new_part(split[end + 1], split[last_row])
        and _finishes_label(split[end], split[end + 1], widest)
    ):
        end += 1
    return end + 1


def _finishes_label(above: SplitLine, below: SplitLine, widest: float) -> bool:
    """Given a line ending a label, the line below it and the right edge of the block's
    widest label, return whether the line below is the rest of that label.

    A label wraps when its next word does not fit beside it, and its own wrapped words
    do not open with a capital and close with a full stop (`Bidrag till föreningar och`
    / `studieförbund`, `Övriga kostnader` / `m.m.`). A line whose first word would have
    fitted after a short label (`Nettoinvesteringar` / `Avvikelse = budget − prognos.`),
    or that reads as a sentence (`Avvikelse = budget − utfall.`), is a note under the
    table, not the rest of its last label. A line that can only end a label (`(39)`
    under `Verksamhetssystem norra 38`, `hamnen` under `7305 Mätinstrument`: a label set
    centred on its numbers) is no note: the label column may be wider than the widest
    label printed, so it ends the label.
    """
    label, word = above.cells[0], below.line.words[0]
    space = SPACE * word.height
    wrapped = label.x1 + space + (word.x1 - word.x0) > widest - space
    text = label_text(below)
    return (wrapped or is_label_rest(text)) and not _is_sentence(text)


def _is_sentence(text: str) -> bool:
    """Given a label line's text, return whether it opens with a capital and closes with a
    full stop after a few words."""
    return text[:1].isupper() and text.endswith(".") and len(WORD.findall(text)) >= SENTENCE_WORDS


def _starts_new_part(item: SplitLine, row: SplitLine) -> bool:
    """Given a line after a table row, return whether it ends the table there.

    Label lines and rows of text cells (`Kultur- och` / `Ej aktuellt`) stay in the
    table; a line of several cells in bold, or with cells naming years
    (`Sjukfrånvaro % | jan–apr 2021 | jan–apr 2020`, or only years: `2025 | 2024`
    under `Procent | jan–aug jan–aug | Mål`), is the header of the next table, and
    a single text running into the number columns is prose or a heading.
    """
    if item.is_row:
        return False
    if len(item.cells) > 1:
        bold = any(c.bold for c in item.cells)
        years = item.cells if all(YEAR.match(c.text) for c in item.cells) else item.cells[1:]
        return names_years(years) or bold or _heads_numbers(item, row)
    first = first_value(row.cells)
    if first == 0 and len(row.cells) > 2:
        first = 1  # a bare number opening a row ends a wrapped label (`etapp` / `2 5   821`)
    return item.cells[0].x1 > row.cells[first].x0


def _heads_numbers(item: SplitLine, row: SplitLine) -> bool:
    """Given a text line after a table row, return whether it heads number columns anew.

    Words standing over two or more of the row's numbers, each a different word
    (`Projekt | Budget | Utfall | Avvikelse`), are the header of the next table,
    however plain its type; a row of text values repeats its word (`Ej aktuellt`).
    """
    texts = [c.text for c in item.cells[1:]]
    if any(c.is_number for c in item.cells) or len(set(texts)) < max(2, len(texts)):
        return False
    numbers = [c for c in row.cells[1:] if c.is_number]
    headed = {
        index
        for cell in item.cells[1:]
        for index, number in enumerate(numbers)
        if cell.x0 < number.x1 and number.x0 < cell.x1
    }
    return len(headed) >= 2


def continues(above: Line, below: SplitLine, settings: BorderlessSettings) -> bool:
    """Given a line and the line below it, return whether the lower is a label line set
    close enough under the upper to continue its label."""
    return not below.is_row and below.line.top - above.bottom <= settings.wrap_gap * above.height


def opens_below(above: Line, row: SplitLine, settings: BorderlessSettings) -> bool:
    """Given a label line and the row line below it, return whether the label line is set
    close enough above the row to open its label, in the same type."""
    close = row.line.top - above.bottom <= settings.wrap_gap * above.height
    return close and in_label_type(above, row)


def in_label_type(line: Line, row: SplitLine) -> bool:
    """Given a label line and a row line, return whether the line is set in the row label's
    type: a heading in bold over plain rows (`Investeringsuppföljning (forts.)`) opens no
    label."""
    return all(w.bold for w in line.words) == row.cells[0].bold


def split_set_apart(
    opening: list[SplitLine], row: SplitLine
) -> tuple[list[SplitLine], list[SplitLine]]:
    """Given the label lines that open a table's first row (bottom-aligned) and that row's
    line, return (the lines set further apart than the label's own lines, the label's).

    A cell's lines stand evenly spaced; a wider gap among them is the padding between
    two rows: the lines above it are the label of a row whose figures ended the
    previous page (an HTML renderer moves a label it may not split on whole:
    `5420 Inventarier` / `skolor norra` over `2046 Lekplatser` / `förskolor etapp 2
    22,4 ...`), or a section label over the rows, and not the first row's.
    """
    lines = [*opening, row]
    gaps = [
        below.line.top - above.line.bottom for above, below in zip(lines, lines[1:], strict=False)
    ]
    if len(gaps) < 2:
        return [], opening
    tolerance = EVEN_SPACING * row.line.height
    for index in range(len(gaps) - 2, -1, -1):
        if gaps[index] > gaps[-1] + tolerance:
            return opening[: index + 1], opening[index + 1 :]
    return [], opening
