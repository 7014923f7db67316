"""An archival PDF: every font the profile uses is embedded, and none is one of the PDF base-14 fonts.

A base-14 font (Helvetica, Times, Courier, Symbol, ZapfDingbats) is never embedded: the reader
substitutes whatever it has, so the document looks different, or loses characters, elsewhere.
"""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Iterator

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from screening import REPO_DIR
from screening.development import DevelopmentPlans, load_development_plans, parse_development_plans
from screening.framework import Framework
from screening.report import render_campaign_zip, render_profile_pdf
from tests.unit.test_report import HOSTILE, MEASURED, make_profile, small_framework

BASE14_FAMILIES = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats", "Arial")


@pytest.fixture(scope="module")
def fw() -> Framework:
    return small_framework()


@pytest.fixture(scope="module")
def plans() -> DevelopmentPlans:
    data = {"skills": {sid: {"en": [f"Practise {sid} on two recorded calls, then listen back to both with a coach "
                                    "and note what you would say differently next time.", "Debrief with a coach."],
                             "fr": [f"S'entraîner à {sid} sur deux appels enregistrés.", "Débriefer avec un coach."]}
                       for sid in MEASURED}}
    return parse_development_plans(data, "test.yaml")[0]


def _variants(fw: Framework) -> dict[str, object]:
    """Profiles that between them reach every part of the layout: both languages, the demo mark,
    a decision note, hostile text, right-to-left text, and a profile with nothing measured."""
    return {
        "en_demo_decision": make_profile(fw, is_demo=True, decision="advance", decision_note="Strong on chat."),
        "fr_accents": make_profile(fw, lang="fr", name="Éloïse Göçmen-Lefèvre",
                                   quote="J\u2019ai rappelé à 18 h, 45 € remboursés « sans délai »."),
        "hostile": make_profile(fw, name="<b>Zoé</b> & Ōta", quote=HOSTILE + "\x00\x07 end",
                                campaign_name="<i>Night</i> shift & weekends", decision="<script>"),
        "rtl_and_unknown_glyphs": make_profile(fw, quote="شكرا على صبرك 🙂 ☎ 你好"),
        "nothing_measured": make_profile(fw, skills=(), target_profile=""),
    }


def _resolve(obj: object) -> object:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _fonts(resources: object, seen: set[int]) -> Iterator[DictionaryObject]:
    """Every font dictionary reachable from a resource dictionary, including inside form XObjects."""
    resources = _resolve(resources)
    if not isinstance(resources, DictionaryObject) or id(resources) in seen:
        return
    seen.add(id(resources))
    for font in (_resolve(resources.get("/Font")) or {}).values():
        yield _resolve(font)  # type: ignore[misc]
    for xobject in (_resolve(resources.get("/XObject")) or {}).values():
        xobject = _resolve(xobject)
        if xobject.get("/Subtype") == "/Form":  # type: ignore[union-attr]
            yield from _fonts(xobject.get("/Resources"), seen)  # type: ignore[union-attr]


def font_problems(pdf: bytes) -> tuple[set[str], list[str]]:
    """(the base font names used, every problem found) for one PDF."""
    reader = PdfReader(io.BytesIO(pdf))
    names: set[str] = set()
    problems: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        fonts = list(_fonts(page.get("/Resources"), set()))
        assert fonts, f"page {number} uses no font at all"
        for font in fonts:
            descendants = [_resolve(d) for d in _resolve(font.get("/DescendantFonts")) or []]  # Type0 composite fonts
            for face in descendants or [font]:
                base = str(face.get("/BaseFont"))  # type: ignore[union-attr]
                names.add(base)
                plain = re.sub(r"^/([A-Z]{6}\+)?", "", base)
                if plain.startswith(BASE14_FAMILIES):
                    problems.append(f"page {number}: base-14 font {base}")
                descriptor = _resolve(face.get("/FontDescriptor"))  # type: ignore[union-attr]
                if not isinstance(descriptor, DictionaryObject):
                    problems.append(f"page {number}: {base} has no /FontDescriptor (not embedded)")
                elif "/FontFile2" not in descriptor:
                    problems.append(f"page {number}: {base} is not embedded TrueType (no /FontFile2)")
    return names, problems


def test_every_font_of_every_page_is_embedded_dejavu(fw, plans):
    for label, profile in _variants(fw).items():
        names, problems = font_problems(render_profile_pdf(profile, fw, plans))  # type: ignore[arg-type]
        assert not problems, (label, problems)
        assert {re.sub(r"^/([A-Z]{6}\+)?", "", n) for n in names} <= {"DejaVuSans", "DejaVuSans-Bold"}, (label, names)


def test_shipped_development_plans_and_campaign_zip_are_embedded_too(fw):
    profiles = [make_profile(fw, candidate_id=1), make_profile(fw, lang="fr", candidate_id=2)]
    shipped = load_development_plans(REPO_DIR / "question_banks" / "development.yaml")
    files, _ = render_campaign_zip(profiles, fw, shipped)
    assert len(files) == 2
    for name, pdf in files.items():
        assert font_problems(pdf)[1] == [], name


def test_no_font_object_in_the_file_is_base14_or_unembedded(fw, plans):
    """Not even a font object no page reaches (reportlab's Helvetica used to sit in every file)."""
    pdf = render_profile_pdf(_variants(fw)["en_demo_decision"], fw, plans)  # type: ignore[arg-type]
    reader = PdfReader(io.BytesIO(pdf))
    fonts = []
    for number in range(1, int(reader.trailer["/Size"])):
        obj = reader.get_object(number)
        if isinstance(obj, DictionaryObject) and obj.get("/Type") == "/Font" and obj.get("/Subtype") != "/Type0":
            fonts.append(obj)
    assert fonts
    for font in fonts:
        base = str(font.get("/BaseFont"))
        assert not re.sub(r"^/([A-Z]{6}\+)?", "", base).startswith(BASE14_FAMILIES), base
        assert "/FontFile2" in _resolve(font["/FontDescriptor"]), base  # type: ignore[operator]


def test_pdffonts_says_every_font_is_embedded(fw, plans, tmp_path):
    for label, profile in _variants(fw).items():
        path = tmp_path / f"{label}.pdf"
        path.write_bytes(render_profile_pdf(profile, fw, plans))  # type: ignore[arg-type]
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = out.splitlines()[2:]  # after the header and its rule
        assert rows, (label, out)
        for row in rows:
            # name, type (may hold spaces, e.g. "Type 1"), encoding, then emb sub uni "object ID"
            emb = row.split()[-5]
            assert emb == "yes", (label, row)
            assert not row.split()[0].split("+")[-1].startswith(BASE14_FAMILIES), (label, row)
