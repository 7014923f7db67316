"""The web layer's sign-in and sign-out routes and headers, over HTTP, on a real database."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.testclient import TestClient

from screening import REPO_DIR
from screening.domain.actors import SystemActor
from screening.services import auth
from screening.store.engine import get_database
from screening.web.headers import SecurityHeadersMiddleware, content_security_policy
from screening.web.paths import SESSION_COOKIE
from screening.web.sessions import session_routes
from tests.factories import PASSWORD, world

BASE = "http://testserver"


@pytest.fixture
def client(app_env):
    world(get_database())
    app = Starlette(routes=session_routes(), middleware=[Middleware(SecurityHeadersMiddleware)])
    with TestClient(app, base_url=BASE, follow_redirects=False) as c:
        yield c


def _post(client, path, data, **headers):  # type: ignore[no-untyped-def]
    return client.post(path, data=data, headers=headers)


def test_the_sign_in_form_is_a_real_form_in_the_visitors_language(client):
    page = client.get("/auth/sign-in?lang=fr")
    assert page.status_code == 200 and '<html lang="fr">' in page.text
    assert '<form method="post" action="/auth/sign-in?lang=fr">' in page.text
    assert 'autocomplete="current-password"' in page.text and "<script" not in page.text


def test_a_correct_sign_in_sets_an_httponly_strict_cookie_holding_only_a_random_id(client):
    response = _post(client, "/auth/sign-in", {"email": "rec@example.org", "password": PASSWORD}, origin=BASE)
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    session_id = response.cookies[SESSION_COOKIE]
    assert len(session_id) >= 40 and "rec" not in session_id
    assert auth.resume(get_database(), None, session_id).role == "recruiter"


@pytest.mark.parametrize("headers", [{}, {"origin": "https://evil.example"}, {"origin": "null"},
                                     {"origin": "null", "sec-fetch-site": "cross-site"}])
def test_a_sign_in_posted_from_another_site_is_refused(client, headers):
    response = _post(client, "/auth/sign-in", {"email": "rec@example.org", "password": PASSWORD}, **headers)
    assert response.status_code == 403 and "set-cookie" not in response.headers


def test_a_form_sent_under_no_referrer_is_recognised_by_sec_fetch_site(client):
    """With `Referrer-Policy: no-referrer` Chromium sends `Origin: null` and `Sec-Fetch-Site: same-origin`."""
    response = _post(client, "/auth/sign-in", {"email": "rec@example.org", "password": PASSWORD},
                     origin="null", **{"sec-fetch-site": "same-origin"})
    assert response.status_code == 303


def test_a_wrong_password_shows_the_form_again_with_one_message(client):
    wrong = _post(client, "/auth/sign-in", {"email": "rec@example.org", "password": "nope nope nope"}, origin=BASE)
    unknown = _post(client, "/auth/sign-in", {"email": "x@example.org", "password": PASSWORD}, origin=BASE)
    assert wrong.status_code == unknown.status_code == 401
    assert "Wrong e-mail or password." in wrong.text and "Wrong e-mail or password." in unknown.text
    assert "set-cookie" not in wrong.headers


def test_hostile_input_is_shown_back_inert(client):
    typed = '"><script>alert(1)</script>'
    page = _post(client, "/auth/sign-in", {"email": typed, "password": "x"}, origin=BASE)
    assert "<script>alert(1)" not in page.text and "&lt;script&gt;" in page.text


def test_sign_out_ends_the_session_on_the_server_and_clears_the_cookie(client):
    signed_in = _post(client, "/auth/sign-in", {"email": "rec@example.org", "password": PASSWORD}, origin=BASE)
    session_id = signed_in.cookies[SESSION_COOKIE]
    refused = client.post("/auth/sign-out", headers={"origin": "https://evil.example"})
    assert refused.status_code == 403 and auth.resume(get_database(), None, session_id) is not None
    out = client.post("/auth/sign-out", headers={"origin": BASE})
    assert out.status_code == 303 and f'{SESSION_COOKIE}=""' in out.headers["set-cookie"]
    assert "Max-Age=0" in out.headers["set-cookie"]
    assert auth.resume(get_database(), None, session_id) is None  # the old cookie opens nothing now


def test_every_response_carries_the_security_headers(client):
    for response in (client.get("/auth/sign-in"), client.get("/auth/sign-out"),
                     _post(client, "/auth/sign-in", {}, origin="https://evil.example")):
        assert response.headers["content-security-policy"] == content_security_policy()
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["x-content-type-options"] == "nosniff"
    policy = content_security_policy()
    assert "frame-ancestors 'none'" in policy and "style-src 'self' 'unsafe-inline'" in policy
    assert "script-src 'self' 'sha256-" in policy and "unsafe-eval" not in policy and "blob:" not in policy.split(
        "script-src")[1].split(";")[0]


def test_production_refuses_to_start_with_a_demo_account_and_names_it(app_env):
    db = get_database()
    user_id = auth.create_user(db, SystemActor("demo"), email="admin@demo.example", name="Demo", role="admin",
                               password=PASSWORD)
    env = {**os.environ, "DATABASE_URL": app_env, "SCREENING_ENV": "production",
           "STREAMLIT_SERVER_COOKIE_SECRET": "a-long-random-value-chosen-by-the-operator"}
    run = subprocess.run([sys.executable, "-m", "uvicorn", "screening.web.asgi:app", "--port", "0"], cwd=REPO_DIR,
                         env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode != 0
    assert f"staff account #{user_id} has a demo address (@demo.example)" in run.stderr + run.stdout
    assert "cookieSecret" not in run.stderr + run.stdout  # set: not named
