"""The app as served: `uvicorn screening.web.asgi:app`.

Streamlit's st.App runs app.py; beside it live the sign-in and sign-out routes and the middleware that
sets the security headers. At start-up, a production deployment with demo accounts or shipped secrets
refuses to serve and names each problem. Logs are JSON lines without personal data; an uncaught script error
is logged with a short id and shown to the user as a plain message carrying that id.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.middleware import Middleware
from streamlit import config as streamlit_config
from streamlit.starlette import App

from screening import REPO_DIR
from screening.config import get_settings
from screening.store.engine import get_database
from screening.web.headers import SecurityHeadersMiddleware
from screening.web.logs import configure_logging, on_script_error
from screening.web.safety import production_problems
from screening.web.sessions import session_routes

log = logging.getLogger("screening.web")


class UnsafeDeployment(RuntimeError):  # noqa: N818  (a refusal named for what happened)
    pass


def _auth_cookie_secret() -> str | None:
    import streamlit as st

    try:
        return str(st.secrets.get("auth", {}).get("cookie_secret", "")) or None
    except FileNotFoundError:
        return None


def check_deployment() -> None:
    problems = production_problems(get_database(), get_settings(),
                                   streamlit_config.get_where_defined("server.cookieSecret"),
                                   _auth_cookie_secret())
    if problems:
        for problem in problems:
            log.error("refusing to start: %s", problem)
        raise UnsafeDeployment("refusing to start in production: " + "; ".join(problems))


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    configure_logging()  # again, once Streamlit's runtime has set up its own loggers
    check_deployment()
    yield


configure_logging()  # JSON lines on stderr, ids only (screening/web/logs.py)
app = App(str(REPO_DIR / "app.py"), routes=session_routes(), middleware=[Middleware(SecurityHeadersMiddleware)],
          lifespan=lifespan, on_script_error=on_script_error)
