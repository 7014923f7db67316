"""Staff sessions in a real browser: the cookie survives a reload, a copied address signs nobody in,
signing out ends the session for good, and old `?session=` links do nothing."""

from __future__ import annotations

from playwright.sync_api import expect

from screening.services import auth
from screening.store.engine import get_database
from screening.web.paths import SESSION_COOKIE
from tests.browser.conftest import fill_sign_in_form, new_page, settle, sign_in
from tests.factories import PASSWORD, world


def _signed_out(page) -> None:  # type: ignore[no-untyped-def]
    expect(page.get_by_role("heading", name="Staff sign-in")).to_be_visible()
    expect(page.get_by_role("heading", name="Campaigns")).to_have_count(0)


def test_sign_in_reload_copy_the_address_and_sign_out(server, browser, watch):
    world(get_database())
    page = new_page(browser, server, watch)
    sign_in(page, server, "rec@example.org")
    expect(page.get_by_role("heading", name="Campaigns")).to_be_visible()
    cookie = next(c for c in page.context.cookies() if c["name"] == SESSION_COOKIE)
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert cookie["value"] not in page.url  # no token in the address
    page.reload()
    settle(page)
    expect(page.get_by_role("heading", name="Campaigns")).to_be_visible()

    # the same address in a fresh browser context: not signed in
    stranger = new_page(browser, server, watch)
    stranger.goto(page.url)
    settle(stranger)
    _signed_out(stranger)

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{server}/**")
    settle(page)
    _signed_out(page)
    assert auth.resume(get_database(), None, cookie["value"]) is None

    # the old cookie, planted in another browser, is refused by the server
    replay = new_page(browser, server, watch)
    replay.context.add_cookies([{"name": SESSION_COOKIE, "value": cookie["value"], "url": server}])
    replay.goto(server)
    settle(replay)
    _signed_out(replay)
    stranger.context.close()
    replay.context.close()
    page.context.close()


def test_an_old_session_link_in_the_address_does_nothing(server, browser, watch):
    world(get_database())
    _, session_id = auth.login(get_database(), None, email="admin@example.org", password=PASSWORD, client="t")
    page = new_page(browser, server, watch)
    page.goto(f"{server}/?session={session_id}")
    settle(page)
    _signed_out(page)
    page.context.close()


def test_a_wrong_password_keeps_the_visitor_on_the_form(server, browser, watch):
    world(get_database())
    page = new_page(browser, server, watch)
    fill_sign_in_form(page, server, "rec@example.org", "not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text("Wrong e-mail or password.")
    assert not [c for c in page.context.cookies() if c["name"] == SESSION_COOKIE]
    page.context.close()
