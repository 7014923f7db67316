"""Sign-in and sign-out routes: a real HTML form, an Origin check, and an HttpOnly session cookie.

The cookie holds only a random session id (the database keeps its hash). After signing in the browser
makes a full page load, so the Streamlit script sees the cookie in its websocket handshake.
"""

from __future__ import annotations

import html
from urllib.parse import parse_qs, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from screening.config import get_settings
from screening.domain.vocab import LANGUAGE_NAMES, Language
from screening.i18n import t
from screening.services import auth, staff_invites
from screening.services.errors import ServiceError
from screening.store.engine import get_database
from screening.web.client import client_address
from screening.web.paths import SESSION_COOKIE, SET_PASSWORD_PATH, SIGN_IN_PATH, SIGN_OUT_PATH

_MAX_FORM_BYTES = 10_000

_STYLE = """
body { font-family: "Source Sans Pro", system-ui, sans-serif; color: #1b1f24; background: #ffffff;
       margin: 0; display: flex; justify-content: center; }
main { width: 100%; max-width: 26rem; padding: 2.5rem 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; font-weight: 600; margin: 0 0 1.5rem; }
label { display: block; font-weight: 600; margin: 1rem 0 .35rem; }
input { width: 100%; box-sizing: border-box; font-size: 1rem; padding: .7rem; border: 1px solid #5c6670;
        border-radius: .5rem; }
button { margin-top: 1.5rem; width: 100%; font-size: 1rem; font-weight: 600; padding: .8rem; border: 0;
         border-radius: .5rem; background: #1f5f8b; color: #ffffff; cursor: pointer; }
button:focus-visible, input:focus-visible, a:focus-visible { outline: 3px solid #0b3d61; outline-offset: 2px; }
.error { background: #fdecea; color: #7a1c12; border-radius: .5rem; padding: .75rem; margin-bottom: 1rem; }
p.hint { color: #3d4650; font-size: .95rem; margin-top: 1.5rem; }
a { color: #1f5f8b; }
"""


def _lang(request: Request) -> str:
    wanted = request.query_params.get("lang") or request.headers.get("accept-language", "")[:2]
    return "fr" if wanted.lower().startswith("fr") else "en"


def _page(lang: str, title: str, body: str, status: int = 200) -> HTMLResponse:
    document = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">'
                f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>"
                f"<body><main>{body}</main></body></html>")
    return HTMLResponse(document, status_code=status, headers={"cache-control": "no-store"})


def sign_in_form(lang: str, error: str = "", email: str = "", status: int = 200) -> HTMLResponse:
    message = f'<div class="error" role="alert">{html.escape(error)}</div>' if error else ""
    other = Language.EN if lang == "fr" else Language.FR
    body = (f"<h1>{html.escape(t('app.title', lang))}</h1><h2>{html.escape(t('login.title', lang))}</h2>{message}"
            f'<form method="post" action="{SIGN_IN_PATH}?lang={lang}">'
            f'<label for="email">{html.escape(t("login.email", lang))}</label>'
            f'<input id="email" name="email" type="email" autocomplete="username" required '
            f'value="{html.escape(email)}" autofocus>'
            f'<label for="password">{html.escape(t("login.password", lang))}</label>'
            f'<input id="password" name="password" type="password" autocomplete="current-password" required>'
            f'<button type="submit">{html.escape(t("login.submit", lang))}</button></form>'
            f'<p class="hint">{html.escape(t("login.candidate_hint", lang))}</p>'
            f'<p><a href="{SIGN_IN_PATH}?lang={other}" lang="{other}">'
            f'{LANGUAGE_NAMES[other]}</a></p>')
    return _page(lang, t("login.title", lang), body, status)


def _same_origin(request: Request) -> bool:
    """Against login CSRF: the form must come from this site (the public address or the one asked).

    Under `Referrer-Policy: no-referrer` browsers send `Origin: null` with a form post; they then also send
    `Sec-Fetch-Site`, which no page can forge, and only "same-origin" is accepted."""
    origin = request.headers.get("origin")
    if origin == "null":
        return request.headers.get("sec-fetch-site") == "same-origin"
    if not origin:
        return False
    allowed = {f"{request.url.scheme}://{request.headers.get('host', '')}"}
    public = urlsplit(get_settings().public_base_url)
    allowed.add(f"{public.scheme}://{public.netloc}")
    return origin in allowed


async def _form(request: Request) -> dict[str, str]:
    body = await request.body()
    if len(body) > _MAX_FORM_BYTES:
        return {}
    fields = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
    return {k: v[0] for k, v in fields.items() if v}


async def sign_in(request: Request) -> Response:
    lang = _lang(request)
    if request.method == "GET":
        return sign_in_form(lang)
    if not _same_origin(request):
        return _page(lang, t("login.title", lang), f"<p>{html.escape(t('error.origin', lang))}</p>", 403)
    form = await _form(request)
    email, password = form.get("email", ""), form.get("password", "")
    client = client_address(request, get_settings().trusted_proxy_hops)
    try:
        _, session_id = await run_in_threadpool(auth.login, get_database(), None, email=email, password=password,
                                                client=client)
    except auth.SignInDelayed as exc:
        return sign_in_form(lang, t(exc.key, lang, seconds=exc.seconds), email, 429)
    except ServiceError as exc:
        return sign_in_form(lang, t(exc.key, lang), email, 401)
    response = RedirectResponse("/", status_code=303)
    settings = get_settings()
    response.set_cookie(SESSION_COOKIE, session_id, max_age=settings.staff_session_hours * 3600, path="/",
                        httponly=True, samesite="strict",
                        secure=urlsplit(settings.public_base_url).scheme == "https")
    return response


async def sign_out(request: Request) -> Response:
    lang = _lang(request)
    if request.method == "GET":  # a page with the button: signing out changes state, so it is a POST
        body = (f'<h1>{html.escape(t("app.title", lang))}</h1><form method="post" action="{SIGN_OUT_PATH}">'
                f'<button type="submit">{html.escape(t("shell.logout", lang))}</button></form>')
        return _page(lang, t("shell.logout", lang), body)
    if not _same_origin(request):
        return _page(lang, t("shell.logout", lang), f"<p>{html.escape(t('error.origin', lang))}</p>", 403)
    await run_in_threadpool(auth.logout, get_database(), None, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
    return response


def _set_password_form(lang: str, token: str, error: str = "", status: int = 200) -> HTMLResponse:
    """The token rides in a hidden field of a POST (never in the form's address), and the page is not cached."""
    message = f'<div class="error" role="alert">{html.escape(error)}</div>' if error else ""
    body = (f"<h1>{html.escape(t('app.title', lang))}</h1><h2>{html.escape(t('setpw.title', lang))}</h2>{message}"
            f'<form method="post" action="{SET_PASSWORD_PATH}">'
            f'<input type="hidden" name="token" value="{html.escape(token)}">'
            f'<label for="password">{html.escape(t("setpw.password", lang))}</label>'
            f'<input id="password" name="password" type="password" autocomplete="new-password" required minlength="12"'
            f' aria-describedby="rule" autofocus>'
            f'<p class="hint" id="rule">{html.escape(t("setpw.rule", lang))}</p>'
            f'<label for="confirm">{html.escape(t("setpw.confirm", lang))}</label>'
            f'<input id="confirm" name="confirm" type="password" autocomplete="new-password" required>'
            f'<button type="submit">{html.escape(t("setpw.submit", lang))}</button></form>')
    return _page(lang, t("setpw.title", lang), body, status)


def _dead_link(lang: str) -> HTMLResponse:
    """One page for every unusable link, whatever the reason."""
    return _page(lang, t("setpw.title", lang),
                 f'<h1>{html.escape(t("app.title", lang))}</h1>'
                 f'<p role="alert">{html.escape(t("error.staff_link_invalid", lang))}</p>', 400)


async def set_password(request: Request) -> Response:
    """A staff invitation's one-time link: choose a password, then sign in as usual."""
    db = get_database()
    if request.method == "GET":
        token = request.query_params.get("token", "")
        try:
            lang = await run_in_threadpool(staff_invites.link_language, db, None, token)
        except staff_invites.InvalidStaffLink:
            return _dead_link(_lang(request))
        return _set_password_form(lang, token)
    lang = _lang(request)
    if not _same_origin(request):
        return _page(lang, t("setpw.title", lang), f"<p>{html.escape(t('error.origin', lang))}</p>", 403)
    form = await _form(request)
    token = form.get("token", "")
    try:
        lang = await run_in_threadpool(staff_invites.link_language, db, None, token)
        if form.get("password", "") != form.get("confirm", ""):
            return _set_password_form(lang, token, t("setpw.mismatch", lang), 400)
        await run_in_threadpool(staff_invites.set_password_with_link, db, None, token, form.get("password", ""))
    except staff_invites.InvalidStaffLink:
        return _dead_link(lang)
    except ServiceError as exc:
        return _set_password_form(lang, token, t(exc.key, lang), 400)
    return _page(lang, t("setpw.title", lang),
                 f'<h1>{html.escape(t("app.title", lang))}</h1><p role="status">{html.escape(t("setpw.done", lang))}'
                 f'</p><p><a href="{SIGN_IN_PATH}?lang={lang}">{html.escape(t("login.submit", lang))}</a></p>')


def session_routes() -> list[Route]:
    return [Route(SIGN_IN_PATH, sign_in, methods=["GET", "POST"]),
            Route(SIGN_OUT_PATH, sign_out, methods=["GET", "POST"]),
            Route(SET_PASSWORD_PATH, set_password, methods=["GET", "POST"])]
