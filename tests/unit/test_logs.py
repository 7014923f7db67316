"""Server logs: JSON lines with ids only; an uncaught error gets a short id, no exception text, no traceback."""

from __future__ import annotations

import json
import logging

from screening.web import logs
from screening.web.logs import JsonLinesFormatter, on_script_error

CANDIDATE_TEXT = "Amina Diallo wrote: my card number is 4970 1234"


def _record(name: str, msg: str, args: tuple = (), exc: BaseException | None = None, **extra: object):
    record = logging.LogRecord(name, logging.ERROR, __file__, 1, msg, args,
                               (type(exc), exc, exc.__traceback__) if exc else None)
    record.__dict__.update(extra)
    return record


def _raised() -> ValueError:
    try:
        raise ValueError(CANDIDATE_TEXT)
    except ValueError as exc:
        return exc


def test_a_log_line_is_json_with_the_error_id_and_no_exception_text():
    line = JsonLinesFormatter().format(_record("screening.errors", "uncaught script error", exc=_raised(),
                                               error_id="a1b2c3d4", secret=CANDIDATE_TEXT))
    entry = json.loads(line)
    assert (entry["event"], entry["error_id"], entry["exc_type"]) == ("uncaught script error", "a1b2c3d4",
                                                                      "builtins.ValueError")
    assert entry["frames"] and entry["frames"][-1].startswith("test_logs.py:")
    assert "Amina" not in line and "4970" not in line and "Traceback" not in line


def test_the_access_log_drops_the_query_string_and_the_client_address():
    line = JsonLinesFormatter().format(_record("uvicorn.access", '%s - "%s %s HTTP/%s" %d',
                                               ("203.0.113.9:5555", "GET", "/?invite=SECRET-TOKEN", "1.1", 200)))
    entry = json.loads(line)
    assert (entry["event"], entry["method"], entry["path"], entry["status"]) == ("request", "GET", "/", 200)
    assert "SECRET-TOKEN" not in line and "203.0.113.9" not in line


def test_the_websocket_handshake_lines_drop_the_client_address_and_the_query_string():
    lines = [JsonLinesFormatter().format(_record("uvicorn.error", msg, args)) for msg, args in (
        ('%s - "WebSocket %s" [accepted]', ("203.0.113.9:5555", "/_stcore/stream?invite=SECRET-TOKEN")),
        ('%s - "WebSocket %s" 403', ("203.0.113.9:5555", "/_stcore/stream")),
        ('%s - "WebSocket %s" %d', ("203.0.113.9:5555", "/_stcore/stream", 401)))]
    assert [(e["event"], e["path"], e["status"]) for e in map(json.loads, lines)] == [
        ("websocket", "/_stcore/stream", "accepted"), ("websocket", "/_stcore/stream", "403"),
        ("websocket", "/_stcore/stream", 401)]
    assert not any("SECRET-TOKEN" in line or "203.0.113.9" in line for line in lines)


def test_on_script_error_logs_an_id_and_hides_the_exception(caplog, monkeypatch):
    monkeypatch.setattr(logs, "new_error_id", lambda: "0badc0de")
    with caplog.at_level(logging.ERROR, logger="screening.errors"):
        assert on_script_error(_raised()) is True  # Streamlit's own display (with its traceback) is suppressed
    (record,) = [r for r in caplog.records if r.name == "screening.errors"]
    line = JsonLinesFormatter().format(record)
    assert json.loads(line)["error_id"] == "0badc0de" and "Amina" not in line


def test_configure_logging_is_idempotent_and_silences_streamlits_uncaught_text():
    logs.configure_logging()
    logs.configure_logging()
    root = logging.getLogger()
    assert [h.get_name() for h in root.handlers].count("screening-json") == 1
    streamlit_errors = logging.getLogger("streamlit.error_util")
    assert not streamlit_errors.filter(_record("streamlit.error_util", "Uncaught app execution"))
    assert streamlit_errors.filter(_record("streamlit.error_util", "something else"))
    root.handlers = [h for h in root.handlers if h.get_name() != "screening-json"]


def test_the_served_app_routes_uncaught_errors_to_the_handler():
    from screening.web import asgi

    assert asgi.app._on_script_error is on_script_error
    root = logging.getLogger()
    assert "screening-json" in [h.get_name() for h in root.handlers]
    root.handlers = [h for h in root.handlers if h.get_name() != "screening-json"]


def test_each_script_run_is_logged_with_its_page_and_duration_and_no_query_string(caplog):
    """app.py times every run of the script on the server: an invite page's run is logged as a JSON line with
    its page, Streamlit's session id and its duration, never the token in the link."""
    from streamlit.testing.v1 import AppTest

    from screening import REPO_DIR

    token = "tok-" + "x" * 40
    at = AppTest.from_file(str(REPO_DIR / "app.py"), default_timeout=60)
    at.query_params["invite"] = token
    with caplog.at_level(logging.INFO, logger="screening.runs"):
        at.run()
    (record,) = [r for r in caplog.records if r.name == "screening.runs"]
    line = json.loads(JsonLinesFormatter().format(record))
    assert (line["event"], line["page"]) == ("script run", "invite")
    assert isinstance(line["session"], str) and line["session"]
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] > 0
    assert token not in json.dumps(line)
