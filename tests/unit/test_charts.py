"""The lead's charts are plain Vega-Lite specs: each must be valid against the Vega-Lite schema (Altair's
bundled copy checks it here, once, instead of on every view of the page) and draw what the profile says."""

from __future__ import annotations

import altair as alt

from screening.ui import charts

AXES = ["Communication", "Empathy", "Ownership"]


def test_the_radar_is_valid_vega_lite_with_one_closed_line_per_candidate_and_gaps_at_the_centre():
    spec = charts.radar(AXES, {"Amina": {"Communication": 3.5, "Empathy": 2.0}, "Bo": {"Ownership": 4.0}}, size=300)
    alt.LayerChart.from_dict(spec)  # raises SchemaValidationError on an invalid spec
    rings, _spokes, labels, lines, _dots = spec["layer"]
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["line", "line", "text", "line", "point"]
    assert [v["axis"] for v in labels["data"]["values"]] == AXES
    amina = [v for v in lines["data"]["values"] if v["candidate"] == "Amina"]
    assert [v["axis"] for v in amina] == [*AXES, AXES[0]]          # closed: back to the first axis
    assert [v["level"] for v in amina] == [3.5, 2.0, None, 3.5]     # no level for Ownership ...
    assert (amina[2]["x"], amina[2]["y"]) == (0.0, 0.0)             # ... drawn at the centre
    assert {v["ring"] for v in rings["data"]["values"]} == {1, 2, 3, 4, 5}


def test_the_skill_bars_are_valid_vega_lite_on_the_1_to_5_scale_strongest_first():
    spec = charts.skill_bars({"Listening": 3.214, "Apology": 4.5})
    alt.Chart.from_dict(spec)
    assert [r["skill"] for r in spec["data"]["values"]] == ["Apology", "Listening"]
    assert [r["level"] for r in spec["data"]["values"]] == [4.5, 3.21]
    assert spec["encoding"]["x"]["scale"] == {"domain": [1, 5]}
