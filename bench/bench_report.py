"""PDF profile benchmarks: one profile, a campaign of 200, and our overhead over bare reportlab.

The bare document holds as many paragraphs (with the same plain text), tables (of the same shapes)
and charts as one profile, in the same embedded font, laid out with SimpleDocTemplate: the
ratio is what our layout, inert text, running headers and page-x-of-y footers cost on top.
Profiles are seeded here from the shipped framework and target profile.
"""

from __future__ import annotations

import io
import json
import random
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from xml.sax.saxutils import escape

import yaml
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Circle, Drawing, Polygon
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Table

from bench.stats import entry, median, p95, timings
from screening import REPO_DIR
from screening.framework import Framework, load_framework
from screening.report import render_campaign_zip, render_profile_pdf
from screening.report.fonts import REGULAR, register_fonts
from screening.report.pdf import build_story
from screening.scoring.profile import Profile, ProfileMeta, Quote, RaterLevel, build_profile
from screening.scoring.sjt import SkillScore
from screening.services._plans import get_plans

SINGLE_RUNS = 20
CAMPAIGN_SIZE = 200
CAMPAIGN_RUNS = 2  # a campaign zip is 200 PDFs (about 40 s on a loaded machine): two runs give median and max
PAIRED_RUNS = 20
WORDS = ("customer", "refund", "called", "back", "parcel", "sorry", "explained", "next", "step", "calm",
         "listened", "order", "delivery", "checked", "manager", "email", "chat", "promised", "date", "thanks")


def run() -> list[dict]:
    framework = load_framework(REPO_DIR / "question_banks" / "framework.yaml")
    plans = get_plans()
    rng = random.Random(20260122)
    target = yaml.safe_load((REPO_DIR / "question_banks" / "profiles" / "customer_advisor.yaml").read_text("utf-8"))
    profiles = [_profile(framework, target, rng, k) for k in range(CAMPAIGN_SIZE)]
    one = profiles[0]

    def ours() -> bytes:
        return render_profile_pdf(one, framework, plans)

    single = timings(ours, repeat=SINGLE_RUNS)
    campaign = timings(lambda: render_campaign_zip(profiles, framework, plans), repeat=CAMPAIGN_RUNS, warmup=0)
    bare = _bare_document(build_story(one, framework, plans))
    bare()
    # Side by side, so drift in machine load hits both alike.
    ratios = [timings(ours, 1, warmup=0)[0] / timings(bare, 1, warmup=0)[0] for _ in range(PAIRED_RUNS)]
    campaign_name = f"report.campaign_{CAMPAIGN_SIZE}_zip"
    return [entry("report.profile_pdf.median", median(single) * 1000, "ms", 150, "lower"),
            entry("report.profile_pdf.p95", p95(single) * 1000, "ms", None, "lower"),
            entry(f"{campaign_name}.median", median(campaign), "s", CAMPAIGN_SIZE * 0.150, "lower"),
            entry(f"{campaign_name}.p95", p95(campaign), "s", None, "lower"),
            entry("report.profile_over_bare_reportlab.median", median(ratios), "ratio", 1.5, "lower"),
            entry("report.profile_over_bare_reportlab.p95", p95(ratios), "ratio", None, "lower")]


# --- seeded profiles ------------------------------------------------------------------------------

def _profile(framework: Framework, target: dict, rng: random.Random, k: int) -> Profile:
    weights = {w["skill"]: float(w["weight"]) for w in target["weights"]}
    extra = rng.sample([s.id for s in framework.skills if s.id not in weights], 6)
    skills = [*weights, *extra]
    sjt = {s: SkillScore(rng.uniform(20, 95), rng.randint(1, 4)) for s in skills if rng.random() < 0.9}
    raters = ("Ana Ruiz", "Kofi Mensah", "Mei Chen")
    ratings = [(s, RaterLevel(r, f"iq.{s}.{q}", rng.randint(1, 5)))
               for s in skills[:14] for q in range(rng.randint(1, 2)) for r in raters[: rng.randint(1, 3)]]
    quotes = {s: Quote(" ".join(rng.choices(WORDS, k=rng.randint(20, 90))),
                       "Tell me about a time a customer was upset.")
              for s in skills[:14]}
    started = datetime(2026, 1, 5) + timedelta(days=k % 20)
    meta = ProfileMeta(candidate_id=k + 1, candidate_name=f"Candidate {k + 1} Łukasz Ödegaard", campaign_id=1,
                       campaign_name="Phone and chat advisors, Q1 2026", language="en" if k % 2 else "fr",
                       target_profile=target["name"]["en"], bank_version="2026.1", sjt_submitted_at=started,
                       interview_dates=(started + timedelta(days=3),), raters=raters, norm_group_size=k)
    return build_profile(framework=framework, meta=meta, skills=skills, sjt=sjt, ratings=ratings,
                         quotes=quotes, target_weights=weights)


# --- the bare document ----------------------------------------------------------------------------

def _bare_document(story: list[Flowable]) -> Callable[[], bytes]:
    paragraphs, tables, charts = _census(story)
    register_fonts()
    style = ParagraphStyle("bare", fontName=REGULAR, fontSize=8.8, leading=12.2)

    def build() -> bytes:
        flow: list[Flowable] = [Paragraph(text, style) for text in paragraphs]
        flow += [Table([["x"] * cols for _ in range(rows)]) for rows, cols in tables]
        flow += [_bare_chart(radar, n) for radar, n in charts]
        buf = io.BytesIO()
        SimpleDocTemplate(buf, pagesize=A4, title="bare").build(flow)
        return buf.getvalue()

    return build


def _census(flowables: Iterable[object]) -> tuple[list[str], list[tuple[int, int]], list[tuple[bool, int]]]:
    """Plain text of every paragraph, shape of every table, kind and points of every chart."""
    paragraphs: list[str] = []
    tables: list[tuple[int, int]] = []
    charts: list[tuple[bool, int]] = []
    for f in flowables:
        if isinstance(f, Paragraph):
            paragraphs.append(escape(f.getPlainText()))
        elif isinstance(f, Table):
            tables.append((len(f._cellvalues), len(f._cellvalues[0])))
            for p, t, c in [_census(cell if isinstance(cell, list) else [cell])
                            for row in f._cellvalues for cell in row]:
                paragraphs += p
                tables += t
                charts += c
        elif isinstance(f, KeepTogether):
            p, t, c = _census(f._content)
            paragraphs += p
            tables += t
            charts += c
        elif isinstance(f, Drawing):
            nodes = f.getContents()
            charts.append((any(isinstance(n, Polygon) for n in nodes), sum(isinstance(n, Circle) for n in nodes)))
    return paragraphs, tables, charts


def _bare_chart(radar: bool, points: int) -> Drawing:
    d = Drawing(300, 220)
    if radar:
        chart: SpiderChart | HorizontalBarChart = SpiderChart()
        chart.data = [[3.0 + (k % 3) * 0.5 for k in range(points)]]
        chart.labels = [f"Family {k}" for k in range(points)]
    else:
        chart = HorizontalBarChart()
        chart.data = [[3.0 + k * 0.3 for k in range(points)]]
        chart.categoryAxis.categoryNames = [f"Group {k}" for k in range(points)]
    chart.x, chart.y, chart.width, chart.height = 40, 20, 220, 180
    d.add(chart)
    return d


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
