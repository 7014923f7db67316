"""Admin users in a real browser: the admin invites a staff member (e-mailed to an SMTP server started here), the
invitee sets a password through the one-time link and signs in; the admin changes the role (the audit event
holds the previous one), resets the password, deactivates; the last admin can be neither deactivated nor
demoted. Screenshots of the key steps go to docs/screenshots/."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from screening.domain.tokens import token_hash
from screening.services import audit_log, auth
from screening.store.engine import get_database
from screening.store.models import StaffInvitation
from tests.browser.conftest import new_page, settle, sign_in
from tests.browser.test_calibration_journey import SLOW
from tests.browser.test_campaign_pipeline import SHOTS, shot
from tests.factories import world
from tests.services.test_mail_smtp import body_text

NADIA_PASSWORD = "river stone lantern 7"
LAST_ADMIN = "This is the last active administrator: make someone else an administrator first."



def _choose(page, label: str, option: str, scope=None) -> None:  # type: ignore[no-untyped-def]
    """Pick an option of a Streamlit selectbox by its label."""
    box = (scope or page).get_by_label(label, exact=True)
    box.click()
    box.fill(option)      # typing filters the list (and opens it)
    page.get_by_role("option", name=option, exact=True).click()


def _account(page, label: str):  # type: ignore[no-untyped-def]
    """Choose the account to change; its form is drawn again for it (and shows its e-mail in the picker)."""
    _choose(page, "Account", label)
    settle(page)
    expect(page.get_by_label("Account", exact=True)).to_have_value(label, timeout=SLOW)
    settle(page)
    # found by its text, not by role: an open drop-down hides the rest of the page from role queries
    return page.locator('[data-testid="stForm"]').filter(has_text="New password (leave empty to keep it)")


def _apply(page) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("button", name="Apply").click()
    settle(page)


def test_admin_invites_changes_resets_deactivates_and_keeps_the_last_admin(smtp_env, server, browser, watch):
    db = get_database()
    w = world(db)
    admin = new_page(browser, server, watch)
    sign_in(admin, server, "admin@example.org")
    admin.get_by_role("link", name="Users").click()
    settle(admin)

    invite = admin.locator('[data-testid="stForm"]').filter(has_text="Invite a staff member")
    invite.get_by_label("Name").fill("Nadia Haddad")
    invite.get_by_label("E-mail").fill("nadia@example.org")
    _choose(admin, "Role", "recruiter", invite)
    invite.get_by_text("Français", exact=True).click()
    invite.get_by_role("button", name="Send the invitation").click()
    settle(admin)
    expect(admin.get_by_text("Invitation e-mailed. The link works once, for 72 hours.")).to_be_visible(timeout=SLOW)
    shot(admin, "users-1-invited-by-e-mail")
    nadia_id = auth.find_user_id(db, w.admin, "nadia@example.org")

    [mail] = [m for m in smtp_env.received if m.rcpt_tos == ["nadia@example.org"]]   # (the world e-mailed Amina)
    assert str(mail.message["Subject"]) == "Acme Recruiting\u00a0: votre compte sur l'outil de présélection"
    [link] = [line for line in body_text(mail.message).splitlines() if "/auth/set-password?token=" in line]
    assert link.startswith(server)

    invitee = new_page(browser, server, watch)
    invitee.goto(link)
    expect(invitee.get_by_role("heading", name="Choisissez votre mot de passe")).to_be_visible(timeout=SLOW)
    invitee.get_by_label("Nouveau mot de passe").fill(NADIA_PASSWORD)
    invitee.get_by_label("Le même mot de passe, une seconde fois").fill(NADIA_PASSWORD)
    invitee.screenshot(path=str(SHOTS / "users-2-set-password-form.png"), full_page=True)   # at phone width
    invitee.get_by_role("button", name="Enregistrer mon mot de passe").click()
    expect(invitee.get_by_text("Votre mot de passe est enregistré. Vous pouvez maintenant vous connecter.")
           ).to_be_visible(timeout=SLOW)
    token = link.split("token=")[1]
    with db.read() as s:
        [row] = s.exec(select(StaffInvitation).where(StaffInvitation.user_id == nadia_id)).all()
    assert row.used_at is not None and row.language == "fr" and row.token_hash == token_hash(token) != token
    sign_in(invitee, server, "nadia@example.org", NADIA_PASSWORD)
    # a recruiter's first page, in French: the language of her invitation is kept with her account
    expect(invitee.get_by_role("heading", name="Campagnes")).to_be_visible(timeout=SLOW)
    expect(invitee.locator("html")).to_have_attribute("lang", "fr")
    again = invitee.context.new_page()
    again.goto(link)                                                                # the link works once
    expect(again.get_by_text("This link cannot be used. Ask an administrator for a new one.")
           ).to_be_visible(timeout=SLOW)
    expect(again.locator("form")).to_have_count(0)
    again.close()

    # the role: the audit event keeps the previous one, and the invitee's session ends
    change = _account(admin, f"#{nadia_id} nadia@example.org")
    _choose(admin, "Role", "hiring lead", change)
    _apply(admin)
    expect(admin.get_by_text("Account updated. Its open sessions have ended if the role or password changed.")
           ).to_be_visible(timeout=SLOW)
    (event,) = audit_log.search(db, w.admin, action="user.role").rows
    assert (event.entity_id, event.details) == (str(nadia_id), {"previous": "recruiter", "role": "lead"})
    invitee.reload()
    settle(invitee)
    expect(invitee.get_by_role("link", name="Sign in")).to_be_visible(timeout=SLOW)

    # a new password from the admin, then deactivation
    change.get_by_label("New password (leave empty to keep it)").fill("a brand new secret 42")
    _apply(admin)
    auth.login(db, None, email="nadia@example.org", password="a brand new secret 42", client="test")
    change.get_by_role("radiogroup", name="Active").get_by_text("no", exact=True).click()
    _apply(admin)
    expect(admin.get_by_text("Account updated.", exact=False).first).to_be_visible(timeout=SLOW)
    assert not next(u for u in auth.list_users(db, w.admin) if u.user_id == nadia_id).active
    with pytest.raises(auth.LoginFailed):
        auth.login(db, None, email="nadia@example.org", password="a brand new secret 42", client="test")

    # the last admin: neither deactivated nor demoted
    change = _account(admin, f"#{w.admin.user_id} admin@example.org")
    change.get_by_role("radiogroup", name="Active").get_by_text("no", exact=True).click()
    _apply(admin)
    expect(admin.get_by_text(LAST_ADMIN)).to_be_visible(timeout=SLOW)
    shot(admin, "users-3-the-last-admin-stays")
    _choose(admin, "Role", "recruiter", change)
    change.get_by_role("radiogroup", name="Active").get_by_text("yes", exact=True).click()
    _apply(admin)
    expect(admin.get_by_text(LAST_ADMIN)).to_be_visible(timeout=SLOW)
    me = next(u for u in auth.list_users(db, w.admin) if u.user_id == w.admin.user_id)
    assert (me.role, me.active) == ("admin", True)
    assert [e.entity_id for e in audit_log.search(db, w.admin, action="user.role").rows] == [str(nadia_id)]
    admin.context.close()
    invitee.context.close()

