"""The PDF's development plans come from the configured banks folder, like every other bank file."""

from __future__ import annotations

import io
import shutil

import yaml
from pypdf import PdfReader

from screening import REPO_DIR
from screening.config import get_settings
from screening.domain.actors import CandidateActor
from screening.services import _catalog, _plans, attempts, profiles
from screening.store.engine import get_database
from tests.factories import answer_everything, world

MARK = "Private-folder plan: shadow a senior advisor"


def test_profile_pdf_uses_the_development_plans_of_the_configured_banks_folder(app_env, tmp_path, monkeypatch):
    banks = tmp_path / "banks"
    shutil.copytree(REPO_DIR / "question_banks", banks)
    plans = yaml.safe_load((banks / "development.yaml").read_text(encoding="utf-8"))
    for entry in plans["skills"].values():
        entry["en"][0] = MARK
    (banks / "development.yaml").write_text(yaml.safe_dump(plans, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("SCREENING_BANKS_DIR", str(banks))
    for cached in (get_settings, _plans.get_plans, _catalog.shipped_catalog):
        cached.cache_clear()
    try:
        db = get_database()
        w = world(db)
        answer_everything(db, w.token)
        attempts.submit(db, CandidateActor(w.token))
        pdf = profiles.profile_pdf(db, w.lead, w.candidate_id)
        text = " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(pdf)).pages)
        assert MARK in " ".join(text.split())
    finally:
        monkeypatch.delenv("SCREENING_BANKS_DIR")
        for cached in (get_settings, _plans.get_plans, _catalog.shipped_catalog):
            cached.cache_clear()
