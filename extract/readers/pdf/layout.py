"""From tables and lines per page to the Document's tables and text blocks.

Settles what needs more than one page: a table's caption and context (the
running text since the previous table), paragraphs, and tables that continue
on the next page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from extract.model import RawCell, RawTable, TextBlock
from extract.readers.blocks import paragraph_blocks
from extract.readers.pdf.column_map import column_map, remap
from extract.readers.pdf.label_wraps import is_label_rest
from extract.readers.pdf.tables import PageTable
from extract.readers.pdf.title import split_title
from extract.readers.pdf.words import NUMBER, YEAR, Line, Word, union
from extract.readers.pdf.wrap import join_wrapped

UNDER_HEADER = 0.5  # a label line this far below the header cells (x their height) is under it


@dataclass(frozen=True)
class LayoutSettings:
    """Tunables for paragraphs, context and page joins."""

    paragraph_gap: float = 0.5  # lines closer than this (x text height) share a paragraph
    context_chars: int = 600
    margin_chars: int = 60  # running heads/footers a continued table may have around it
    footer_gap: float = 3.0  # a page's last line this far below the rest (x its height): a footer
    column_tolerance: float = 6.0  # points between column edges of a continued table


@dataclass(frozen=True)
class PageContent:
    """What one page holds: its tables and the lines outside them, top to bottom."""

    page: int
    tables: list[PageTable]
    lines: list[Line]
    lead: list[Line] = field(default_factory=list)  # previous page's text over the first table


def outside(lines: Sequence[Line], tables: Sequence[PageTable]) -> list[Line]:
    """Given a page's lines and tables, return the lines that stand in no table."""
    return [line for line in lines if not any(_inside(line, t) for t in tables)]


def overlaps(one: PageTable, other: PageTable) -> bool:
    """Given two tables of a page, return whether their frames overlap."""
    a, b = one.bbox, other.bbox
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(line: Line, table: PageTable) -> bool:
    x0, top, x1, bottom = table.bbox
    centre = (line.top + line.bottom) / 2
    return top - 1 <= centre <= bottom + 1 and line.x1 > x0 and line.x0 < x1


def assemble(
    pages: Sequence[PageContent], settings: LayoutSettings
) -> tuple[list[RawTable], list[TextBlock]]:
    """Given the content of each page, return the document's tables and text blocks."""
    tables: list[RawTable] = []
    blocks: list[TextBlock] = []
    ending: PageTable | None = None  # previous page's last table, if it ended that page
    tail: list[Line] = []  # previous page's text below its last table
    for content in pages:
        paragraphs = _paragraphs(content, settings)
        blocks += paragraph_blocks(content.page, content.lines, [text for _, text in paragraphs])
        upper = 0.0
        previous = ending  # the table this page's next table may continue
        for position, table in enumerate(sorted(content.tables, key=lambda t: t.bbox[1])):
            above = [
                ln for ln in content.lines if upper <= ln.top and ln.bottom <= table.bbox[1] + 1
            ]
            lead = content.lead if position == 0 else []
            if not lead and previous and _continues(previous, table, above, settings):
                tables[-1] = _merge(tables[-1], previous, table, above, settings)
            else:
                if position == 0 and not lead and not above:
                    lead = tail  # the caption stayed at the foot of the previous page
                texts = [text for top, text in paragraphs if upper <= top < table.bbox[1]]
                lead_texts = [text for _, text in _paragraphs(PageContent(0, [], lead), settings)]
                tables.append(_raw_table(table, lead + above, lead_texts + texts, settings))
            # the last part of a continued table carries its note
            tables[-1] = replace(tables[-1], note=_note(table, content.tables, paragraphs))
            upper = table.bbox[3]
            previous = table
        last = max(content.tables, key=lambda t: t.bbox[3], default=None)
        ending = last if last is not None and _last_on_page(last, content, settings) else None
        if content.lines or content.tables:  # a page left empty (its header moved on) keeps it
            tail = tail_lines(content, settings)
    return tables, blocks


def tail_lines(content: PageContent, settings: LayoutSettings) -> list[Line]:
    """Given a page, return its lines below its last table, without a running footer."""
    bottom = max((t.bbox[3] for t in content.tables), default=0.0)
    tail = [line for line in content.lines if line.top >= bottom]
    if len(tail) > 1 and tail[-1].top - tail[-2].bottom >= settings.footer_gap * tail[-1].height:
        return tail[:-1]
    return tail


def _raw_table(
    table: PageTable, above: list[Line], context: list[str], settings: LayoutSettings
) -> RawTable:
    """Given a page table, the lines above it and the text since the last table, return it.

    Context starts at the previous table or the page top, whichever is nearer. A
    title printed in the table's first row is its caption and ends its context.
    """
    title, rows = split_title(table.rows)
    caption = title or (above[-1].text if above else "")
    text = " ".join([*context, title])[-settings.context_chars :].strip()
    return RawTable(rows, table.page, table.method, caption, text)


def _note(
    table: PageTable, tables: Sequence[PageTable], paragraphs: list[tuple[float, str]]
) -> str:
    """Given a table, its page's tables and paragraphs, return the paragraph right below it.

    Reports often state a table's unit under it (`Alla belopp anges i tkr.`); the
    paragraph belongs to no table when another table starts before it.
    """
    next_top = min((t.bbox[1] for t in tables if t.bbox[1] >= table.bbox[3]), default=None)
    below = [
        text
        for top, text in paragraphs
        if top >= table.bbox[3] - 1 and (next_top is None or top < next_top)
    ]
    return below[0] if below else ""


def _paragraphs(content: PageContent, settings: LayoutSettings) -> list[tuple[float, str]]:
    """Given a page's lines outside tables, return (top, text) per paragraph."""
    paragraphs: list[list[Line]] = []
    for line in content.lines:
        if paragraphs and _same_paragraph(paragraphs[-1][-1], line, content, settings):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    return [(p[0].top, " ".join(ln.text for ln in p)) for p in paragraphs]


def _same_paragraph(above: Line, below: Line, content: PageContent, settings) -> bool:
    if below.top - above.bottom > settings.paragraph_gap * above.height:
        return False
    return not any(above.bottom <= t.bbox[1] <= below.top for t in content.tables)


def _last_on_page(table: PageTable, content: PageContent, settings) -> bool:
    """Given the page's last table, return whether only margin text follows it."""
    below = [ln for ln in content.lines if ln.top >= table.bbox[3] - 1]
    rest = max([table.bbox[3], *(ln.bottom for ln in below[:-1])])
    if below and below[-1].top - rest >= settings.footer_gap * below[-1].height:
        below = below[:-1]  # a running footer, set apart at the foot of the page
    return len(" ".join(ln.text for ln in below)) <= settings.margin_chars


def _continues(previous: PageTable, table: PageTable, above: list[Line], settings) -> bool:
    """Given a table and the next one, return whether the next continues it.

    On the next page, only running heads may stand between them; on the same
    page (a ruled grid drawn in two parts), nothing, and the next opens with a
    row of numbers rather than a header of its own. On the next page, a header
    of its own starts a table (`_own_header`).
    """
    if table.page == previous.page:
        if above or not opens_with_numbers(table):
            return False
    elif table.page != previous.page + 1 or _text_length(above) > settings.margin_chars:
        return False
    if _own_header(previous, table):
        return False
    return column_map(previous, table, settings.column_tolerance) is not None


def _own_header(previous: PageTable, table: PageTable) -> bool:
    """Given a page's last table and the next page's first, return whether the next has a
    header of its own, none of whose rows repeats one of the last table's header rows.

    A short caption at the foot of a page reads like a running footer, and a table in
    the same columns opening the next page like a continuation; a header that heads
    other things (`2026 | 2025` under `Sjukfrånvaron totalt`, after staff counts headed
    `2026-12-31 | 2025-12-31`) starts a table, where a repeated one continues it.
    Only a header row with a head over every column of figures is one: the rest of
    a header row the page broke (`d` / `mot budget` under `Verksamhetsko` /
    `Nettoavvikelse`) heads some columns only and continues the table.
    """
    heads, before = _header_heads(table), _header_heads(previous)
    figures = {i for row in table.rows for i, cell in enumerate(row) if i and _figure(cell.text)}
    if not before or not any(len(row) >= len(figures) for row in heads):
        return False
    return not any(row in before for row in heads)


def _header_heads(table: PageTable) -> list[list[str]]:
    """Given a page table, return the heads of each of its header rows: the rows read as
    its header, or a ruled grid's first row if it heads (text or years, no figures)."""
    rows = table.rows[: table.header_rows] if table.header_rows else table.rows[:1]
    heads = [[cell.text for cell in row[1:] if cell.text] for row in rows]
    return [row for row in heads if row and not any(_figure(text) for text in row)]


def _figure(text: str) -> bool:
    return bool(NUMBER.match(text)) and not YEAR.match(text)


def _text_length(lines: list[Line]) -> int:
    return len(" ".join(ln.text for ln in lines))


def opens_with_numbers(table: PageTable) -> bool:
    """Given a table, return whether its first row holds a number that is not a year."""
    row = table.rows[0] if table.rows else []
    return any(NUMBER.match(c.text) and not YEAR.match(c.text) for c in row[1:])


def _merge(
    first: RawTable, ending: PageTable, table: PageTable, above: list[Line], settings
) -> RawTable:
    """Given a table and its continuation, return one table (a repeated header dropped).

    A row can break across the page: label lines standing in the first column
    above the continuation (borderless), or a first row holding only a label that
    starts in lower case (ruled), finish the last row's label. Above a repeated
    header stands a caption (`Nettokostnad per verksamhet (forts.)`), not the rest of
    a row, and so does a line opening with the table's own caption above a
    continuation without a header (`Investeringar (forts.)`). A row whose figures end
    the page without a label takes such label lines whole (`_label`), or the
    continuation's first row if that is a label alone (`_label_moved_on`).
    """
    mapping = column_map(ending, table, settings.column_tolerance) or []
    rows = remap(table.rows, mapping, len(ending.column_edges))
    repeated = bool(rows) and _repeats_header(rows[0], first.rows[0])
    label_lines = [
        union(ln.words)
        for ln in above
        if not repeated
        and _in_label_column(ln, ending, settings)
        and not _repeats_caption(ln, first.caption)
    ]
    if repeated:
        label_lines += _label_under_header(rows[0], first.rows[0])
        rows = rows[1:]
    head = first.rows
    if rows and _finishes_row(rows[0], head[-1]):
        label_lines.append(_as_word(rows[0][0]))  # a row broken by the page
        rows = rows[1:]
    elif rows and _label_moved_on(head, rows):
        label_lines.append(_as_word(rows[0][0]))
        rows = rows[1:]
    if label_lines and _figures_only(head[-1]):  # a ruled grid's empty cell has a box too
        head = head[:-1] + [[_label(label_lines, table), *head[-1][1:]]]
    elif label_lines and head[-1][0].bbox is not None:
        head = head[:-1] + [[_extend(head[-1][0], label_lines, ending), *head[-1][1:]]]
    return replace(first, rows=head + rows)


def _repeats_header(row: list[RawCell], header: list[RawCell]) -> bool:
    """Given a continuation's first row and the table's header row, return whether the row
    repeats the header, maybe with the rest of a broken label under it (`_label_under_header`)."""
    printed, heading = [c.text for c in row], [c.text for c in header]
    if printed[1:] != heading[1:]:
        return False
    return printed[0] == heading[0] or bool(_label_under_header(row, header))


def _label_under_header(row: list[RawCell], header: list[RawCell]) -> list[Word]:
    """Given a repeated header row and the table's header row, return what stands under
    the header's label in the label column: the rest of the last row's label.

    A word processor breaks a long row at the page and prints the rest of its label
    (`Verksamhetssystem norra 38` / `(39)`) under the repeated header, where it reads
    as a wrapped line of the header's label; it stands below the other header cells.
    """
    label, stub = row[0], header[0].text
    if not stub or label.bbox is None or not label.text.startswith(f"{stub} "):
        return []
    bottoms = [cell.bbox for cell in row[1:] if cell.text and cell.bbox is not None]
    lowest = max((box[3] for box in bottoms), default=label.bbox[3])
    line = min((box[3] - box[1] for box in bottoms), default=0.0)
    if label.bbox[3] - lowest <= UNDER_HEADER * line:
        return []  # on the header's own lines: part of the header (`Verksamhet, forts.`)
    return [_as_word(replace(label, text=label.text[len(stub) :].strip()))]


def _repeats_caption(line: Line, caption: str) -> bool:
    """Given a line above a continued table and the table's caption, return whether the
    line is that caption again (`Investeringar` / `Investeringar (forts.)`)."""
    return bool(caption) and line.text.casefold().startswith(caption.casefold())


def _finishes_row(row: list[RawCell], last: list[RawCell]) -> bool:
    """Given a continuation's first row and the last row before the page break, return
    whether the row is the rest of that last row's label rather than a row of its own.

    It holds a label and no figures, and the label can only end one: it opens in lower
    case, or has no letter or is one word in lower case (`5` under `Digital arkivering
    skolan  0,5  1,3`), or the last row printed its figures without any label (the
    page broke a bottom-aligned row: `15,61  5,24` above, `Hyresgästanpassningar` /
    `hamnen 17 (18)` atop the next page).
    """
    if not _label_only(row):
        return False
    text = row[0].text
    return text[:1].islower() or is_label_rest(text) or _figures_only(last)


def _figures_only(row: list[RawCell]) -> bool:
    return not row[0].text and any(NUMBER.match(c.text) and not YEAR.match(c.text) for c in row[1:])


def _label(lines: list[Word], table: PageTable) -> RawCell:
    """Given the label lines atop a continuation and its page table, return them as the
    label of the row broken by the page whose figures ended the previous page alone
    (`Mätinstrument norra` / `7` under the repeated header, `2,0  2,2  0,1` above it)."""
    joined = join_wrapped(lines, table.label_right)
    return RawCell(joined.text, table.page, (joined.x0, joined.top, joined.x1, joined.bottom))


def _label_moved_on(head: list[list[RawCell]], rows: list[list[RawCell]]) -> bool:
    """Given a table's rows so far and its continuation's rows, return whether the first
    continued row is the label of the figures that end the page without one.

    An HTML renderer breaks a row at the page cell by cell: the one-line figures stay,
    a label of two lines (which may not be split: CSS orphans and widows) moves on
    whole and opens the next page alone (`101  226  226  0` / `2144 Stadshuset fasad
    2025–2026`). Where the table has group headings (other label-only rows) the label
    alone may be one, and the figures stay unlabelled.
    """
    if not (_figures_only(head[-1]) and _label_only(rows[0])):
        return False
    return not any(_label_only(row) for row in [*head[1:], *rows[1:]])


def _label_only(row: list[RawCell]) -> bool:
    return bool(row[0].text and row[0].bbox) and not any(c.text for c in row[1:])


def _as_word(cell: RawCell) -> Word:
    x0, top, x1, bottom = cell.bbox
    return Word(cell.text, x0, x1, top, bottom, cell.italic)


def _in_label_column(line: Line, table: PageTable, settings: LayoutSettings) -> bool:
    left = table.bbox[0]
    tolerance = settings.column_tolerance
    return abs(line.x0 - left) <= tolerance + 6 and line.x1 <= table.label_right + tolerance


def _extend(cell: RawCell, lines: list[Word], table: PageTable) -> RawCell:
    """Given a label cell and its lines continued on the next page, return the whole label.

    The page break is judged like any line break, from the label's last printed line.
    """
    last = table.last_label
    if last is None or not cell.text.endswith(last.text):
        last = _as_word(cell)
    joined = join_wrapped([last, *lines], table.label_right)
    return replace(cell, text=cell.text[: len(cell.text) - len(last.text)] + joined.text)
