"""The autosaving text box (screening.ui.autosave) in Debian's Chromium, on a phone-sized page.

A small Streamlit app (tests/browser/apps/autosave_app.py) is served the way the real one is: uvicorn,
st.App and the security-headers middleware. Its on_save appends every saved text to a file, so each
test reads what the server saved and when. Every page is watched: a Content-Security-Policy refusal
or a request to another host fails the test.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from screening import REPO_DIR
from tests.browser.conftest import Watch, new_page, settle

pytestmark = pytest.mark.browser

APP = REPO_DIR / "tests" / "browser" / "apps" / "autosave_app.py"
LABEL = "Your answer <b>x</b> :red[x] [a](b) 😀 שלום"
HELP = "Saved while you type. <i>Take your time.</i>"
SHORT = "Short answer"
SHORT_MAX = 20

# The app as `make run` serves app.py, around the test app instead.
SERVE = """
import sys
import uvicorn
from starlette.middleware import Middleware
from streamlit.starlette import App
from screening.web.headers import SecurityHeadersMiddleware

app = App(sys.argv[1], middleware=[Middleware(SecurityHeadersMiddleware)])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, base: str, saves_dir: Path) -> None:
        self.base = base
        self.saves_dir = saves_dir

    def saves(self, run: str, key: str = "answer") -> list[str]:
        path = self.saves_dir / f"{run}.jsonl"
        if not path.exists():
            return []
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
        return [line["text"] for line in lines if line["key"] == key]

    def wait_saved(self, page: Page, run: str, text: str, key: str = "answer", timeout: float = 10) -> None:
        """Wait, letting Playwright run the page's handlers, until `text` is the newest save."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            saved = self.saves(run, key)
            if saved and saved[-1] == text:
                return
            page.wait_for_timeout(100)
        raise AssertionError(f"not saved within {timeout} s: {text!r}; saved: {self.saves(run, key)!r}")


@pytest.fixture(scope="module")
def autosave_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    saves_dir = tmp_path_factory.mktemp("autosave")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "AUTOSAVE_SAVES_DIR": str(saves_dir),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_DIR), os.environ.get("PYTHONPATH")]))}
    log = (saves_dir / "server.log").open("w")
    proc = subprocess.Popen([sys.executable, "-c", SERVE, str(APP), str(port)], cwd=REPO_DIR, env=env,
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError((saves_dir / "server.log").read_text()) from None
                time.sleep(0.3)
        yield Server(base, saves_dir)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@pytest.fixture
def watch(autosave_server: Server) -> Iterator[Watch]:
    """As conftest's `watch`, for this module's server."""
    seen = Watch()
    yield seen
    assert seen.refused == [], f"the page refused something under its Content-Security-Policy: {seen.refused}"
    assert seen.outside == [], f"the page asked another host: {seen.outside}"


@pytest.fixture
def page(browser, autosave_server: Server, watch: Watch) -> Iterator[Page]:  # type: ignore[no-untyped-def]
    page = new_page(browser, autosave_server.base, watch, width=375, height=812)
    yield page
    page.context.close()


@pytest.fixture
def run() -> str:
    """This test's own save file (the app's ?run= parameter)."""
    return uuid.uuid4().hex[:12]


def open_app(page: Page, server: Server, run: str) -> Locator:
    page.goto(f"{server.base}/?run={run}")
    area = page.get_by_role("textbox", name=LABEL)  # the accessible name comes from <label for>
    expect(area).to_be_visible()
    settle(page)
    return area


def component(page: Page, label: str = LABEL) -> Locator:
    """The box's root element (inside the component's shadow root, which Playwright pierces)."""
    return page.locator(".st-autosave").filter(has=page.get_by_text(label, exact=True))


def has_focus(area: Locator) -> bool:
    return bool(area.evaluate("el => el.getRootNode().activeElement === el"))


def test_label_and_help_show_as_typed_and_the_box_fits_a_phone(page: Page, autosave_server: Server,
                                                               run: str) -> None:
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    area = open_app(page, autosave_server, run)
    box = component(page)
    assert box.locator("label").text_content() == LABEL
    assert box.locator(".st-autosave-help").text_content() == HELP
    assert box.locator("b, i, a, .katex").count() == 0  # nothing of the label or help became markup
    assert area.evaluate("el => el.labels.length === 1 && el.labels[0].htmlFor === el.id")

    described = (area.get_attribute("aria-describedby") or "").split()
    texts = [box.locator(f"#{i}").text_content() for i in described]
    assert HELP in texts and "0 / 2000" in texts

    size = area.bounding_box()
    assert size is not None and size["height"] >= 24 and size["width"] <= 375
    font_px = float(area.evaluate("el => getComputedStyle(el).fontSize").removesuffix("px"))
    assert font_px >= 16  # iOS zooms into smaller text fields
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # no sideways scrolling
    assert any("/_stcore/bidi-components/screening.autosave_text/autosave.js" in s for s in scripts)
    assert not any(s.startswith("blob:") for s in scripts)


def test_saves_after_a_pause_without_leaving_the_box(page: Page, autosave_server: Server, run: str) -> None:
    area = open_app(page, autosave_server, run)
    area.click()
    text = "I listened first, then I asked what would help."
    page.keyboard.type(text, delay=30)
    page.wait_for_timeout(4000)
    assert autosave_server.saves(run) == [text]
    assert has_focus(area)  # saved without a blur
    expect(component(page).locator(".st-autosave-status")).to_have_text("Saved")
    expect(area).to_have_value(text)


def test_saves_while_typing_continues_and_keeps_every_keystroke(page: Page, autosave_server: Server,
                                                                run: str) -> None:
    area = open_app(page, autosave_server, run)
    area.click()
    typed = ""
    first_save_at = None
    start = time.monotonic()
    for i in range(40):  # a character every 300 ms for 12 s, never pausing long enough for the idle save
        ch = "abcdefghij klmnopqrs tuvwxyz "[i % 29]
        page.keyboard.type(ch)
        typed += ch
        if first_save_at is None and autosave_server.saves(run):
            first_save_at = time.monotonic() - start
        page.wait_for_timeout(300)
    during = autosave_server.saves(run)
    assert during, "nothing was saved during 12 s of typing"
    assert first_save_at is not None and first_save_at < 10
    assert all(typed.startswith(s) for s in during)  # each save is what had been typed so far
    expect(area).to_have_value(typed)  # the reruns that followed each save took no keystroke, moved no caret
    autosave_server.wait_saved(page, run, typed, timeout=5)


def test_typing_in_the_middle_across_a_save_keeps_the_caret(page: Page, autosave_server: Server,
                                                            run: str) -> None:
    area = open_app(page, autosave_server, run)
    area.click()
    page.keyboard.type("I stayed calm.")
    autosave_server.wait_saved(page, run, "I stayed calm.")
    for _ in range(len("calm.")):
        page.keyboard.press("ArrowLeft")
    page.keyboard.type("very ", delay=350)  # slower than the save interval's rerun round trips
    page.wait_for_timeout(1500)  # a save and its rerun happen here, with the caret mid-text
    page.keyboard.type("very ")
    expect(area).to_have_value("I stayed very very calm.")
    autosave_server.wait_saved(page, run, "I stayed very very calm.")


def test_next_right_after_typing_saves_before_the_page_moves_on(page: Page, autosave_server: Server,
                                                                 run: str) -> None:
    area = open_app(page, autosave_server, run)
    area.click()
    page.keyboard.type("A quick answer")
    page.get_by_role("button", name="Next").click()  # at once: the box's blur sends, the callback saves
    expect(page.get_by_text("The next question")).to_be_visible()
    autosave_server.wait_saved(page, run, "A quick answer", timeout=5)
    page.get_by_role("button", name="Back").click()
    expect(page.get_by_role("textbox", name=LABEL)).to_have_value("A quick answer")


def test_input_method_composition_and_dead_keys_are_saved_exactly(page: Page, autosave_server: Server,
                                                                  run: str) -> None:
    area = open_app(page, autosave_server, run)
    area.click()
    ime = page.context.new_cdp_session(page)  # Chromium's own input-method events
    page.keyboard.type("Caf")
    # A dead key: the accent waits, composed, until the next key; nothing is sent meanwhile.
    ime.send("Input.imeSetComposition", {"text": "\u00b4", "selectionStart": 1, "selectionEnd": 1})
    page.wait_for_timeout(4000)
    assert not any("\u00b4" in s for s in autosave_server.saves(run))
    ime.send("Input.insertText", {"text": "é"})
    page.keyboard.type(" ")
    # A Japanese input method: kana while composing, then the chosen kanji.
    for kana in ("に", "にほ", "にほん"):
        ime.send("Input.imeSetComposition", {"text": kana, "selectionStart": len(kana), "selectionEnd": len(kana)})
        page.wait_for_timeout(300)
    page.wait_for_timeout(6000)  # past the idle and the longest wait: still nothing mid-composition
    assert not any("に" in s for s in autosave_server.saves(run))
    ime.send("Input.insertText", {"text": "日本"})
    autosave_server.wait_saved(page, run, "Café 日本", timeout=5)
    # Composition events around text inserted at once, as an on-screen keyboard does.
    page.keyboard.type(" ")
    area.dispatch_event("compositionstart")
    page.keyboard.insert_text("Ñandú")
    page.wait_for_timeout(3000)
    assert not any("Ñ" in s for s in autosave_server.saves(run))
    area.dispatch_event("compositionend")
    autosave_server.wait_saved(page, run, "Café 日本 Ñandú", timeout=5)
    expect(area).to_have_value("Café 日本 Ñandú")


def test_reload_after_a_save_and_right_after_typing_loses_nothing(page: Page, autosave_server: Server,
                                                                  run: str) -> None:
    held = {"on": False}

    def relay(ws) -> None:  # type: ignore[no-untyped-def]
        """The page's websocket, passed through, except while `held` (a connection that drops sends)."""
        server = ws.connect_to_server()
        ws.on_message(lambda message: None if held["on"] else server.send(message))

    page.route_web_socket("**/_stcore/stream", relay)
    area = open_app(page, autosave_server, run)
    area.click()
    page.keyboard.type("First part.")
    autosave_server.wait_saved(page, run, "First part.")
    page.reload()
    area = page.get_by_role("textbox", name=LABEL)
    expect(area).to_have_value("First part.")
    settle(page)

    # Reloading at once after typing: the browser asks first; leaving keeps the text.
    area.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Second part.")
    page.once("dialog", lambda d: d.accept())
    page.reload()
    area = page.get_by_role("textbox", name=LABEL)
    expect(area).to_have_value("First part. Second part.")
    autosave_server.wait_saved(page, run, "First part. Second part.")
    settle(page)

    # The text was sent but never reached the server (the connection dropped it), then a reload:
    # this tab's copy comes back, says so, and is saved.
    area.click()
    page.keyboard.press("Control+End")
    held["on"] = True
    page.keyboard.type(" Third part.")
    page.wait_for_timeout(2500)
    assert autosave_server.saves(run)[-1] == "First part. Second part."
    expect(component(page).locator(".st-autosave-status")).to_have_text("Saving…")
    held["on"] = False
    page.reload()
    area = page.get_by_role("textbox", name=LABEL)
    expect(area).to_have_value("First part. Second part. Third part.")
    expect(component(page).locator(".st-autosave-message")).to_have_text(
        "Your text from before the page reloaded is back.")
    autosave_server.wait_saved(page, run, "First part. Second part. Third part.")
    expect(component(page).locator(".st-autosave-status")).to_have_text("Saved")


def test_closing_the_tab_right_after_typing_asks_first_and_staying_saves(page: Page, autosave_server: Server,
                                                                          run: str) -> None:
    area = open_app(page, autosave_server, run)
    area.click()
    page.keyboard.type("Almost done")
    asked: list[str] = []

    def stay(dialog) -> None:  # type: ignore[no-untyped-def]
        asked.append(dialog.type)
        dialog.dismiss()

    page.once("dialog", stay)
    page.close(run_before_unload=True)
    page.wait_for_timeout(1000)
    assert asked == ["beforeunload"]
    autosave_server.wait_saved(page, run, "Almost done")
    page.close()  # with everything saved, it closes without asking


def test_the_limit_refuses_more_with_a_message_and_the_server_refuses_too(page: Page, autosave_server: Server,
                                                                          run: str) -> None:
    open_app(page, autosave_server, run)
    area = page.get_by_role("textbox", name=SHORT)
    box = component(page, SHORT)
    counter, message = box.locator(".st-autosave-counter"), box.locator(".st-autosave-message")
    area.click()
    page.keyboard.type("Eighteen chars ok.")
    expect(counter.locator(".st-autosave-count")).to_have_text("18 / 20")
    expect(counter.locator(".st-autosave-left")).to_have_text("2 characters left")  # and a warning colour
    expect(counter).to_have_class(re.compile(r"\bnear\b"))
    expect(message).to_be_hidden()

    page.keyboard.type("abcde")  # two fit, three are refused
    expect(area).to_have_value("Eighteen chars ok.ab")
    expect(counter).to_have_class(re.compile(r"\bfull\b"))
    expect(counter.locator(".st-autosave-count")).to_have_text("20 / 20")
    expect(message).to_have_text("Not added: answers are limited to 20 characters. Shorten your answer to add more.")
    autosave_server.wait_saved(page, run, "Eighteen chars ok.ab", key="short")

    for _ in range(6):
        page.keyboard.press("Backspace")
    expect(message).to_be_hidden()
    page.keyboard.insert_text("0123456789")  # a paste that would make 24: refused whole, not cut
    expect(area).to_have_value("Eighteen chars")
    expect(message).to_contain_text("limited to 20 characters")
    page.keyboard.type("!")
    expect(message).to_be_hidden()
    autosave_server.wait_saved(page, run, "Eighteen chars!", key="short")

    # A browser that skips the box's checks: the server refuses the text, says so, and saves nothing.
    area.evaluate("el => { el.value = 'x'.repeat(25); el.dispatchEvent(new FocusEvent('blur')); }")
    expect(message).to_have_text("This answer is 25 characters long; the limit is 20. Shorten it so it can be saved.")
    page.wait_for_timeout(2000)
    expect(box).to_have_attribute("data-saved", "false")
    assert autosave_server.saves(run, "short")[-1] == "Eighteen chars!"
    assert not any(len(s) > SHORT_MAX for s in autosave_server.saves(run, "short"))


def test_a_failed_save_is_said_plainly_and_the_next_change_saves(page: Page, autosave_server: Server,
                                                                 run: str) -> None:
    area = open_app(page, autosave_server, run)
    message = component(page).locator(".st-autosave-message")
    area.click()
    page.keyboard.type("Saved #fail")  # the test app's on_save raises on this
    expect(message).to_have_text("Your last change could not be saved. Keep this page open and try again.")
    assert page.locator('[data-testid="stException"]').count() == 0  # no traceback for the candidate
    assert autosave_server.saves(run) == []
    for _ in range(len(" #fail")):
        page.keyboard.press("Backspace")
    autosave_server.wait_saved(page, run, "Saved")
    expect(message).to_be_hidden()
