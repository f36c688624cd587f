"""Rules of a page, whatever drew them: stroked lines, thin filled bars, shaded cells.

PDF producers draw the same table border three ways: a stroked path (most
engines), a thin filled rectangle (Chromium, Skia, many Word exports) or no
border at all but a shaded rectangle per cell, whose edges are the borders.
All three become pdfplumber edge dicts for the ruled finder. Shading is kept
apart: it also marks banded rows and text lines, so a grid that only shading
draws is a fallback where the borderless reader finds no table.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.readers.pdf.orientation import Orientation, upright
from extract.readers.pdf.page_objects import page_objects

LINE_TO = pdfium_c.FPDF_SEGMENT_LINETO
STRAIGHT = 0.01  # points a rule may lean and still count as horizontal or vertical
THIN = 2.0  # points: a filled rectangle this narrow is a rule drawn as a bar
MAX_SHADE_SHARE = 0.5  # a fill covering more of the page is a background, not a cell
NESTED = 0.5  # points a shaded rectangle may stick out of the one it lies in
JOIN = 1.0  # points between a rule's end and the rule it meets
OPEN_END_COLUMNS = 3  # column rules rising (falling) to one end: a grid's sides and one between
RECTANGLE_POINTS = (4, 5)  # a rectangle path: move, three lines, maybe a closing line


@dataclass(frozen=True)
class PageRules:
    """A page's drawn rules and, apart, the sides of its shaded rectangles (edge dicts) and
    the rectangles themselves (x0, top, x1, bottom: Writer's shaded header cells)."""

    lines: list[dict]
    shades: list[dict]
    boxes: list[tuple[float, float, float, float]]


def rule_edges(page: pdfium.PdfPage, orientation: Orientation | None = None) -> PageRules:
    """Given a pdfium page, return its rules as pdfplumber edge dicts (top-left origin), on
    the page turned as `orientation` says (upright by default)."""
    orientation = orientation or upright(page)
    width, height = orientation.width, orientation.height
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    edges: list[dict | None] = []
    shades: list[tuple[float, float, float, float]] = []
    for path in page_objects(page, pdfium_c.FPDF_PAGEOBJ_PATH, max_depth=1):
        pdfium_c.FPDFPath_GetDrawMode(path, ctypes.byref(fill), ctypes.byref(stroke))
        if stroke.value:
            points = _path_points(path, orientation)
            pairs = zip(points, points[1:], strict=False)
            edges += [_edge(a, b, height) for (a, _), (b, kind) in pairs if kind == LINE_TO]
            continue
        if not fill.value or pdfium_c.FPDFPath_CountSegments(path) not in RECTANGLE_POINTS:
            continue
        points = _path_points(path, orientation)
        if _is_rectangle(points):
            box = _box([p for p, _ in points])
            bar = _bar(box, height)
            if bar is not None:
                edges.append(bar)
            elif _area(box) <= MAX_SHADE_SHARE * width * height:
                shades.append(box)
    outermost = _outermost(shades)
    sides = [edge for box in outermost for edge in _sides(box, height)]
    lines = [e for e in edges if e is not None]
    boxes = [(x0, height - y1, x1, height - y0) for x0, y0, x1, y1 in outermost]
    return PageRules(lines + _open_ends(lines), [e for e in sides if e is not None], boxes)


def _open_ends(edges: list[dict]) -> list[dict]:
    """Given a page's rules, return the rule closing each grid whose first or last row is
    left open.

    Tables ruled under every row draw no line above the header: its column rules
    rise from the first row rule to a common top, with nothing across. The
    header row is a row of the grid all the same, so the open top is closed there.
    Likewise a row the page breaks is drawn open at the foot of the page (the rest
    of it, closed, opens the next: gen_47078_weasyprint's `3 257  3 299  3 416`):
    its column rules fall from the last row rule to a common bottom, each under a
    rule of its column drawn cell by cell (one column rule the table's height long
    under a header rule only draws no rows).
    """
    horizontals = [e for e in edges if e["orientation"] == "h"]
    verticals = [e for e in edges if e["orientation"] == "v"]
    rising = [e for e in verticals if _open_end(e, "top", "bottom", horizontals)]
    falling = [
        e
        for e in verticals
        if _open_end(e, "bottom", "top", horizontals) and _under_cell_side(e, verticals)
    ]
    return _across(rising, "top") + _across(falling, "bottom")


def _open_end(edge: dict, free: str, joined: str, horizontals: list[dict]) -> bool:
    """Given a column rule, return whether its `free` end meets no rule, its `joined` one."""
    x = edge["x0"]
    return not _crossed(x, edge[free], horizontals) and _crossed(x, edge[joined], horizontals)


def _under_cell_side(edge: dict, verticals: list[dict]) -> bool:
    """Given a column rule, return whether another rule of its column ends where it starts."""
    return any(
        abs(other["x0"] - edge["x0"]) <= JOIN and abs(other["bottom"] - edge["top"]) <= JOIN
        for other in verticals
    )


def _across(ends: list[dict], side: str) -> list[dict]:
    """Given column rules with an open end on `side`, return a rule across each group of
    OPEN_END_COLUMNS or more that end at one height."""
    groups: dict[float, list[dict]] = {}
    for edge in ends:
        groups.setdefault(round(edge[side]), []).append(edge)
    closed = []
    for group in groups.values():
        if len(group) >= OPEN_END_COLUMNS:
            left, right = min(e["x0"] for e in group), max(e["x0"] for e in group)
            y = min(e[side] for e in group) if side == "top" else max(e[side] for e in group)
            closed.append({**group[0], "x1": right, "x0": left, "bottom": y, "top": y})
            closed[-1].update(width=right - left, height=0.0, orientation="h")
    return closed


def _crossed(x: float, y: float, horizontals: list[dict]) -> bool:
    """Given a point and the horizontal rules, return whether a rule runs through it."""
    return any(
        abs(h["top"] - y) <= JOIN and h["x0"] - JOIN <= x <= h["x1"] + JOIN for h in horizontals
    )


def _is_rectangle(points) -> bool:
    """Given a path's points, return whether they trace an upright rectangle."""
    if any(k != LINE_TO for _, k in points[1:]):
        return False
    xs = {round(p[0], 2) for p, _ in points}
    ys = {round(p[1], 2) for p, _ in points}
    return len(xs) <= 2 and len(ys) <= 2


def _box(points) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _area(box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def _bar(box, height: float) -> dict | None:
    """Given a filled rectangle, return the rule it draws if it is a thin bar, else None."""
    x0, y0, x1, y1 = box
    if x1 - x0 <= THIN and y1 - y0 > THIN:
        middle = (x0 + x1) / 2
        return _edge((middle, y0), (middle, y1), height)
    if y1 - y0 <= THIN and x1 - x0 > THIN:
        middle = (y0 + y1) / 2
        return _edge((x0, middle), (x1, middle), height)
    return None


def _sides(box, height: float) -> list[dict | None]:
    """Given a shaded rectangle, return its four sides as edges."""
    x0, y0, x1, y1 = box
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    return [_edge(a, b, height) for a, b in zip(corners, [*corners[1:], corners[0]], strict=True)]


def _outermost(boxes: list[tuple[float, float, float, float]]) -> list[tuple[float, ...]]:
    """Given shaded rectangles, return those that lie inside no other one.

    Word shades a cell, then each text line and the padding inside it again;
    only the cell's own rectangle borders the cell. Of two equal rectangles
    the first is kept.
    """
    if len(boxes) < 2:
        return boxes
    b = np.array(boxes)
    x0, y0, x1, y1 = (b[:, i] for i in range(4))
    inside = (
        (x0[:, None] >= x0[None, :] - NESTED)
        & (y0[:, None] >= y0[None, :] - NESTED)
        & (x1[:, None] <= x1[None, :] + NESTED)
        & (y1[:, None] <= y1[None, :] + NESTED)
    )
    order = np.arange(len(boxes))
    inside &= ~(inside.T & (order[:, None] <= order[None, :]))  # equal boxes: the later goes
    return [box for box, nested in zip(boxes, inside.any(axis=1), strict=True) if not nested]


def _path_points(path, orientation: Orientation) -> list[tuple[tuple[float, float], int]]:
    """Given a path object's handle, return its points on the upright page with their
    segment kinds."""
    matrix = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(path, ctypes.byref(matrix))
    x, y = ctypes.c_float(), ctypes.c_float()
    points = []
    for index in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        point = orientation.upright(
            matrix.a * x.value + matrix.c * y.value + matrix.e,
            matrix.b * x.value + matrix.d * y.value + matrix.f,
        )
        points.append((point, pdfium_c.FPDFPathSegment_GetType(segment)))
    return points


def _edge(start: tuple[float, float], end: tuple[float, float], height: float) -> dict | None:
    """Given a straight segment in PDF space, return it as a pdfplumber edge (None if slanted)."""
    (x0, y0), (x1, y1) = sorted([start, end])
    if abs(y1 - y0) <= STRAIGHT and abs(x1 - x0) > STRAIGHT:
        top = height - y0
        return {
            "x0": x0,
            "x1": x1,
            "top": top,
            "bottom": top,
            "width": x1 - x0,
            "height": 0.0,
            "orientation": "h",
            "object_type": "line",
        }
    if abs(x1 - x0) <= STRAIGHT:
        top, bottom = sorted([height - y0, height - y1])
        return {
            "x0": x0,
            "x1": x0,
            "top": top,
            "bottom": bottom,
            "width": 0.0,
            "height": bottom - top,
            "orientation": "v",
            "object_type": "line",
        }
    return None
