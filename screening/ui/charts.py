"""Profile charts for the lead's pages, as Vega-Lite specs drawn by Streamlit's own Vega (no outside script).

The numbers are the profile's, as in the PDF: family levels on a radar, skill levels as bars, both 1-5.
Vega-Lite has no polar axes, so the radar is drawn from x/y points: a ring per level and one closed line per
candidate. The specs are plain dicts: built with Altair, each view paid about 60 ms to validate the same chart
against the Vega-Lite schema again; tests/unit/test_charts.py validates them once, against that schema.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

LEVEL_MAX = 5
GRID, INK, BAR = "#c9d1d9", "#1b1f24", "#1f5f8b"


def _point(k: int, n: int, r: float) -> tuple[float, float]:
    angle = 2 * math.pi * k / n
    return r * math.sin(angle), r * math.cos(angle)


def _field(name: str, kind: str, **more: Any) -> dict[str, Any]:
    return {"field": name, "type": kind, **more}


def radar(axes: Sequence[str], series: Mapping[str, Mapping[str, float]], size: int = 360) -> dict[str, Any]:
    """`axes`: the family names around the circle; `series`: per candidate label, level (1-5) per axis.
    An axis a candidate has no level for is drawn at the centre."""
    n = max(len(axes), 3)
    rings = [{"ring": level, "k": k, **dict(zip(("x", "y"), _point(k, n, level), strict=True))}
             for level in range(1, LEVEL_MAX + 1) for k in range(n + 1)]
    spokes = [{"axis": a, "k": k, "x": x, "y": y, "lx": lx, "ly": ly}
              for k, a in enumerate(axes)
              for (x, y), (lx, ly) in [(_point(k, n, LEVEL_MAX), _point(k, n, LEVEL_MAX + 0.9))]]
    lines = []
    for label, levels in series.items():
        for k in range(len(axes) + 1):
            axis = axes[k % len(axes)]
            level = levels.get(axis)
            px, py = _point(k % len(axes), n, level or 0.0)
            lines.append({"candidate": label, "axis": axis, "level": round(level, 2) if level else None,
                          "k": k, "x": px, "y": py})
    scale = {"domain": [-LEVEL_MAX - 2.2, LEVEL_MAX + 2.2]}
    x, y = _field("x", "quantitative", scale=scale, axis=None), _field("y", "quantitative", scale=scale, axis=None)
    colour = _field("candidate", "nominal", legend={"title": None, "orient": "bottom"})
    centre = [{"axis": s["axis"], "k": s["k"], "x": 0, "y": 0} for s in spokes]
    return {"width": size, "height": size, "layer": [
        {"data": {"values": rings}, "mark": {"type": "line", "color": GRID, "strokeWidth": 1},
         "encoding": {"x": x, "y": y, "detail": _field("ring", "nominal"), "order": _field("k", "quantitative")}},
        {"data": {"values": [*spokes, *centre]}, "mark": {"type": "line", "color": GRID, "strokeWidth": 1},
         "encoding": {"x": x, "y": y, "detail": _field("axis", "nominal")}},
        {"data": {"values": spokes}, "mark": {"type": "text", "fontSize": 11, "color": INK},
         "encoding": {"x": {**x, "field": "lx"}, "y": {**y, "field": "ly"}, "text": _field("axis", "nominal")}},
        {"data": {"values": lines}, "mark": {"type": "line", "strokeWidth": 2.5, "opacity": 0.85},
         "encoding": {"x": x, "y": y, "color": colour, "order": _field("k", "quantitative"),
                      "detail": _field("candidate", "nominal")}},
        {"data": {"values": lines}, "mark": {"type": "point", "filled": True, "size": 50},
         "encoding": {"x": x, "y": y, "color": colour,
                      "tooltip": [_field("candidate", "nominal"), _field("axis", "nominal"),
                                  _field("level", "quantitative")]}},
    ]}


def skill_bars(levels: Mapping[str, float]) -> dict[str, Any]:
    """One bar per measured skill, on the 1-5 scale, strongest first."""
    rows = [{"skill": name, "level": round(level, 2)} for name, level in
            sorted(levels.items(), key=lambda kv: -kv[1])]
    return {"height": max(60, 28 * len(rows)), "data": {"values": rows}, "mark": {"type": "bar", "color": BAR},
            "encoding": {"x": _field("level", "quantitative", scale={"domain": [1, LEVEL_MAX]}, title="1-5"),
                         "y": _field("skill", "nominal", sort=None, title=None),
                         "tooltip": [_field("skill", "nominal"), _field("level", "quantitative")]}}
