"""The candidate profile as a PDF: a one-page summary, the evidence per skill, a development plan
and how the figures were made. Built with platypus; every piece of candidate or staff text goes
through `inert(text, Medium.PDF_PARAGRAPH)` first, so it is shown as typed and never read as markup.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from screening.development import DevelopmentPlans
from screening.framework import Framework
from screening.report import charts, strings
from screening.report.fonts import BOLD, REGULAR, register_fonts, replace_missing
from screening.report.strings import t
from screening.scoring.profile import BANDS, INTERVIEW_WEIGHT, NORM_GROUP_MINIMUM, SJT_WEIGHT, Profile, SkillResult
from screening.scoring.ratings import DISAGREEMENT_GAP
from screening.text import LINE_CHARS, QUOTE_CHARS, Layout, Medium, clean, inert, is_rtl, visual_order

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
WIDTH = PAGE_W - 2 * MARGIN
LABEL_W = 36 * mm
PAD = 4
INK = charts.INK
MUTED = charts.MUTED
RULE = colors.HexColor("#D5D9DF")
SHADE = colors.HexColor("#F3F5F8")
ALERT = colors.HexColor("#A3261B")
ALERT_BG = colors.HexColor("#FBE9E7")
# Every table names the embedded face: a plain-string cell (even "") is otherwise set in reportlab's
# default Helvetica, which is not embedded and makes the PDF depend on the reader's fonts.
TABLE_FONT = ("FONTNAME", (0, 0), (-1, -1), REGULAR)


class Para(Paragraph):
    """A Paragraph that draws only what the font has (a missing glyph shows as U+FFFD, never as an empty
    box) and keeps its last wrap: a table wraps each cell twice, to size the rows and again to draw them,
    and line breaking is most of the cost of a report. A wrap depends only on the width, so the same
    width gives the same lines."""

    _last: tuple[float, object, tuple[float, float]] | None = None

    def __init__(self, text: str, style: ParagraphStyle, **kwargs: object) -> None:
        super().__init__(replace_missing(text), style, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        # split() may drop or replace the broken lines (blPara); then the cache no longer holds.
        last = self._last
        if last is None or last[0] != availWidth or getattr(self, "blPara", None) is not last[1]:
            size = super().wrap(availWidth, availHeight)
            self._last = last = (availWidth, getattr(self, "blPara", None), size)
        return last[2]


# --- public API ---------------------------------------------------------------------------------

def render_profile_pdf(profile: Profile, framework: Framework, plans: DevelopmentPlans) -> bytes:
    """One candidate's profile as PDF bytes, with development plans from the configured banks folder."""
    lang = strings.lang_of(profile.meta.language)
    story = build_story(profile, framework, plans)
    meta = profile.meta
    name = clean(meta.candidate_name, limit=LINE_CHARS, layout=Layout.ONE_LINE)
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=f"{t('title', lang)}{strings.colon(lang)}{name}", author=t("author", lang),
        subject=t("subject", lang, campaign=clean(meta.campaign_name, limit=LINE_CHARS, layout=Layout.ONE_LINE)),
        creator="screening", lang=lang, displayDocTitle=1,
        initialFontName=REGULAR)  # else each page's canvas starts in (unembedded) Helvetica
    frame = Frame(MARGIN, MARGIN + 7 * mm, WIDTH, PAGE_H - 2 * MARGIN - 11 * mm, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_page_decoration(profile, lang))])
    footer_right = t("generated", lang, when=strings.date_time(meta.generated_at, lang))
    doc.build(story, canvasmaker=_footer_canvas(t("confidential", lang), footer_right,
                                                lambda n, total: t("page", lang, n=n, total=total)))
    return buf.getvalue()


def render_campaign_zip(profiles: Sequence[Profile], framework: Framework,
                        plans: DevelopmentPlans) -> tuple[dict[str, bytes], bytes]:
    """One PDF per candidate: {file name: pdf bytes} and the same files zipped."""
    files: dict[str, bytes] = {}
    for profile in profiles:
        files[_unique(files, file_name(profile))] = render_profile_pdf(profile, framework, plans)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, pdf in files.items():
            zf.writestr(name, pdf)
    return files, buf.getvalue()


@cache
def file_name(profile: Profile) -> str:
    ascii_name = unicodedata.normalize("NFKD", clean(profile.meta.candidate_name, limit=60, layout=Layout.ONE_LINE))
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name.encode("ascii", "ignore").decode()).strip("-").lower()
    return f"{slug or 'candidate'}-{profile.meta.candidate_id}.pdf"


def _unique(existing: dict[str, bytes], name: str) -> str:
    stem, k = name[:-4], 2
    while name in existing:
        name, k = f"{stem}-{k}.pdf", k + 1
    return name


# --- the story ----------------------------------------------------------------------------------

def build_story(profile: Profile, framework: Framework, plans: DevelopmentPlans) -> list[Flowable]:
    lang = strings.lang_of(profile.meta.language)
    st = _styles()
    return [*_summary(profile, framework, lang, st), PageBreak(),
            *_skills(profile, framework, lang, st),
            *_plan(profile, framework, plans, lang, st),
            *_method(profile, lang, st)]


def _summary(p: Profile, fw: Framework, lang: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    m = p.meta
    out: list[Flowable] = []
    if m.is_demo:
        out += [_box(Para(f"<b>{t('demo_banner', lang)}</b>", st["alert"]), ALERT_BG, ALERT), Spacer(1, 8)]
    out += [Para(t("title", lang).upper(), st["kicker"]),
            Para(inert(m.candidate_name, Medium.PDF_PARAGRAPH, limit=LINE_CHARS), st["name"])]
    none = f'<font color="#5A6470">{t("none", lang)}</font>'
    dates = sorted({d.date() for d in m.interview_dates})
    interviews = ", ".join(strings.date(datetime(d.year, d.month, d.day), lang) for d in dates) or none
    sjt = strings.date(m.sjt_submitted_at, lang) if m.sjt_submitted_at else t("not_taken", lang)
    raters = ", ".join(inert(r, Medium.PDF_PARAGRAPH, limit=80) for r in m.raters) or none
    target = inert(m.target_profile, Medium.PDF_PARAGRAPH, limit=LINE_CHARS) if m.target_profile else none
    rows = [(t("campaign", lang), inert(m.campaign_name, Medium.PDF_PARAGRAPH, limit=LINE_CHARS),
             t("target_profile", lang), target),
            (t("sjt_date", lang), sjt, t("interviews", lang), interviews),
            (t("raters", lang), raters, t("decision", lang), _decision(m.decision, lang))]
    half = WIDTH / 2
    cells: list[list[object]] = [[Para(a, st["label"]), Para(b, st["cell"]), Para(c, st["label"]),
                                  Para(d, st["cell"])] for a, b, c, d in rows]
    if m.decision and m.decision_note and m.decision_note.strip():
        note = inert(m.decision_note, Medium.PDF_PARAGRAPH, limit=QUOTE_CHARS, keep_newlines=True)
        cells.append([Para(t("decision_note", lang), st["label"]), Para(note, st["cell"]), "", ""])
    out.append(_grid(cells, [30 * mm, half - 30 * mm, 28 * mm, half - 28 * mm], span_last=len(cells) > len(rows)))
    out += [Spacer(1, 10), _charts_row(p, fw, lang, st), Spacer(1, 10), _fit(p, fw, lang, st), Spacer(1, 10),
            _strengths_table(p, fw, lang, st), Spacer(1, 8), Para(t("read_more", lang), st["small"])]
    return out


def _decision(decision: str | None, lang: str) -> str:
    if not decision:
        return f'<font color="#5A6470">{t("not_recorded", lang)}</font>'
    known = strings.decision(lang, decision)
    return f"<b>{known if known else inert(decision, Medium.PDF_PARAGRAPH, limit=80)}</b>"


def _charts_row(p: Profile, fw: Framework, lang: str, st: dict[str, ParagraphStyle]) -> Table:
    left_w, right_w, h = WIDTH * 0.64, WIDTH * 0.36, 240
    fams = [charts.Point(fw.family_by_id[g.id].name.get(lang), g.level, strings.number(g.level, lang),
                         t("skills_of", lang, measured=g.skills_measured, total=g.skills_total))
            for g in p.families if g.id in fw.family_by_id]
    intel = [charts.Point(fw.intelligence_by_id[g.id].name.get(lang), g.level, strings.number(g.level, lang),
                          t("skills_of", lang, measured=g.skills_measured, total=g.skills_total))
             for g in p.intelligences if g.id in fw.intelligence_by_id]
    nothing = t("nothing_measured", lang)
    left = charts.family_chart(fams, left_w - 8, h) if fams else charts.empty(nothing, left_w - 8, h)
    right = charts.dots(intel, right_w - 8) if intel else charts.empty(nothing, right_w - 8, h)
    legend = Para(t("bands_legend", lang, **_band_cuts(lang)), st["small"])
    table = Table([[Para(t("families_chart", lang), st["h3"]), Para(t("intelligences_chart", lang), st["h3"])],
                   [left, [right, Spacer(1, 10), legend]]], colWidths=[left_w, right_w])
    table.setStyle(TableStyle([TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("LEFTPADDING", (1, 0), (1, -1), 8),
                               ("LINEAFTER", (0, 0), (0, -1), 0.5, RULE)]))
    return table


def _fit(p: Profile, fw: Framework, lang: str, st: dict[str, ParagraphStyle]) -> Flowable:
    """The fit to the target, how much evidence stands behind the profile, and any disagreement."""
    if p.fit is not None:
        fit = t("fit_line", lang, score=round(p.fit.score), coverage=strings.percent(p.fit.coverage, lang))
    else:
        fit = t("fit_none" if p.meta.target_profile else "fit_no_target", lang)
    measured = [r for r in p.skills if r.level is not None]
    lines = [Para(t("fit", lang, text=fit), st["body"]),
             Para(t("evidence", lang, measured=len(measured), total=len(p.skills),
                         sjt=sum(r.sjt_score is not None for r in measured),
                         interview=sum(r.interview_level is not None for r in measured)), st["cell"])]
    disputed = [_skill_name(fw, r.skill_id, lang) for r in measured if r.disagreement]
    if disputed:
        lines.append(Para(f'<font color="#A3261B"><b>{t("disagreements", lang, skills=", ".join(disputed))}</b></font>',
                               st["cell"]))
    return _box(lines, SHADE, None)


def _strengths_table(p: Profile, fw: Framework, lang: str, st: dict[str, ParagraphStyle]) -> Table:
    def lines(results: Sequence[SkillResult]) -> list[Para]:
        if not results:
            return [Para(t("none_yet", lang), st["small"])]
        return [Para(f"<b>{_skill_name(fw, r.skill_id, lang)}</b> \u2014 {_level_band(r, lang)}", st["cell"])
                for r in results]

    left, right = lines(p.strengths), lines(p.development)
    rows: list[list[Para | str]] = [[Para(t("strengths", lang), st["h3"]), Para(t("development", lang), st["h3"])]]
    rows += [[left[k] if k < len(left) else "", right[k] if k < len(right) else ""]
             for k in range(max(len(left), len(right)))]
    table = Table(rows, colWidths=[WIDTH / 2, WIDTH / 2])
    table.setStyle(TableStyle([TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def _skills(p: Profile, fw: Framework, lang: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    out: list[Flowable] = [Para(t("skills_section", lang), st["h2"])]
    measured = {r.skill_id: r for r in p.skills if r.level is not None}
    groups = {g.id: g for g in p.families}
    for fam in fw.families:
        results = [measured[sid] for sid in fam.skill_ids if sid in measured]
        if not results:
            continue
        g = groups.get(fam.id)
        head = [Para(inert(fam.name.get(lang), Medium.PDF_PARAGRAPH), st["h3"])]
        if g is not None:
            head.append(Para(t("family_line", lang, measured=g.skills_measured, total=g.skills_total,
                                  level=strings.number(g.level, lang)), st["small"]))
        out += [_skill_block(r, fw, lang, st, head if k == 0 else []) for k, r in enumerate(results)]
    missing = [r for r in p.skills if r.level is None and r.skill_id in fw.skill_by_id]
    if missing:
        names = ", ".join(_skill_name(fw, r.skill_id, lang) for r in missing)
        out.append(Para(t("not_measured", lang, skills=names), st["small"]))
    return out


def _skill_block(r: SkillResult, fw: Framework, lang: str, st: dict[str, ParagraphStyle],
                 heading: list[Para]) -> Table:
    """One skill as one table that never splits; its family's heading, if given, rides on top
    so it is never left alone at the foot of a page. (One NOSPLIT table lays out in a single
    pass, where KeepTogether around nested tables measured everything twice.)"""
    name_w = WIDTH * 0.55
    sjt = (t("sjt_value", lang, score=round(r.sjt_score), items=strings.items(r.sjt_items, lang))
           if r.sjt_score is not None else t("not_taken", lang))
    rows: list[list[object]] = [[h, "", ""] for h in heading]
    top = len(rows)
    rows += [
        [Para(_skill_name(fw, r.skill_id, lang), st["skill"]), "",
         Para(f"{t('final_level', lang)}{strings.colon(lang)}<b>{_level_band(r, lang)}</b>", st["level"])],
        [Para(t("sjt", lang), st["label"]), Para(sjt, st["cell"]), ""],
        [Para(t("interview", lang), st["label"]), Para(_ratings(r, lang), st["cell"]), ""],
    ]
    if r.ratings:
        if r.disagreement:
            agreement = f'<font color="#A3261B"><b>{t("disagree", lang)}</b></font>'
        else:
            agreement = t("agree" if r.raters > 1 else "single_rater", lang)
        rows.append([Para(t("agreement", lang), st["label"]), Para(agreement, st["cell"]), ""])
    if r.quote is not None and r.quote.text.strip():
        # Quote marks go in before bidi reordering, so they land on the reading side of RTL text.
        text = strings.quoted(clean(r.quote.text, limit=QUOTE_CHARS, layout=Layout.ONE_LINE), lang)
        style = st["quote_rtl"] if is_rtl(text) else st["quote"]
        width = WIDTH - LABEL_W - 2 * PAD - 2
        question = inert(r.quote.question, Medium.PDF_PARAGRAPH, limit=160)
        shown = inert(text, Medium.PDF_PARAGRAPH, split=lambda line: simpleSplit(line, REGULAR, style.fontSize, width))
        rows.append([Para(t("quote", lang), st["label"]),
                     [Para(shown, style), Para(t("answer_to", lang, question=question), st["small"])], ""])
    commands: list[tuple] = [
        TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("NOSPLIT", (0, 0), (-1, -1)),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("SPAN", (0, top), (1, top)), ("BACKGROUND", (0, top), (-1, top), SHADE),
        ("BOX", (0, top), (-1, -1), 0.5, RULE), ("LINEBELOW", (0, top), (-1, top), 0.5, RULE),
        *[("SPAN", (1, row), (2, row)) for row in range(top + 1, len(rows))],
        *[cmd for row in range(top) for cmd in (("SPAN", (0, row), (2, row)), ("LEFTPADDING", (0, row), (0, row), 0),
                                                ("TOPPADDING", (0, row), (0, row), 0))],
    ]
    if top:
        commands.append(("BOTTOMPADDING", (0, top - 1), (0, top - 1), 4))
    return Table(rows, colWidths=[LABEL_W, name_w - LABEL_W, WIDTH - name_w], style=commands, spaceAfter=6)


def _ratings(r: SkillResult, lang: str) -> str:
    if not r.ratings:
        return t("not_rated", lang)
    by_rater: dict[str, list[int]] = {}
    for rating in r.ratings:
        by_rater.setdefault(rating.rater, []).append(rating.level)
    lines = [f"{inert(rater, Medium.PDF_PARAGRAPH, limit=80)}{strings.colon(lang)}"
             f"<b>{', '.join(str(v) for v in levels)}</b>"
             for rater, levels in by_rater.items()]
    if r.interview_level is not None:
        level = strings.number(r.interview_level, lang)
        lines.append(f'<font color="#5A6470">{t("interview_level", lang, level=level)}</font>')
    return "<br/>".join(lines)


def _plan(p: Profile, fw: Framework, plans: DevelopmentPlans, lang: str,
          st: dict[str, ParagraphStyle]) -> list[Flowable]:
    head: list[Flowable] = [Para(t("plan_section", lang), st["h2"]),
                            Para(t("plan_intro", lang), st["small_next"])]
    if not p.development:
        return [KeepTogether([*head, Para(t("plan_no_areas", lang), st["body"])])]
    out: list[Flowable] = []
    for k, r in enumerate(p.development):
        block: list[Flowable] = [Para(f"<b>{_skill_name(fw, r.skill_id, lang)}</b> \u2014 {_level_band(r, lang)}",
                                           st["body_next"])]
        suggestions = plans.for_skill(r.skill_id, lang)[:3]
        block += [Para(inert(strings.typeset(s, lang), Medium.PDF_PARAGRAPH, limit=400), st["bullet"],
                       bulletText="\u2022")
                  for s in suggestions]
        if not suggestions:
            block.append(Para(t("plan_empty", lang), st["small"]))
        out += [KeepTogether([*(head if k == 0 else []), *block]), Spacer(1, 5)]
    return out


def _method(p: Profile, lang: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    m = p.meta
    method = t("m_within_person" if m.sjt_method == "within_person" else "m_raw", lang)
    version = inert(m.bank_version, Medium.PDF_PARAGRAPH, limit=60) if m.bank_version.strip() \
        else t("bank_unknown", lang)
    norms = t("m_norms_ok" if p.show_percentiles else "m_norms_low", lang, n=m.norm_group_size,
              minimum=NORM_GROUP_MINIMUM)
    weight = strings.number(INTERVIEW_WEIGHT / SJT_WEIGHT, lang, 0)
    chance = t("m_chance", lang, score=strings.number(m.sjt_chance, lang, 0)) if m.sjt_chance is not None else ""
    sections = [("m_sjt_h", f"{t('m_sjt', lang, version=version, method=method)} {chance}".strip()),
                ("m_ratings_h", t("m_ratings", lang, gap=DISAGREEMENT_GAP)),
                ("m_oversight_h", t("m_oversight", lang)),
                ("m_levels_h", t("m_levels", lang, weight=weight, **_band_cuts(lang))),
                ("m_limits_h", f"{norms} {t('m_limits', lang)}")]
    out: list[Flowable] = [Para(t("method_section", lang), st["h2"])]
    for head, body in sections:
        out += [Para(t(head, lang), st["h4"]), Para(body, st["body"])]
    return out


# --- small pieces -------------------------------------------------------------------------------

def _skill_name(fw: Framework, skill_id: str, lang: str) -> str:
    skill = fw.skill_by_id.get(skill_id)
    return inert(skill.name.get(lang) if skill else skill_id, Medium.PDF_PARAGRAPH, limit=LINE_CHARS)


def _level_band(r: SkillResult, lang: str) -> str:
    if r.level is None:
        return t("not_rated", lang)
    return t("level_band", lang, level=strings.number(r.level, lang), band=strings.band(lang, r.band))


def _band_cuts(lang: str) -> dict[str, str]:
    return {name: strings.number(cut, lang) for cut, name in BANDS if cut > 0}


def _grid(rows: list[list[object]], widths: list[float], span_last: bool = False) -> Table:
    table = Table(rows, colWidths=widths)
    style = [TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
             ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 2),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE)]
    if span_last:  # a long value (the decision note) takes the whole width after its label
        style.append(("SPAN", (1, -1), (-1, -1)))
    table.setStyle(TableStyle(style))
    return table


def _box(content: Flowable | list[Flowable], background: colors.Color, border: colors.Color | None) -> Table:
    table = Table([[content]], colWidths=[WIDTH])
    style: list[tuple] = [TABLE_FONT, ("BACKGROUND", (0, 0), (-1, -1), background),
                          ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                          ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]
    if border is not None:
        style.append(("BOX", (0, 0), (-1, -1), 1.2, border))
    table.setStyle(TableStyle(style))
    return table


@cache
def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, bulletFontName=REGULAR, fontSize=8.8, leading=12.2)
    return {
        "body": body,
        "body_next": ParagraphStyle("body_next", body, keepWithNext=1, spaceAfter=2),
        "cell": ParagraphStyle("cell", body, fontSize=8.5, leading=11.2),
        "small": ParagraphStyle("small", body, fontSize=7.5, leading=10, textColor=MUTED),
        "small_next": ParagraphStyle("small_next", body, fontSize=7.5, leading=10, textColor=MUTED,
                                     keepWithNext=1, spaceAfter=4),
        "label": ParagraphStyle("label", body, fontName=BOLD, fontSize=7.5, leading=11.2, textColor=MUTED),
        "kicker": ParagraphStyle("kicker", body, fontName=BOLD, fontSize=8.5, leading=11, textColor=INK),
        "name": ParagraphStyle("name", body, fontName=BOLD, fontSize=19, leading=24, spaceAfter=6),
        "h2": ParagraphStyle("h2", body, fontName=BOLD, fontSize=13, leading=17, textColor=INK,
                             spaceBefore=14, spaceAfter=6, keepWithNext=1),
        "h3": ParagraphStyle("h3", body, fontName=BOLD, fontSize=9.5, leading=13, textColor=INK,
                             spaceBefore=4, spaceAfter=2, keepWithNext=1),
        "h4": ParagraphStyle("h4", body, fontName=BOLD, fontSize=8.8, leading=12, spaceBefore=6,
                             spaceAfter=1, keepWithNext=1),
        "skill": ParagraphStyle("skill", body, fontName=BOLD, fontSize=9.5, leading=12.5),
        "level": ParagraphStyle("level", body, fontSize=8.8, leading=12.5, alignment=TA_RIGHT),
        "quote": ParagraphStyle("quote", body, fontSize=8.5, leading=11.5, textColor=colors.HexColor("#2B2F36")),
        "quote_rtl": ParagraphStyle("quote_rtl", body, fontSize=8.5, leading=11.5, alignment=TA_RIGHT,
                                    textColor=colors.HexColor("#2B2F36")),
        "alert": ParagraphStyle("alert", body, fontSize=9.5, leading=13, textColor=ALERT),
        # DejaVu's bullet is wider than Helvetica's: set from 1.5 pt at text size, the first line keeps the indent
        "bullet": ParagraphStyle("bullet", body, leftIndent=12, bulletIndent=1.5, bulletFontSize=8.8, spaceAfter=2),
    }


# --- page furniture -----------------------------------------------------------------------------

def _page_decoration(profile: Profile, lang: str) -> Callable[[Canvas, BaseDocTemplate], None]:
    half = WIDTH / 2 - 6
    name = _fit_line(clean(profile.meta.candidate_name, limit=80, layout=Layout.ONE_LINE), half)
    campaign = _fit_line(clean(profile.meta.campaign_name, limit=120, layout=Layout.ONE_LINE), half)
    demo = t("demo_mark", lang) if profile.meta.is_demo else None

    def decorate(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        if demo:  # under the page's content: readable, and impossible to miss on a printout
            canvas.setFillColor(colors.Color(0.64, 0.15, 0.11, alpha=0.10))
            canvas.setFont(BOLD, 64)
            canvas.translate(PAGE_W / 2, PAGE_H / 2)
            canvas.rotate(35)
            canvas.drawCentredString(0, -20, demo)
            canvas.rotate(-35)
            canvas.translate(-PAGE_W / 2, -PAGE_H / 2)
        if doc.page > 1:
            canvas.setFont(REGULAR, 7.5)
            canvas.setFillColor(MUTED)
            y = PAGE_H - MARGIN + 5 * mm
            canvas.drawString(MARGIN, y, name)
            canvas.drawRightString(PAGE_W - MARGIN, y, campaign)
        canvas.restoreState()

    return decorate


def _fit_line(text: str, width: float, size: float = 7.5) -> str:
    """One line of page furniture, cut with an ellipsis to fit its half of the page."""
    text = replace_missing(text)
    if stringWidth(text, REGULAR, size) > width:
        while text and stringWidth(text + "\u2026", REGULAR, size) > width:
            text = text[: max(len(text) - max(len(text) // 10, 1), 0)]
        text = text.rstrip() + "\u2026"
    return visual_order(text)


def _footer_canvas(left: str, right: str, page_label: Callable[[int, int], str]) -> type[Canvas]:
    """A canvas that holds its pages until the end, so each footer can say 'page x of y'."""

    class FooterCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            register_fonts()
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR  # never reportlab's Helvetica
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for n, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                self._footer(n, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, n: int, total: int) -> None:
            self.saveState()
            y = MARGIN
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, y + 9, PAGE_W - MARGIN, y + 9)
            self.setFillColor(MUTED)
            self.setFont(BOLD, 7)
            self.drawString(MARGIN, y, left)
            self.drawRightString(PAGE_W - MARGIN, y, page_label(n, total))
            self.setFont(REGULAR, 6.5)
            self.drawString(MARGIN, y - 8.5, right)
            self.restoreState()

    return FooterCanvas
