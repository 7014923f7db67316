"""Charts of the report, drawn with reportlab.graphics: a radar of skill families and a dot chart.

Levels are on the 1-5 rating scale. Only measured groups are passed in: an unmeasured
family or intelligence is left out, never drawn as 0. Greys and one blue keep the charts
readable when printed in black and white.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit

from screening.domain.scale import RATING_LEVELS
from screening.report.fonts import BOLD, REGULAR, register_fonts, replace_missing
from screening.text import Layout, Medium, clean, inert, visual_order

INK = colors.HexColor("#1F3A5F")
FILL = colors.Color(0.12, 0.23, 0.37, alpha=0.22)
GRID = colors.HexColor("#B8BEC6")
MUTED = colors.HexColor("#5A6470")
TRACK = colors.HexColor("#EEF0F3")
SCALE = RATING_LEVELS
LABEL_SIZE = 7.2
NOTE_SIZE = 6.5
LABEL_ROOM = 72  # points kept beside the radar for its labels


@dataclass(frozen=True)
class Point:
    label: str      # a family or intelligence name, in the report's language
    level: float    # 1-5
    value: str      # the level as printed, e.g. "3.6" or "3,6"
    note: str = ""  # evidence behind it, e.g. "2/4 skills"


def family_chart(points: Sequence[Point], width: float, height: float) -> Drawing:
    """A radar from three families up; below that a radar is degenerate, so dots instead."""
    return radar(points, width, height) if len(points) >= 3 else dots(points, width, height)


def radar(points: Sequence[Point], width: float, height: float) -> Drawing:
    register_fonts()
    d = Drawing(width, height, initialFontName=REGULAR, initialFontSize=NOTE_SIZE)  # never the default Helvetica
    n = len(points)
    cx, cy = width / 2, height / 2
    radius = min(width / 2 - LABEL_ROOM, height / 2 - 28)
    angles = [math.pi / 2 - 2 * math.pi * k / n for k in range(n)]

    def at(r: float, a: float) -> tuple[float, float]:
        return cx + r * math.cos(a), cy + r * math.sin(a)

    for level in SCALE:
        ring = [c for a in angles for c in at(radius * level / 5, a)]
        d.add(Polygon(ring, strokeColor=GRID, strokeWidth=0.5, fillColor=None))
        d.add(String(cx - 2, cy + radius * level / 5 - 6, str(level), fontName=REGULAR,
                     fontSize=5.5, fillColor=MUTED, textAnchor="end"))
    for a in angles:
        d.add(Line(cx, cy, *at(radius, a), strokeColor=GRID, strokeWidth=0.5))
    shape = [c for p, a in zip(points, angles, strict=True) for c in at(radius * _clamp(p.level) / 5, a)]
    d.add(Polygon(shape, strokeColor=INK, strokeWidth=1.4, fillColor=FILL))
    for p, a in zip(points, angles, strict=True):
        d.add(Circle(*at(radius * _clamp(p.level) / 5, a), 2.2, fillColor=INK, strokeColor=None))
        _radar_label(d, p, *at(radius + 7, a), a, width)
    return d


def _radar_label(d: Drawing, p: Point, x: float, y: float, angle: float, width: float) -> None:
    cos, sin = math.cos(angle), math.sin(angle)
    anchor = "start" if cos > 0.25 else "end" if cos < -0.25 else "middle"
    room = {"start": width - x, "end": x, "middle": 2 * min(x, width - x)}[anchor]
    lines = _wrap(p.label, BOLD, LABEL_SIZE, min(room, 110), max_lines=4)
    detail = f"{p.value} · {_note(p.note)}" if p.note else p.value
    height = len(lines) * (LABEL_SIZE + 1) + NOTE_SIZE
    # Labels above the centre grow upwards, below it downwards, beside it they are centred.
    top = y + height if sin > 0.25 else y - 2 if sin < -0.25 else y + height / 2
    for k, line in enumerate(lines):
        d.add(String(x, top - (k + 1) * (LABEL_SIZE + 1) + 2, line, fontName=BOLD,
                     fontSize=LABEL_SIZE, fillColor=colors.black, textAnchor=anchor))
    d.add(String(x, top - height + 1, detail, fontName=REGULAR, fontSize=NOTE_SIZE,
                 fillColor=MUTED, textAnchor=anchor))


def dots(points: Sequence[Point], width: float, height: float | None = None) -> Drawing:
    """One row per group: a track from 1 to 5, a bar up to the level and a dot on it."""
    register_fonts()
    row = 30.0
    height = height or row * max(len(points), 1) + 18
    d = Drawing(width, height, initialFontName=REGULAR, initialFontSize=NOTE_SIZE)  # never the default Helvetica
    label_w = width * 0.38
    x0, x1 = label_w + 6, width - 22
    span = x1 - x0

    def x_of(level: float) -> float:
        return x0 + span * (_clamp(level) - 1) / 4

    rows_h = row * len(points)
    top = (height + 14 + rows_h) / 2
    for k, p in enumerate(points):
        mid = top - row * k - row / 2
        d.add(Rect(x0, mid - 4, span, 8, fillColor=TRACK, strokeColor=None))
        d.add(Rect(x0, mid - 4, x_of(p.level) - x0, 8, fillColor=FILL, strokeColor=None))
        d.add(Circle(x_of(p.level), mid, 4, fillColor=INK, strokeColor=colors.white, strokeWidth=0.8))
        d.add(String(x1 + 4, mid - 2.5, p.value, fontName=BOLD, fontSize=LABEL_SIZE, fillColor=INK))
        lines = _wrap(p.label, BOLD, LABEL_SIZE, label_w)
        block = len(lines) * (LABEL_SIZE + 1) + (NOTE_SIZE + 1 if p.note else 0)
        y = mid + block / 2 - LABEL_SIZE
        for line in lines:
            d.add(String(label_w, y, line, fontName=BOLD, fontSize=LABEL_SIZE, textAnchor="end"))
            y -= LABEL_SIZE + 1
        if p.note:
            d.add(String(label_w, y + 0.5, _note(p.note), fontName=REGULAR, fontSize=NOTE_SIZE,
                         fillColor=MUTED, textAnchor="end"))
    axis_y = top - rows_h - 4
    d.add(Line(x0, axis_y, x1, axis_y, strokeColor=GRID, strokeWidth=0.5))
    for level in SCALE:
        d.add(Line(x_of(level), axis_y, x_of(level), top, strokeColor=GRID, strokeWidth=0.3,
                   strokeDashArray=[1, 2]))
        d.add(String(x_of(level), axis_y - 8, str(level), fontName=REGULAR, fontSize=NOTE_SIZE,
                     fillColor=MUTED, textAnchor="middle"))
    return d


def empty(message: str, width: float, height: float) -> Drawing:
    register_fonts()
    d = Drawing(width, height, initialFontName=REGULAR, initialFontSize=NOTE_SIZE)  # never the default Helvetica
    d.add(Rect(0, 0, width, height, fillColor=TRACK, strokeColor=None))
    d.add(String(width / 2, height / 2, _note(message), fontName=REGULAR, fontSize=8,
                 fillColor=MUTED, textAnchor="middle"))
    return d


def labels(drawing: Drawing) -> list[str]:
    """Every text drawn in a chart, for checks and accessibility."""
    return [node.text for node in drawing.getContents() if isinstance(node, String)]


def _note(text: str) -> str:
    """One line drawn as typed, in visual order, with a visible mark for what the font cannot draw."""
    return replace_missing(inert(text, Medium.PDF_STRING))


def _wrap(text: str, font: str, size: float, width: float, max_lines: int = 3) -> list[str]:
    lines = simpleSplit(replace_missing(clean(text, limit=120, layout=Layout.ONE_LINE)), font, size, width) or [""]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1] + "\u2026"]
    return [visual_order(line) for line in lines]


def _clamp(level: float) -> float:
    return min(5.0, max(1.0, float(level)))
