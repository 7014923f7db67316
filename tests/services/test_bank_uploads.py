"""Uploaded banks: rejected whole when invalid, versioned item by item, old attempts keep their version."""

from __future__ import annotations

import pytest
import yaml

from screening import REPO_DIR
from screening.domain.actors import CandidateActor
from screening.services import attempts, bank_uploads, campaigns, candidates, invitations, profiles
from screening.services._catalog import get_catalog
from screening.services.campaigns import CampaignDraft
from screening.services.errors import PermissionDenied
from tests.factories import staff


def _one_item(item_id: str = "sjt.custom.refund_wait", best: str = "c") -> dict:
    keys = {"a": 1, "b": 3, "c": 4, "d": 2}
    keys[best] = 5
    return {"items": [{
        "id": item_id, "version": 1, "skills": ["patience"], "channel": "email", "moment": "stress",
        "response_format": "best_worst",
        "scenario": {"en": "A customer has written four times about a late refund.",
                     "fr": "Un client a écrit quatre fois au sujet d'un remboursement en retard."},
        "options": [{"id": o, "text": {"en": f"Option {o}", "fr": f"Option {o}"}, "key": keys[o],
                     "rationale": {"en": "why", "fr": "pourquoi"}} for o in "abcd"]}]}


def _bytes(data: dict) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True).encode()


def test_invalid_upload_is_rejected_whole_with_file_item_field_messages(db):
    admin = staff(db, "admin@example.org", "admin")
    data = _one_item()
    data["items"].append(dict(_one_item("sjt.custom.second")["items"][0], skills=["telepathy"]))
    with pytest.raises(bank_uploads.BankRejected) as exc:
        bank_uploads.upload_bank(db, admin, "mine.yaml", _bytes(data))
    assert exc.value.problems == ["upload/mine.yaml: sjt.custom.second: skills: unknown skill id 'telepathy'"]
    assert "sjt.custom.refund_wait" not in get_catalog(db).bank.sjt_by_id  # nothing half-loaded


def test_only_admins_upload(db):
    recruiter = staff(db, "rec@example.org", "recruiter")
    with pytest.raises(PermissionDenied):
        bank_uploads.upload_bank(db, recruiter, "mine.yaml", _bytes(_one_item()))


def test_changed_item_gets_a_new_version_and_old_attempts_keep_theirs(db):
    admin = staff(db, "admin@example.org", "admin")
    rec = staff(db, "rec@example.org", "recruiter")
    first = bank_uploads.upload_bank(db, admin, "mine.yaml", _bytes(_one_item(best="b")))
    assert first.added == ("sjt.custom.refund_wait",)
    cid = campaigns.create_campaign(db, rec, CampaignDraft(name="C", skills=["patience"]))
    campaign = campaigns.get_campaign(db, rec, cid)
    assert "sjt.custom.refund_wait" in campaign.sjt_item_ids  # usable in new campaigns
    candidate_id = candidates.add_candidate(db, rec, cid, "Théo")
    token = invitations.issue_invite(db, rec, candidate_id).token
    attempts.open_attempt(db, CandidateActor(token))
    attempts.give_consent(db, CandidateActor(token))
    attempts.save_sjt_answer(db, CandidateActor(token), "sjt.custom.refund_wait", {"best": "b", "worst": "a"})
    for planned in attempts.open_attempt(db, CandidateActor(token)).sjt:
        if planned.item.id != "sjt.custom.refund_wait":
            ranked = sorted(planned.item.options, key=lambda o: o.key)
            attempts.save_sjt_answer(db, CandidateActor(token), planned.item.id,
                                     {"best": ranked[-1].id, "worst": ranked[0].id})
    attempts.submit(db, CandidateActor(token))

    again = bank_uploads.upload_bank(db, admin, "mine-v2.yaml", _bytes(_one_item(best="d")))
    assert again.new_versions == ("sjt.custom.refund_wait",)
    assert get_catalog(db).bank.sjt_by_id["sjt.custom.refund_wait"].version == 2
    same = bank_uploads.upload_bank(db, admin, "mine-v2-again.yaml", _bytes(_one_item(best="d")))
    assert same.unchanged == ("sjt.custom.refund_wait",)

    # the attempt is still scored with version 1's key, where "b" was best: a perfect score
    profile = profiles.candidate_profile(db, admin, candidate_id)  # profiles are not a recruiter's
    assert next(s for s in profile.skills if s.skill_id == "patience").sjt_score == 100.0


def test_shipped_bank_file_reuploaded_is_all_unchanged(db):
    admin = staff(db, "admin@example.org", "admin")
    content = (REPO_DIR / "question_banks" / "sjt" / "intercultural.yaml").read_bytes()
    outcome = bank_uploads.upload_bank(db, admin, "intercultural.yaml", content)
    assert outcome.added == () and outcome.new_versions == () and len(outcome.unchanged) >= 2
