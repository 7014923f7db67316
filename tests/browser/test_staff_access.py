"""Every staff page, for every role that reaches it, in a real browser over the demo data: no critical or
serious axe-core violation (except Streamlit's own, listed with a reason in axe_allowlist.json), and the
document's `lang` and the tab's title follow the staff member's language.

One server, one browser and one signed-in context per role serve the whole module (signing in goes through
the real form once per role). The counts per page are printed at the end (`-s`) for docs/accessibility.md."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from screening.demo import DEMO_PASSWORD, load_demo
from screening.domain import policy
from screening.domain.actors import Staff
from screening.i18n import t
from screening.store import engine as engine_module
from screening.store.engine import get_database
from screening.store.migrate import upgrade
from screening.ui.shell import PAGES
from tests.browser.conftest import Watch, axe_violations, chromium, serious_violations, serving, settle, sign_in
from tests.conftest import _clear_caches

# one test process runs the whole module: the demo data and the three sign-ins are made once, not per process
pytestmark = pytest.mark.xdist_group("staff_access")
ROLES = ("recruiter", "lead", "admin")
EMAILS = {"recruiter": "recruiter@demo.example", "lead": "lead@demo.example", "admin": "admin@demo.example"}
CELLS = [(role, pid) for role in ROLES for pid in policy.pages_for(Staff(0, role))]
TALLY: list[tuple[str, str, int, str]] = []  # (role, page, critical or serious, every rule that failed)


def _check(page: Page, role: str, where: str) -> list[tuple[str, str, list[tuple[object, str]]]]:
    """Run axe once; keep the tally for docs/accessibility.md; return what must not be there."""
    violations = axe_violations(page)
    bad = serious_violations(page, violations)
    TALLY.append((role, where, len(bad), ", ".join(f"{v['id']} ({v['impact']})" for v in violations) or "-"))
    return bad


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory) -> Iterator[str]:
    """The demo data (what a new team sees after `make run`), served once for the module."""
    folder: Path = tmp_path_factory.mktemp("staff-access")
    url = f"sqlite:///{folder / 'screening.db'}"
    upgrade(url)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DATABASE_URL", url)
        _clear_caches()
        load_demo(get_database())
        with serving(url, folder / "server.log") as base:
            yield base
        engine_module.get_engine().dispose()
    _clear_caches()
    print("\naxe-core on the staff pages (role, page, critical or serious, every rule that failed):")
    for row in TALLY:
        print(" | ".join(str(v) for v in row))


@pytest.fixture(scope="module")
def one_browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def watched() -> Iterator[Watch]:
    seen = Watch()
    yield seen
    assert seen.refused == [], f"a page refused something under its Content-Security-Policy: {seen.refused}"
    assert seen.outside == [], f"a page asked another host: {seen.outside}"


@pytest.fixture(scope="module")
def signed_in(demo_server, one_browser, watched) -> Iterator[Callable[[str], Page]]:
    """One signed-in page per role, made on first use and kept for the module."""
    pages: dict[str, Page] = {}

    def get(role: str) -> Page:
        if role not in pages:
            page = one_browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            page.set_default_timeout(30_000)
            watched.attach(page, demo_server)
            sign_in(page, demo_server, EMAILS[role], DEMO_PASSWORD)
            pages[role] = page
        return pages[role]

    yield get
    for page in pages.values():
        page.context.close()


HEADINGS = {pid: t("about.title" if pid == "about" else key, "en") for pid, (key, _) in PAGES.items()}


def _open(page: Page, pid: str) -> None:
    """Through the menu, as a person would (a role's first page lives at the root, not at its own path)."""
    link = page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=t(PAGES[pid][0], "en"), exact=True)
    if not link.is_visible():  # past ten pages the menu folds the rest under "View more"
        page.locator('[data-testid="stSidebarNavViewButton"]').click()
    link.click()
    expect(page.get_by_role("heading", name=HEADINGS[pid], exact=True).first).to_be_visible()
    settle(page)


@pytest.mark.parametrize(("role", "pid"), CELLS, ids=[f"{r}-{p}" for r, p in CELLS])
def test_staff_page_has_no_serious_axe_violation(demo_server, signed_in, role, pid):
    page = signed_in(role)
    _open(page, pid)
    bad = _check(page, role, pid)
    assert bad == [], f"axe on {pid} as {role}: {bad}"


def test_sign_in_pages_have_no_serious_axe_violation(demo_server, one_browser, watched):
    page = one_browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    watched.attach(page, demo_server)
    page.goto(demo_server)
    expect(page.get_by_role("heading", name="Staff sign-in")).to_be_visible()
    settle(page)
    signed_out = _check(page, "visitor", "login (signed out)")
    page.get_by_role("link", name="Sign in").click()
    expect(page.get_by_label("Password")).to_be_visible()
    form = _check(page, "visitor", "/auth/sign-in form")
    assert (signed_out, form) == ([], [])
    page.context.close()


def test_staff_page_lang_and_tab_title_follow_the_language(demo_server, signed_in):
    page = signed_in("lead")
    _open(page, "profiles")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_title("Profiles and decisions · Soft-skill screening")
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
    page.get_by_role("option", name="Français").click()
    settle(page)
    expect(page.get_by_role("heading", name="Profils et décisions")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page).to_have_title("Profils et décisions · Évaluation des compétences comportementales")
    assert _check(page, "lead", "profiles (in French)") == []
    page.reload()  # a new browser session: the choice was kept with the account
    settle(page)
    expect(page.get_by_role("heading", name="Profils et décisions")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
