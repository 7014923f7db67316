"""The PDF profile: read back with pypdf, it must say what the profile says, literally and in its language."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table

from screening import REPO_DIR
from screening.development import DevelopmentPlans, load_development_plans, parse_development_plans
from screening.framework import Family, Framework, Intelligence, Skill, load_framework
from screening.report import charts, render_campaign_zip, render_profile_pdf
from screening.report.fonts import replace_missing
from screening.report.pdf import Para, _charts_row, _styles, build_story
from screening.scoring.profile import ProfileMeta, Quote, RaterLevel, build_profile
from screening.scoring.sjt import SkillScore
from screening.text import Layout, Medium, Text, clean, inert, visual_order
from screening.yaml_errors import BankValidationError

FRAMEWORK_YAML = REPO_DIR / "question_banks" / "framework.yaml"
DEVELOPMENT_YAML = REPO_DIR / "question_banks" / "development.yaml"

# --- a small framework: two intelligences measured, one (cognitive) not; one family not measured ---

_TREE = {
    ("cognitive", "Cognitive intelligence", "Intelligence cognitive"): {
        ("cognitive_skills", "Cognitive skills", "Compétences cognitives"): {
            "logical_thinking": ("Logical thinking", "Pensée logique")}},
    ("intrapersonal", "Intrapersonal intelligence", "Intelligence intrapersonnelle"): {
        ("self_awareness", "Self-awareness", "Conscience de soi"): {
            "emotional_self_regulation": ("Emotional self-regulation", "Autorégulation émotionnelle")},
        ("flexible_thinking", "Flexible thinking", "Pensée flexible"): {
            "adaptability": ("Adaptability", "Adaptabilité"), "resilience": ("Resilience", "Résilience")}},
    ("interpersonal", "Interpersonal intelligence", "Intelligence interpersonnelle"): {
        ("conflict_management_skills", "Conflict management", "Gestion des conflits"): {
            "de_escalating_language": ("De-escalating language", "Langage de désescalade"),
            "effective_apology": ("Effective apology", "Excuses efficaces")},
        ("interpersonal_skills", "Interpersonal skills", "Compétences relationnelles"): {
            "empathy": ("Empathy", "Empathie"), "active_listening": ("Active listening", "Écoute active")},
        ("communication", "Communication", "Communication écrite et orale"): {
            "written_communication": ("Written communication", "Communication écrite")},
        ("intercultural", "Intercultural openness", "Ouverture interculturelle"): {
            "hospitality": ("Hospitality", "Hospitalité")}},
}


def small_framework() -> Framework:
    intelligences, families, skills = [], [], []
    for (iid, ien, ifr), fams in _TREE.items():
        for (fid, fen, ffr), sks in fams.items():
            for sid, (sen, sfr) in sks.items():
                skills.append(Skill(sid, Text(sen, sfr), Text("", ""), fid, iid))
            families.append(Family(fid, Text(fen, ffr), Text("", ""), iid, tuple(sks)))
        intelligences.append(Intelligence(iid, Text(ien, ifr), Text("", ""), tuple(f[0] for f in fams)))
    return Framework(tuple(intelligences), tuple(families), tuple(skills))


MEASURED = ("emotional_self_regulation", "adaptability", "resilience", "de_escalating_language",
            "effective_apology", "empathy", "active_listening", "written_communication")


def make_profile(fw: Framework, *, lang: str = "en", name: str = "Amina Diallo", quote: str | None = None,
                 skills: tuple[str, ...] = MEASURED, is_demo: bool = False, candidate_id: int = 7,
                 **meta: object):
    sjt = {sid: SkillScore(40.0 + 7 * k, 3 + k % 2) for k, sid in enumerate(skills)}
    ratings = []
    for k, sid in enumerate(skills):
        ratings.append((sid, RaterLevel("Rater 1 (Ana Ruiz)", f"iq.{sid}.a", 2 + k % 4)))
        ratings.append((sid, RaterLevel("Rater 2 (Kofi Mensah)", f"iq.{sid}.a", 2 + (k * 3) % 4)))
    quotes = {sid: Quote(quote or f"I listened first, then repeated the order number for {sid}.",
                         "Tell me about a time a customer was upset.") for sid in skills}
    defaults = dict(campaign_name="Chat advisors, winter 2025", target_profile="Live chat advisor",
                    sjt_submitted_at=datetime(2025, 11, 3, 10, 5), interview_dates=(datetime(2025, 11, 10, 14),),
                    raters=("Ana Ruiz", "Kofi Mensah"), bank_version="2025.11", norm_group_size=12, sjt_chance=56.4,
                    generated_at=datetime(2025, 11, 24, 9, 30))
    defaults.update(meta)
    pm = ProfileMeta(candidate_id=candidate_id, candidate_name=name, campaign_id=3, language=lang,
                     is_demo=is_demo, **defaults)  # type: ignore[arg-type]
    everything = [*skills, *(() if "hospitality" in skills else ("hospitality",))]
    return build_profile(framework=fw, meta=pm, skills=everything,
                         sjt=sjt, ratings=ratings, quotes=quotes,
                         target_weights={"empathy": 2, "active_listening": 2, "hospitality": 1})


def pdf_text(pdf: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [page.extract_text() or "" for page in reader.pages]


def flat(text: str) -> str:
    """Extracted text with line breaks collapsed to spaces, for phrase checks."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def fw() -> Framework:
    return small_framework()


@pytest.fixture(scope="module")
def plans() -> DevelopmentPlans:
    data = {"skills": {sid: {"en": [f"Practise {sid} on two recorded calls.", "Debrief with a coach."],
                             "fr": [f"S'entraîner à {sid} sur deux appels enregistrés.", "Débriefer avec un coach."]}
                       for sid in MEASURED}}
    return parse_development_plans(data, "test.yaml")[0]


# --- content ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_pdf_says_what_the_profile_says(fw, plans, lang):
    profile = make_profile(fw, lang=lang)
    reader, pages = pdf_text(render_profile_pdf(profile, fw, plans))
    text = flat("\n".join(pages))
    assert len(reader.pages) >= 2
    meta = reader.metadata
    assert meta.title and "Amina Diallo" in meta.title
    assert meta.author and meta.subject and "Chat advisors, winter 2025" in meta.subject
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert "Amina Diallo" in pages[0]
    for sid in MEASURED:
        assert fw.skill_by_id[sid].name.get(lang) in text, sid
    total = len(reader.pages)
    for n, page in enumerate(pages, start=1):
        marker = f"Page {n} of {total}" if lang == "en" else f"Page {n} sur {total}"
        assert marker in flat(page)
    words = {"en": ["Strengths", "Development areas", "Fit to the target profile", "Method and oversight",
                    f"Practise {profile.development[0].skill_id} on two recorded calls.", "Rater 2 (Kofi Mensah)",
                    "2025.11"],
             "fr": ["Points forts", "Axes de développement", "Adéquation au profil cible", "Méthode et contrôle humain",
                    "Autorégulation émotionnelle", "Écoute active", "évaluateurs", "Généré le"]}[lang]
    for w in words:
        assert w in text, w


def test_summary_page_holds_the_decision_fit_and_dates(fw, plans):
    profile = make_profile(fw, decision="advance", decision_note="Strong on chat; check phone manner.")
    _, pages = pdf_text(render_profile_pdf(profile, fw, plans))
    first = flat(pages[0])
    assert "advance to next stage" in first and "check phone manner" in first
    assert f"{round(profile.fit.score)}/100" in first and "80%" in first  # 4 of the target's 5 weight measured
    assert "3 Nov 2025" in first and "10 Nov 2025" in first
    for r in (*profile.strengths, *profile.development):
        assert fw.skill_by_id[r.skill_id].name.en in first


def test_french_accents_survive(fw, plans):
    quote = "J’ai rappelé à 18 h, 45 € remboursés « sans délai »."  # noqa: RUF001  (a French apostrophe, on purpose)
    profile = make_profile(fw, lang="fr", name="Éloïse Göçmen-Lefèvre", quote=quote)
    reader, pages = pdf_text(render_profile_pdf(profile, fw, plans))
    text = flat("\n".join(pages))
    assert "Éloïse Göçmen-Lefèvre" in pages[0] and "PROFIL DE COMPÉTENCES COMPORTEMENTALES" in pages[0]
    assert reader.metadata.title == "Profil de compétences comportementales\u00a0: Éloïse Göçmen-Lefèvre"
    for phrase in ("Autorégulation émotionnelle", "45 € remboursés",
                   "« sans délai »", "J’ai rappelé", "Méthode et contrôle humain"):  # noqa: RUF001
        assert phrase in text, phrase


def test_disagreement_and_method_are_reported(fw, plans):
    profile = make_profile(fw, sjt_method="within_person", norm_group_size=12)
    assert any(r.disagreement for r in profile.skills)
    _, pages = pdf_text(render_profile_pdf(profile, fw, plans))
    text = flat("\n".join(pages))
    assert "raters disagree" in text
    assert "within-person" in text and "Percentiles are not shown" in text and "12 candidates" in text
    assert "not been validated" in text and "given by a person" in text
    assert "Answering at random would score about 56/100 on the items this candidate was given" in text
    unscored = flat("\n".join(pdf_text(render_profile_pdf(make_profile(fw, sjt_chance=None), fw, plans))[1]))
    assert "Answering at random" not in unscored  # no SJT taken: no chance level to state
    enough = make_profile(fw, norm_group_size=45)
    assert "Percentiles are not shown" not in flat("\n".join(pdf_text(render_profile_pdf(enough, fw, plans))[1]))


def test_demo_mark(fw, plans):
    _, pages = pdf_text(render_profile_pdf(make_profile(fw, is_demo=True), fw, plans))
    assert "DEMO DATA" in pages[0]
    _, pages = pdf_text(render_profile_pdf(make_profile(fw), fw, plans))
    assert "DEMO DATA" not in "\n".join(pages)


# --- hostile text -----------------------------------------------------------------------------------

HOSTILE = "<b>bold</b> <font color=red>x</font> <para>p</para> Tom &amp; Jerry & co **md** [l](javascript:x)"


def test_hostile_text_is_shown_literally(fw, plans):
    profile = make_profile(fw, name="<b>Zoé</b> & Ōta", quote=HOSTILE + "\x00\x07\x1b[31m end",
                           campaign_name="<i>Night</i> shift & weekends", decision="<script>", raters=("<u>R</u>",))
    reader, pages = pdf_text(render_profile_pdf(profile, fw, plans))
    text = flat("\n".join(pages))
    assert "<b>Zoé</b> & Ōta" in pages[0]
    assert "<b>Zoé</b> & Ōta" in reader.metadata.title
    for literal in ("<b>bold</b>", "<font color=red>x</font>", "<para>p</para>", "Tom &amp; Jerry & co",
                    "**md**", "[l](javascript:x)", "<i>Night</i> shift & weekends", "<script>", "<u>R</u>"):
        assert literal in text, literal
    assert "&amp;amp;" not in text and "&lt;" not in text
    assert "\x00" not in text and "\x1b" not in text and "[31m end" in text


def test_huge_answer_still_gives_a_valid_trimmed_pdf(fw, plans):
    huge = ("Sehr geehrte Kundin, " * 5000) + "END-MARKER"
    assert len(huge) > 100_000
    word = "A" * 100_000  # one word with nowhere to break
    for quote in (huge, word):
        reader, pages = pdf_text(render_profile_pdf(make_profile(fw, quote=quote), fw, plans))
        text = "\n".join(pages)
        assert len(reader.pages) < 12
        assert "END-MARKER" not in text and "\u2026" in text


def test_scripts_emoji_and_rtl_do_not_crash(fw, plans):
    name = "Αλέξανδρος Ιωάννου Жанна 李雷 😀🤖"
    quote = "Merci 👍 — 你好 — שלום, אני מבין את הבעיה — مرحبا بك"
    _, pages = pdf_text(render_profile_pdf(make_profile(fw, name=name, quote=quote), fw, plans))
    assert "Αλέξανδρος Ιωάννου Жанна" in pages[0]
    assert "\ufffd" in pages[0]  # CJK is not in DejaVu Sans: a visible replacement, not a gap
    assert "李" not in "\n".join(pages)


def test_inert_escapes_once_and_cleans():
    assert inert("<b>x</b> & &amp;", Medium.PDF_PARAGRAPH) == "&lt;b&gt;x&lt;/b&gt; &amp; &amp;amp;"
    assert inert("a\x00b\u200bc\u202ed\tE\n\nf", Medium.PDF_PARAGRAPH) == "abcd E f"
    assert inert("a\n\n\nb", Medium.PDF_PARAGRAPH, keep_newlines=True) == "a<br/>b"
    cut = clean("word " * 100, limit=30, layout=Layout.ONE_LINE)
    assert cut == "word word word word word\u2026" and len(cut) <= 30
    assert inert("e\u0301", Medium.PDF_PARAGRAPH) == "é"  # decomposed accents composed, so the font's glyph is used
    assert inert("שלום", Medium.PDF_PARAGRAPH) == "םולש"  # visual order for right-to-left text


def test_what_the_font_cannot_draw_is_a_visible_mark_in_every_paragraph():
    assert replace_missing("中 x") == "\ufffd x"
    assert Para(inert("李 <b>", Medium.PDF_PARAGRAPH), _styles()["body"]).text == "\ufffd &lt;b&gt;"


def test_right_to_left_brackets_are_mirrored():
    # python-bidi reorders but does not mirror: without our rule L4, "(4471)" would print ")4471(".
    assert visual_order("שלך (4471)") == "(4471) ךלש"
    assert visual_order("Ana: « שלום (טוב) »") == "Ana: « (בוט) םולש »"
    assert visual_order("plain (ltr) text") == "plain (ltr) text"


def _drawing_labels(flowable) -> list[str]:
    out = []
    for row in flowable._cellvalues:
        for cell in row:
            for item in cell if isinstance(cell, list) else [cell]:
                if isinstance(item, charts.Drawing):
                    out += charts.labels(item)
    return out


def test_unmeasured_family_is_not_in_the_radar(fw):
    profile = make_profile(fw)
    measured = {g.id for g in profile.families}
    assert "intercultural" not in measured and "cognitive_skills" not in measured
    labels = " ".join(_drawing_labels(_charts_row(profile, fw, "en", _styles())))
    for fam in fw.families:
        assert (fam.name.en in labels) == (fam.id in measured), fam.id
    assert "Cognitive intelligence" not in labels and "Interpersonal intelligence" in labels


def test_few_families_give_dots_not_a_degenerate_radar(fw, plans):
    profile = make_profile(fw, skills=("empathy", "active_listening", "adaptability"))
    assert len(profile.families) == 2
    row = _charts_row(profile, fw, "en", _styles())
    left = row._cellvalues[1][0]
    assert not any(isinstance(n, charts.Polygon) for n in left.getContents())
    assert render_profile_pdf(profile, fw, plans).startswith(b"%PDF")


def test_nothing_measured_still_renders(fw, plans):
    profile = make_profile(fw, skills=())
    reader, pages = pdf_text(render_profile_pdf(profile, fw, plans))
    assert "Nothing measured yet" in pages[0] and len(reader.pages) >= 2


def test_cached_wrap_survives_a_refused_split():
    para = Para("a sentence that wraps over many lines " * 40, _styles()["body"])
    para.wrap(300, 1000)
    assert para.split(300, 5) == []  # no room for two lines: reportlab drops the broken lines
    assert para.wrap(300, 1000)[1] > 100
    para.drawOn(Canvas(io.BytesIO()), 0, 0)


def test_page_breaks_fall_anywhere_without_error(fw, plans):
    """Quotes of every length push each block and paragraph against the foot of a page somewhere."""
    for n in range(12):
        quote = " ".join(["word"] * (5 + 23 * n))
        reader, _ = pdf_text(render_profile_pdf(make_profile(fw, quote=quote, decision_note="x " * n * 9,
                                                             decision="hold"), fw, plans))
        assert len(reader.pages) >= 2


# --- campaign zip -----------------------------------------------------------------------------------

def test_campaign_zip_holds_one_pdf_per_candidate(fw, plans):
    names = ["Amina Diallo", "Théo Martin", "Amina Diallo", "Олег Петров"]
    profiles = [make_profile(fw, name=n, candidate_id=k) for k, n in enumerate(names, start=1)]
    files, blob = render_campaign_zip(profiles, fw, plans)
    assert len(files) == 4
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        assert sorted(zf.namelist()) == sorted(files)
        for name in zf.namelist():
            pdf = zf.read(name)
            assert pdf == files[name] and pdf.startswith(b"%PDF")
    owners = [pdf_text(files[n])[1][0] for n in files]
    for name in names:
        assert any(name in page for page in owners), name
    assert "theo-martin-2.pdf" in files


def test_each_skill_is_one_unsplittable_block_led_by_its_family(fw, plans):
    profile = make_profile(fw)
    blocks = [f for f in build_story(profile, fw, plans) if isinstance(f, Table) and f._nosplitCmds]
    assert len(blocks) == len(MEASURED)
    tops = [b._cellvalues[0][0].getPlainText() for b in blocks]
    for g in profile.families:  # a family heading never stands alone at the foot of a page
        assert fw.family_by_id[g.id].name.en in tops


# --- development plans --------------------------------------------------------------------------

def _readme_skill_ids() -> list[str]:
    text = (REPO_DIR / "question_banks" / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (?:cognitive|intrapersonal|interpersonal) \| \w+ \| (.+) \|$", text, re.M)
    return [s.strip() for row in rows for s in row.split(",")]


def test_shipped_development_plans_cover_every_skill():
    ids = _readme_skill_ids()
    assert len(ids) == 49
    plans = load_development_plans(DEVELOPMENT_YAML, known_skills=ids)
    for sid in ids:
        for lang in ("en", "fr"):
            suggestions = plans.for_skill(sid, lang)
            assert len(suggestions) == 3, (sid, lang)
            assert len(set(suggestions)) == 3
    raw = yaml.safe_load(DEVELOPMENT_YAML.read_text(encoding="utf-8"))["skills"]
    every = [s for entry in raw.values() for lang in ("en", "fr") for s in entry[lang]]
    assert len(set(every)) == len(every)  # no suggestion reused for another skill


def test_development_loader_names_every_problem(tmp_path: Path):
    bad = tmp_path / "development.yaml"
    bad.write_text("skills:\n  empathy: {en: [a, b]}\n  patience: {en: [a, b], fr: [only one]}\n"
                   "  ghost: {en: [a, b], fr: [c, d]}\n",
                   encoding="utf-8")
    with pytest.raises(BankValidationError) as err:
        load_development_plans(bad, known_skills=["empathy", "patience", "humour"])
    message = str(err.value)
    for fragment in ("empathy: fr: missing", "patience: fr: needs 2 to 5", "ghost: id: unknown skill id",
                     "humour: -: no suggestions"):
        assert fragment in message, fragment
    bad.write_text("skills: [", encoding="utf-8")
    with pytest.raises(BankValidationError, match="syntax error"):
        load_development_plans(bad)


# --- with the real framework, once it exists ---------------------------------------------------------

@pytest.mark.skipif(not FRAMEWORK_YAML.exists(), reason="question_banks/framework.yaml not written yet")
def test_real_framework_profile_renders_in_both_languages():
    real = load_framework(FRAMEWORK_YAML)
    plans = load_development_plans(DEVELOPMENT_YAML, known_skills=[s.id for s in real.skills])
    skills = tuple(s.id for s in real.skills[::3])
    for lang in ("en", "fr"):
        profile = make_profile(real, lang=lang, skills=skills)
        _, pages = pdf_text(render_profile_pdf(profile, real, plans))
        text = flat("\n".join(pages))
        for sid in skills:
            assert flat(real.skill_by_id[sid].name.get(lang)) in text, sid
