"""Profile charts for the lead's pages (Altair, drawn by Streamlit's own Vega: no outside script).

The numbers are the profile's, as in the PDF: family levels on a radar, skill levels as bars, both 1-5.
Altair has no polar axes, so the radar is drawn from x/y points: a ring per level and one closed line per
candidate.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import altair as alt

LEVEL_MAX = 5


def _point(k: int, n: int, r: float) -> tuple[float, float]:
    angle = 2 * math.pi * k / n
    return r * math.sin(angle), r * math.cos(angle)


def radar(axes: Sequence[str], series: Mapping[str, Mapping[str, float]],
          size: int = 360) -> alt.LayerChart | alt.FacetChart:
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
            x, y = _point(k % len(axes), n, level or 0.0)
            lines.append({"candidate": label, "axis": axis, "level": round(level, 2) if level else None,
                          "k": k, "x": x, "y": y})
    scale = alt.Scale(domain=[-LEVEL_MAX - 2.2, LEVEL_MAX + 2.2])
    x_axis, y_axis = alt.X("x:Q", scale=scale, axis=None), alt.Y("y:Q", scale=scale, axis=None)
    ring = alt.Chart(alt.Data(values=rings)).mark_line(color="#c9d1d9", strokeWidth=1).encode(
        x=x_axis, y=y_axis, detail="ring:N", order="k:Q")
    spoke = alt.Chart(alt.Data(values=[*spokes, *({"axis": s["axis"], "k": s["k"], "x": 0, "y": 0}
                                                  for s in spokes)])).mark_line(
        color="#c9d1d9", strokeWidth=1).encode(x=x_axis, y=y_axis, detail="axis:N")
    label = alt.Chart(alt.Data(values=spokes)).mark_text(fontSize=11, color="#1b1f24").encode(
        x=alt.X("lx:Q", scale=scale, axis=None), y=alt.Y("ly:Q", scale=scale, axis=None), text="axis:N")
    colour = alt.Color("candidate:N", legend=alt.Legend(title=None, orient="bottom"))
    line = alt.Chart(alt.Data(values=lines)).mark_line(strokeWidth=2.5, opacity=0.85).encode(
        x=x_axis, y=y_axis, color=colour, order="k:Q", detail="candidate:N")
    dots = alt.Chart(alt.Data(values=lines)).mark_point(filled=True, size=50).encode(
        x=x_axis, y=y_axis, color=colour, tooltip=["candidate:N", "axis:N", "level:Q"])
    chart = alt.layer(ring, spoke, label, line, dots).properties(width=size, height=size)
    return chart


def skill_bars(levels: Mapping[str, float]) -> alt.Chart:
    """One bar per measured skill, on the 1-5 scale, strongest first."""
    rows = [{"skill": name, "level": round(level, 2)} for name, level in
            sorted(levels.items(), key=lambda kv: -kv[1])]
    return alt.Chart(alt.Data(values=rows)).mark_bar(color="#1f5f8b").encode(
        x=alt.X("level:Q", scale=alt.Scale(domain=[1, LEVEL_MAX]), title="1-5"),
        y=alt.Y("skill:N", sort=None, title=None), tooltip=["skill:N", "level:Q"],
    ).properties(height=max(60, 28 * len(rows)))
