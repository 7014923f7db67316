"""Signing in on a real database: the throttle on an injected clock, session ends, account rules, and the
production start-up check."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import col, select

from screening.config import get_settings
from screening.demo import DEMO_PASSWORD
from screening.domain.actors import Staff, SystemActor
from screening.services import auth
from screening.services.errors import InvalidInput
from screening.store.models import AuditEvent, User
from screening.web.safety import production_problems
from tests.factories import PASSWORD, staff, world

START = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def _fail(db, clock, email="rec@example.org", client="10.0.0.1"):  # type: ignore[no-untyped-def]
    with pytest.raises(auth.LoginFailed):
        auth.login(db, None, email=email, password="wrong guess 123", client=client, clock=clock)


def test_failed_sign_ins_get_growing_delays_and_never_a_lock_out(db):
    world(db)
    clock = Clock()
    for _ in range(5):
        _fail(db, clock)  # free
    _fail(db, clock)      # the 6th failure: the next try waits 1 s
    with pytest.raises(auth.SignInDelayed) as delayed:
        auth.login(db, None, email="rec@example.org", password=PASSWORD, client="10.0.0.1", clock=clock)
    assert delayed.value.seconds == 1
    clock.advance(seconds=1)
    _fail(db, clock)      # the 7th: 2 s
    clock.advance(seconds=1)
    with pytest.raises(auth.SignInDelayed) as delayed:
        auth.login(db, None, email="rec@example.org", password=PASSWORD, client="10.0.0.1", clock=clock)
    assert delayed.value.seconds == 1
    clock.advance(seconds=1)
    actor, _ = auth.login(db, None, email="rec@example.org", password=PASSWORD, client="10.0.0.1", clock=clock)
    assert actor.role == "recruiter"  # a delay, not a lock-out: the right password works once it is over


def test_the_throttle_counts_per_client_address_across_accounts(db):
    world(db)
    clock = Clock()
    for n in range(6):
        _fail(db, clock, email=f"guess{n}@example.org", client="203.0.113.9")
    with pytest.raises(auth.SignInDelayed):  # another account, same address
        auth.login(db, None, email="lead@example.org", password=PASSWORD, client="203.0.113.9", clock=clock)
    actor, _ = auth.login(db, None, email="lead@example.org", password=PASSWORD, client="198.51.100.7",
                          clock=clock)
    assert actor.role == "lead"


def test_failures_are_audited_without_the_address_typed(db):
    world(db)
    _fail(db, Clock(), email="who-is-this@example.org")
    with db.read() as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "signin.failed")).all()
    assert len(events) == 1 and events[0].actor_kind == "anonymous"
    assert "who-is-this" not in str(events[0].details) + events[0].entity_id


def test_a_session_ends_after_idle_time_and_at_its_absolute_end(db):
    world(db)
    clock = Clock()
    actor, session_id = auth.login(db, None, email="rec@example.org", password=PASSWORD, client="c", clock=clock)
    idle = get_settings().staff_session_idle_minutes
    clock.advance(minutes=idle - 1)
    assert auth.resume(db, None, session_id, clock=clock) == actor   # used: the idle time starts again
    clock.advance(minutes=idle - 1)
    assert auth.resume(db, None, session_id, clock=clock) == actor
    clock.advance(minutes=idle)
    assert auth.resume(db, None, session_id, clock=clock) is None    # idle too long
    _, busy = auth.login(db, None, email="rec@example.org", password=PASSWORD, client="c", clock=clock)
    for _ in range(get_settings().staff_session_hours * 4):
        clock.advance(minutes=15)
        last = auth.resume(db, None, busy, clock=clock)
    assert last is None  # busy all day, but 12 hours is the end


def test_a_role_change_or_a_deactivation_ends_the_sessions(db):
    w = world(db)
    _, first = auth.login(db, None, email="rec@example.org", password=PASSWORD, client="c")
    auth.set_role(db, w.admin, w.recruiter.user_id, "lead")
    assert auth.resume(db, None, first) is None
    _, second = auth.login(db, None, email="rec@example.org", password=PASSWORD, client="c")
    assert auth.resume(db, None, second) == Staff(w.recruiter.user_id, "lead", "Rec")
    auth.set_active(db, w.admin, w.recruiter.user_id, False)
    assert auth.resume(db, None, second) is None
    with pytest.raises(auth.LoginFailed):
        auth.login(db, None, email="rec@example.org", password=PASSWORD, client="c")


def test_role_changes_are_audited_with_the_previous_role(db):
    w = world(db)
    auth.set_role(db, w.admin, w.lead.user_id, "recruiter")
    with db.read() as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "user.role")).one()
    assert event.details == {"previous": "lead", "role": "recruiter"} and event.actor_id == w.admin.user_id


def test_the_last_active_admin_can_be_neither_demoted_nor_deactivated(db):
    admin = staff(db, "only-admin@example.org", "admin")
    for change in (lambda: auth.set_role(db, admin, admin.user_id, "recruiter"),
                   lambda: auth.set_active(db, admin, admin.user_id, False)):
        with pytest.raises(InvalidInput) as refused:
            change()
        assert refused.value.key == "error.last_admin"
    second = staff(db, "second-admin@example.org", "admin")
    auth.set_role(db, second, admin.user_id, "lead")  # with another admin, it is allowed
    with db.read() as s:
        assert s.get(User, admin.user_id).role == "lead"


@pytest.mark.parametrize("role, password, email, key", [
    ("", PASSWORD, "new@example.org", "error.unknown_role"),
    ("lead", "short", "new@example.org", "error.password_short"),
    ("lead", "password1234", "new@example.org", "error.password_common"),
    ("lead", PASSWORD, "not an address", "error.email_invalid"),
])
def test_new_accounts_need_a_chosen_role_a_strong_password_and_a_real_address(db, role, password, email, key):
    system = SystemActor("test")
    with pytest.raises(InvalidInput) as refused:
        auth.create_user(db, system, email=email, name="New", role=role, password=password)
    assert refused.value.key == key


def test_cli_actions_are_named_as_the_system_in_the_audit_log(db):
    auth.create_user(db, SystemActor("users"), email="first@example.org", name="First", role="admin",
                     password=PASSWORD)
    with db.read() as s:
        event = s.exec(select(AuditEvent).where(AuditEvent.action == "user.create")).one()
    assert (event.actor_kind, event.actor_id) == ("system:users", None)


def test_production_refuses_demo_accounts_and_default_secrets_and_names_them(db, monkeypatch):
    demo = auth.create_user(db, SystemActor("demo"), email="admin@demo.example", name="Demo", role="admin",
                            password=DEMO_PASSWORD)
    reused = auth.create_user(db, SystemActor("test"), email="ana@example.org", name="Ana", role="recruiter",
                              password=DEMO_PASSWORD)
    monkeypatch.setenv("SCREENING_ENV", "production")
    get_settings.cache_clear()
    try:
        problems = production_problems(db, get_settings(), "<default>", None)
    finally:
        get_settings.cache_clear()
    assert problems == [
        f"staff account #{demo} has a demo address (@demo.example); deactivate it",
        f"staff account #{demo} still has the demo password; reset it",
        f"staff account #{reused} still has the demo password; reset it",
        "server.cookieSecret is not set: set STREAMLIT_SERVER_COOKIE_SECRET to a long random value, the same on "
        "every app server",
    ]
    monkeypatch.delenv("SCREENING_ENV")
    assert production_problems(db, get_settings(), "<default>", None) == []  # development: the demo is fine
    with db.write() as s:
        for user in s.exec(select(User).where(col(User.id).in_([demo, reused]))).all():
            user.active = False
            s.add(user)
    monkeypatch.setenv("SCREENING_ENV", "production")
    get_settings.cache_clear()
    try:
        assert production_problems(db, get_settings(), "environment variable", None) == []
    finally:
        get_settings.cache_clear()


def test_the_language_a_staff_member_chooses_follows_them_to_their_next_session_and_is_theirs_alone(db):
    w = world(db)
    actor, first = auth.login(db, None, email="rec@example.org", password=PASSWORD, client="c")
    assert actor.language == "en"
    auth.set_language(db, actor, "fr")
    auth.set_language(db, actor, "fr")  # the same again: nothing changes, nothing more is logged
    _, second = auth.login(db, None, email="rec@example.org", password=PASSWORD, client="c")
    assert [auth.resume(db, None, sid).language for sid in (first, second)] == ["fr", "fr"]  # type: ignore[union-attr]
    assert auth.resume(db, None, auth.login(db, None, email="lead@example.org", password=PASSWORD,
                                            client="c")[1]).language == "en"  # type: ignore[union-attr]
    with pytest.raises(InvalidInput):
        auth.set_language(db, actor, "de")
    with db.read() as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "user.language")).all()
        assert [(e.actor_id, e.entity_id, e.details) for e in events] == [
            (w.recruiter.user_id, str(w.recruiter.user_id), {"language": "fr"})]
