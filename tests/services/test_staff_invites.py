"""Inviting staff: an e-mailed one-time link (to a real SMTP server started here) to set a password; hashed,
expiring, single-use, revoked by a newer link; every dead link refused alike; the link to copy without SMTP."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlmodel import select

from screening.config import get_settings
from screening.domain.actors import SystemActor
from screening.services import audit_log, auth, staff_invites
from screening.services.errors import InvalidInput, PermissionDenied
from screening.services.staff_invites import InvalidStaffLink
from screening.store.models import AuditEvent, StaffInvitation, User
from tests.factories import staff
from tests.services.test_mail_smtp import Inbox, _server, body_text

BASE = "https://screening.acme.example"
NEW_PASSWORD = "a long and fresh secret"


@pytest.fixture
def inbox(monkeypatch) -> Iterator[Inbox]:
    for box, port in _server():
        for name, value in {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port), "SMTP_TLS": "none",
                            "MAIL_FROM": "Acme Recruiting <jobs@acme.example>", "PUBLIC_BASE_URL": BASE}.items():
            monkeypatch.setenv(f"SCREENING_{name}", value)
        get_settings.cache_clear()
        yield box
    get_settings.cache_clear()


def _token_in(body: str) -> str:
    [line] = [x for x in body.splitlines() if x.startswith(f"{BASE}/auth/set-password?token=")]
    return parse_qs(urlsplit(line).query)["token"][0]


def _rows(db, model):  # type: ignore[no-untyped-def]
    with db.read() as s:
        return list(s.exec(select(model)).all())


def test_an_invitation_is_e_mailed_in_the_invitees_language_and_sets_the_password_once(db, inbox):
    admin = staff(db, "admin@example.org", "admin")
    issued = staff_invites.invite_user(db, admin, email="Zoe.Martin@Example.org", name="Zoé Martin",
                                       role="recruiter", language="fr")
    assert issued.emailed and not issued.mail_failed
    with db.read() as s:
        assert s.get(User, issued.user_id).language == "fr"  # her pages open in the invitation's language
    [mail] = inbox.received
    assert mail.rcpt_tos == ["zoe.martin@example.org"]
    assert str(mail.message["Subject"]) == "Acme Recruiting\u00a0: votre compte sur l'outil de présélection"
    assert mail.message["Content-Language"] == "fr"
    body = body_text(mail.message).replace("\r\n", "\n")
    assert body.startswith("Bonjour Zoé Martin,\n\nAcme Recruiting vous a ouvert un compte")
    assert "avec le rôle de recruteur." in body and "Ce lien ne sert qu'une fois" in body
    token = _token_in(body)
    assert token == issued.token and len(token) >= 40
    html_part = mail.message.get_body(("html",))
    assert html_part is not None and f'href="{issued.url}"' in html_part.get_content()

    [row] = _rows(db, StaffInvitation)
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest() and row.sent_at is not None
    lifetime = row.expires_at - row.created_at
    assert lifetime == timedelta(hours=72)
    with pytest.raises(auth.LoginFailed):     # no usable password until the link is used
        auth.login(db, None, email="zoe.martin@example.org", password=NEW_PASSWORD, client="t")

    assert staff_invites.link_language(db, None, token) == "fr"
    staff_invites.set_password_with_link(db, None, token, NEW_PASSWORD)
    who, _ = auth.login(db, None, email="zoe.martin@example.org", password=NEW_PASSWORD, client="t")
    assert (who.user_id, who.role) == (issued.user_id, "recruiter")
    with pytest.raises(InvalidStaffLink):     # works once
        staff_invites.set_password_with_link(db, None, token, "yet another long secret")
    with pytest.raises(InvalidStaffLink):
        staff_invites.link_language(db, None, token)

    events = {e.action: e for e in _rows(db, AuditEvent) if e.entity == "user" and e.entity_id == str(who.user_id)}
    assert events["user.invite"].details == {"role": "recruiter", "invitation_id": row.id, "language": "fr"}
    assert events["user.invite"].actor_id == admin.user_id
    assert events["user.invite_email"].details == {"invitation_id": row.id}
    assert (events["user.password_set"].actor_kind, events["user.password_set"].actor_id) == ("staff", who.user_id)
    assert token not in str([e.details for e in _rows(db, AuditEvent)])


def test_an_english_invitation_and_a_hostile_name_reach_only_their_own_address(db, inbox):
    admin = staff(db, "admin@example.org", "admin")
    staff_invites.invite_user(db, admin, email="sam@example.org", name="Sam\r\nBcc: spy@evil.example <b>x</b>",
                              role="lead")
    [mail] = inbox.received
    assert mail.rcpt_tos == ["sam@example.org"] and mail.message["Bcc"] is None
    assert str(mail.message["Subject"]) == "Your account on the Acme Recruiting screening tool"
    body = body_text(mail.message).replace("\r\n", "\n")
    assert body.startswith("Hello Sam Bcc: spy@evil.example <b>x</b>,\n\nAcme Recruiting has opened an account")
    assert "with the role of hiring lead." in body
    html_part = mail.message.get_body(("html",))
    assert html_part is not None and "&lt;b&gt;x&lt;/b&gt;" in html_part.get_content()


def test_without_smtp_the_admin_gets_the_link_to_copy(db):
    admin = staff(db, "admin@example.org", "admin")
    issued = staff_invites.invite_user(db, admin, email="ana@example.org", name="Ana", role="lead")
    assert not issued.emailed and not issued.mail_failed
    assert issued.url == f"{get_settings().public_base_url.rstrip('/')}/auth/set-password?token={issued.token}"
    assert [r.sent_at for r in _rows(db, StaffInvitation)] == [None]
    staff_invites.set_password_with_link(db, None, issued.token, NEW_PASSWORD)
    auth.login(db, None, email="ana@example.org", password=NEW_PASSWORD, client="t")


def test_expired_revoked_forged_used_or_deactivated_links_are_refused_alike(db):
    admin = staff(db, "admin@example.org", "admin")
    now = datetime.now(UTC)
    expired = staff_invites.invite_user(db, admin, email="old@example.org", name="Old", role="lead",
                                        clock=lambda: now - timedelta(hours=73))
    first = staff_invites.invite_user(db, admin, email="two@example.org", name="Two", role="lead")
    second = staff_invites.send_password_link(db, admin, first.user_id, "en")   # revokes the first
    used = staff_invites.invite_user(db, admin, email="used@example.org", name="Used", role="lead")
    staff_invites.set_password_with_link(db, None, used.token, NEW_PASSWORD)
    gone = staff_invites.invite_user(db, admin, email="gone@example.org", name="Gone", role="lead")
    auth.set_active(db, admin, gone.user_id, False)
    overtaken = staff_invites.invite_user(db, admin, email="set@example.org", name="Set", role="lead")
    auth.set_password(db, admin, overtaken.user_id, "the admin's own choice")   # the admin set one directly
    almost = staff_invites.invite_user(db, admin, email="late@example.org", name="Late", role="lead",
                                       clock=lambda: now - timedelta(hours=71))

    for dead in (expired.token, first.token, used.token, gone.token, overtaken.token, second.token[:-2] + "xx", "",
                 "x" * 500):
        for call in (lambda tok: staff_invites.link_language(db, None, tok),
                     lambda tok: staff_invites.set_password_with_link(db, None, tok, NEW_PASSWORD)):
            with pytest.raises(InvalidStaffLink) as refused:
                call(dead)
            assert refused.value.key == "error.staff_link_invalid"
    staff_invites.set_password_with_link(db, None, almost.token, NEW_PASSWORD)     # 71 h old: still good
    staff_invites.set_password_with_link(db, None, second.token, NEW_PASSWORD)
    auth.login(db, None, email="two@example.org", password=NEW_PASSWORD, client="t")
    auth.login(db, None, email="set@example.org", password="the admin's own choice", client="t")


def test_a_weak_password_is_refused_and_the_link_keeps_working(db):
    admin = staff(db, "admin@example.org", "admin")
    issued = staff_invites.invite_user(db, admin, email="ana@example.org", name="Ana", role="recruiter")
    with pytest.raises(InvalidInput) as short:
        staff_invites.set_password_with_link(db, None, issued.token, "too short")
    assert short.value.key == "error.password_short"
    with pytest.raises(InvalidInput) as common:
        staff_invites.set_password_with_link(db, None, issued.token, "password1234")
    assert common.value.key == "error.password_common"
    staff_invites.set_password_with_link(db, None, issued.token, NEW_PASSWORD)


def test_a_new_link_keeps_the_current_password_until_it_is_used_and_ends_sessions(db):
    admin = staff(db, "admin@example.org", "admin")
    rec = staff(db, "rec@example.org", "recruiter")
    _, session_id = auth.login(db, None, email="rec@example.org", password="correct horse battery", client="t")
    issued = staff_invites.send_password_link(db, SystemActor("cli"), rec.user_id, "en")
    assert auth.resume(db, None, session_id) is not None      # nothing changes until the link is used
    staff_invites.set_password_with_link(db, None, issued.token, NEW_PASSWORD)
    assert auth.resume(db, None, session_id) is None
    with pytest.raises(auth.LoginFailed):
        auth.login(db, None, email="rec@example.org", password="correct horse battery", client="t")
    (event,) = audit_log.search(db, admin, action="user.password_link").rows
    assert event.details == {"invitation_id": _rows(db, StaffInvitation)[0].id, "language": "en"}


def test_invitations_need_an_admin_a_role_a_free_address_and_a_known_language(db):
    admin = staff(db, "admin@example.org", "admin")
    lead = staff(db, "lead@example.org", "lead")
    with pytest.raises(PermissionDenied):
        staff_invites.invite_user(db, lead, email="x@example.org", name="X", role="lead")
    with pytest.raises(PermissionDenied):
        staff_invites.send_password_link(db, lead, lead.user_id)
    for kwargs, key in (({"role": ""}, "error.unknown_role"), ({"email": "lead@example.org"}, "error.email_taken"),
                        ({"email": "not-an-address"}, "error.email_invalid"),
                        ({"language": "de"}, "error.invalid_input")):
        with pytest.raises(InvalidInput) as refused:
            staff_invites.invite_user(db, admin, **{"email": "x@example.org", "name": "X", "role": "lead", **kwargs})
        assert refused.value.key == key
    assert [u.email for u in _rows(db, User)] == ["admin@example.org", "lead@example.org"]
