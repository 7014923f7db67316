"""The staff invitation's set-password route over HTTP: the form in the link's language, one use, one plain
page for any dead link, and the origin check."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.testclient import TestClient

from screening.domain.actors import Staff
from screening.services import staff_invites
from screening.store.engine import get_database
from screening.web.headers import SecurityHeadersMiddleware
from screening.web.sessions import session_routes
from tests.factories import world

BASE = "http://testserver"
PASSWORD = "my own long secret"
DEAD = "This link cannot be used. Ask an administrator for a new one."


@pytest.fixture
def admin(app_env) -> Staff:
    return world(get_database()).admin


@pytest.fixture
def client(admin):
    app = Starlette(routes=session_routes(), middleware=[Middleware(SecurityHeadersMiddleware)])
    with TestClient(app, base_url=BASE, follow_redirects=False) as c:
        yield c


def _invite(admin: Staff, language: str = "en", **kwargs):  # type: ignore[no-untyped-def]
    return staff_invites.invite_user(get_database(), admin, email=f"new-{language}@example.org", name="Nadia",
                                     role="recruiter", language=language, **kwargs)


def test_the_link_opens_a_form_in_the_invitees_language_and_sets_the_password_once(client, admin):
    issued = _invite(admin, "fr")
    page = client.get(f"/auth/set-password?token={issued.token}")
    assert page.status_code == 200 and '<html lang="fr">' in page.text
    assert "Choisissez votre mot de passe" in page.text and "<script" not in page.text
    assert '<form method="post" action="/auth/set-password">' in page.text     # the token is not in the action
    assert f'<input type="hidden" name="token" value="{issued.token}">' in page.text
    assert page.headers["cache-control"] == "no-store" and page.headers["referrer-policy"] == "no-referrer"

    differ = client.post("/auth/set-password", data={"token": issued.token, "password": PASSWORD,
                                                     "confirm": PASSWORD + "!"}, headers={"origin": BASE})
    assert differ.status_code == 400 and "Les deux mots de passe diffèrent." in differ.text
    short = client.post("/auth/set-password", data={"token": issued.token, "password": "short",
                                                    "confirm": "short"}, headers={"origin": BASE})
    assert short.status_code == 400 and "au moins 12 caractères" in short.text
    done = client.post("/auth/set-password", data={"token": issued.token, "password": PASSWORD,
                                                   "confirm": PASSWORD}, headers={"origin": BASE})
    assert done.status_code == 200 and "Votre mot de passe est enregistré." in done.text
    assert '<a href="/auth/sign-in?lang=fr">' in done.text
    signed_in = client.post("/auth/sign-in", data={"email": "new-fr@example.org", "password": PASSWORD},
                            headers={"origin": BASE})
    assert signed_in.status_code == 303

    again = client.post("/auth/set-password", data={"token": issued.token, "password": "another long secret",
                                                    "confirm": "another long secret"}, headers={"origin": BASE})
    assert again.status_code == 400 and DEAD in again.text and "<form" not in again.text


def test_every_dead_link_gets_the_same_page(client, admin):
    expired = _invite(admin, "en", clock=lambda: datetime.now(UTC) - timedelta(hours=80))
    used = _invite(admin, "fr")
    staff_invites.set_password_with_link(get_database(), None, used.token, PASSWORD)
    pages = [client.get(f"/auth/set-password?token={token}", headers={"accept-language": "en"})
             for token in (expired.token, used.token, "forged-token-forged-token-forged", "")]
    assert {p.status_code for p in pages} == {400}
    assert len({p.text for p in pages}) == 1 and DEAD in pages[0].text and "<form" not in pages[0].text


def test_a_password_posted_from_another_site_is_refused(client, admin):
    issued = _invite(admin)
    response = client.post("/auth/set-password", data={"token": issued.token, "password": PASSWORD,
                                                       "confirm": PASSWORD}, headers={"origin": "https://evil.example"})
    assert response.status_code == 403
    assert staff_invites.link_language(get_database(), None, issued.token) == "en"    # still unused
