"""Server logs as JSON lines on stderr, without personal data, and the handler for uncaught script errors.

A log line carries a fixed message, ids and the names of what failed; never an exception's text (it can quote
a candidate's answer), never a query string (an invite link carries its token there), never a client address.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

log = logging.getLogger("screening.errors")
runs = logging.getLogger("screening.runs")

# What a caller may attach with `extra=`: ids and codes only.
SAFE_FIELDS = ("error_id", "candidate_id", "user_id", "campaign_id", "attempt_id", "question_id", "item_id",
               "status", "method", "path", "duration_ms", "page", "session")
_HANDLER_NAME = "screening-json"


class JsonLinesFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname, "logger": record.name}
        if record.name == "uvicorn.access":
            entry |= _access_fields(record)
        elif record.name.startswith("uvicorn") and str(record.msg).startswith(_WEBSOCKET_LINE):
            entry |= _websocket_fields(record)
        else:
            entry["event"] = record.getMessage()
        for field in SAFE_FIELDS:
            if field in record.__dict__:
                entry[field] = record.__dict__[field]
        if record.exc_info and record.exc_info[1] is not None:
            entry |= exception_fields(record.exc_info[1])
        return json.dumps(entry, ensure_ascii=False, default=str)


def _access_fields(record: logging.LogRecord) -> dict[str, Any]:
    """uvicorn's access line without the client address or the query string."""
    args = record.args if isinstance(record.args, tuple) else ()
    if len(args) == 5:
        _client, method, path, _version, status = args
        return {"event": "request", "method": method, "path": str(path).split("?", 1)[0], "status": status}
    return {"event": "request"}


# uvicorn's websocket handshake lines: '%s - "WebSocket %s" [accepted]' (or 403, or a status), address first.
_WEBSOCKET_LINE = '%s - "WebSocket %s"'


def _websocket_fields(record: logging.LogRecord) -> dict[str, Any]:
    """A websocket handshake line without the client address or the query string."""
    args = record.args if isinstance(record.args, tuple) else ()
    outcome = str(record.msg)[len(_WEBSOCKET_LINE):].strip()
    status = outcome.strip("[]") if not args[2:] else args[2]
    path = str(args[1]).split("?", 1)[0] if len(args) > 1 else None
    return {"event": "websocket", "path": path, "status": status}


def exception_fields(exc: BaseException) -> dict[str, Any]:
    """The exception's type and where it was raised (file, line, function): never its message or values."""
    frames = traceback.extract_tb(exc.__traceback__)[-8:]
    return {"exc_type": f"{type(exc).__module__}.{type(exc).__qualname__}",
            "frames": [f"{os.path.basename(f.filename)}:{f.lineno}:{f.name}" for f in frames]}


def configure_logging(level: int = logging.INFO) -> None:
    """One JSON-lines handler on stderr for the root logger and uvicorn's loggers; idempotent."""
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(JsonLinesFormatter())
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if h.get_name() != _HANDLER_NAME] + [handler]
    root.setLevel(level)
    from streamlit import logger as streamlit_logger

    for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "uvicorn.asgi"):
        # Streamlit gives uvicorn's loggers its own text handler (and re-adds it when its config is parsed):
        # take them back from its registry so the access line keeps no query string or client address.
        getattr(streamlit_logger, "_loggers", {}).pop(name, None)
        server_log = logging.getLogger(name)
        server_log.handlers = []
        server_log.propagate = True
    # Streamlit logs an uncaught error's full text itself; `on_script_error` logs it here instead, without text.
    streamlit_errors = logging.getLogger("streamlit.error_util")
    if not any(isinstance(f, _DropUncaught) for f in streamlit_errors.filters):
        streamlit_errors.addFilter(_DropUncaught())


class _DropUncaught(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Uncaught app execution")


@contextmanager
def timed_script_run(page: str) -> Iterator[None]:
    """Log each run of the Streamlit script with how long the server spent on it (the wait a browser adds on
    top is the browser's): `page` is invite, about or staff, `session` Streamlit's random session id. A
    rerun or stop raised by Streamlit still ends the run, and is logged as such."""
    started = time.perf_counter()
    try:
        yield
    finally:
        runs.info("script run", extra={"page": page, "session": _session_id(),
                                       "duration_ms": round((time.perf_counter() - started) * 1000, 1)})


def _session_id() -> str | None:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    return ctx.session_id if ctx else None


def new_error_id() -> str:
    return secrets.token_hex(4)


def on_script_error(exc: Exception) -> bool:
    """st.App's `on_script_error`: log the error with a short random id, show the user a plain message with that
    id, and suppress Streamlit's own display (no traceback ever reaches the page)."""
    error_id = new_error_id()
    log.error("uncaught script error", exc_info=exc, extra={"error_id": error_id})
    try:
        import streamlit as st

        from screening.i18n import t

        language = st.session_state.get("cand_lang") or st.session_state.get("lang") or "en"
        st.error(t("error.unexpected", str(language), error_id=error_id))
    except Exception:
        log.warning("could not show the error message", extra={"error_id": error_id})
    return True
