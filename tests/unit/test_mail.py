"""The e-mail layer without a network: templates in both languages, headers, addresses, the reminder planner."""

# French typography uses the apostrophe U+2019 on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from html.parser import HTMLParser

import pytest

from screening.config import Settings
from screening.i18n import CATALOG, t
from screening.i18n.mail_strings import MAIL_STRINGS
from screening.mail import (
    InvalidAddressError,
    InvitationState,
    Job,
    MailError,
    MailNotConfiguredError,
    Outcome,
    Recipient,
    ReminderDue,
    ReminderPolicy,
    SenderIdentity,
    format_deadline,
    formatting,
    invitation_message,
    lost_link_message,
    mailbox,
    outcome_message,
    parse_mailbox,
    plan_reminders,
    reminder_message,
    resent_link_message,
    send,
    staff,
    templates,
)
from screening.mail.staff import staff_invitation_message
from screening.text import LINE_CHARS, Medium, inert

SENDER = SenderIdentity.parse("Acme Recruiting <jobs@acme.example>", "people@acme.example")
LINK = "https://screening.acme.example/?invite=tok_AbC-123_xyz"
HELP = "https://screening.acme.example/?lost=1"
FEEDBACK = "https://screening.acme.example/?feedback=fb_789"
DEADLINE = datetime(2025, 3, 14, 16, 0, tzinfo=UTC)          # a Friday, 16:00 UTC
INVITED = datetime(2025, 3, 3, 9, 30, tzinfo=UTC)
SENT = datetime(2025, 3, 12, 16, 0, tzinfo=UTC)
JOB = Job(title="Live Chat Advisor", organisation="Acme Travel", test_minutes=40)

EN = Recipient("Ana Lima", "ana.lima@example.com", "en", "America/New_York")
FR = Recipient("Zoé Martin", "zoe.martin@example.fr", "fr", "Europe/Paris")
DEADLINE_TEXT = {  # Babel, CLDR: 12:00 PM New York time (daylight saving began on 9 March); 17:00 in Paris
    "en": "Friday, March 14, 2025 at 12:00\u202fPM (Eastern Daylight Time)",
    "fr": "vendredi 14 mars 2025 à 17:00 (heure normale d’Europe centrale)",
}
WHO = {"en": EN, "fr": FR}

HOSTILE_NAME = '<img src=x onerror=alert(1)> "Eve", Bcc: spy@evil.example\r\nBcc: spy2@evil.example\n\u202eTo: x'
HOSTILE_TITLE = '</p><script>alert("t")</script>\r\nX-Injected: yes & <b>bold</b>'


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")


def parts(msg: EmailMessage) -> tuple[str, str]:
    text = msg.get_body(("plain",))
    page = msg.get_body(("html",))
    assert text is not None and page is not None
    return text.get_content(), page.get_content()


def anchors(page: str) -> _Anchors:
    parser = _Anchors()
    parser.feed(page)
    return parser


def reparse(msg: EmailMessage) -> EmailMessage:
    """What a receiving server reads: the bytes on the wire, parsed again."""
    return email.message_from_bytes(msg.as_bytes(), policy=email.policy.default)


# Every e-mail with a link: (builder, the link it must carry exactly once).
Builder = Callable[[Recipient, Job], EmailMessage]
WITH_LINK: dict[str, tuple[Builder, str]] = {
    "invitation": (lambda to, job: invitation_message(SENDER, to, job, link=LINK, deadline=DEADLINE, sent_at=SENT),
                   LINK),
    "reminder_new_link": (lambda to, job: reminder_message(SENDER, to, job, deadline=DEADLINE, link=LINK,
                                                           sent_at=SENT), LINK),
    "reminder_help_page": (lambda to, job: reminder_message(SENDER, to, job, deadline=DEADLINE, invited_at=INVITED,
                                                            help_url=HELP, sent_at=SENT), HELP),
    "resent_link": (lambda to, job: resent_link_message(SENDER, to, job, link=LINK, deadline=DEADLINE, sent_at=SENT),
                    LINK),
    "lost_link": (lambda to, job: lost_link_message(SENDER, to, job, link=LINK, deadline=DEADLINE, sent_at=SENT),
                  LINK),
    "outcome_feedback": (lambda to, job: outcome_message(SENDER, to, job, outcome=Outcome.REJECT,
                                                         feedback_link=FEEDBACK, sent_at=SENT), FEEDBACK),
}
WITH_DEADLINE = ("invitation", "reminder_new_link", "reminder_help_page", "resent_link", "lost_link")
SUBJECTS = {
    ("invitation", "en"): "Your assessment for the Live Chat Advisor role",
    ("invitation", "fr"): "Votre évaluation pour le poste «\u00a0Live Chat Advisor\u00a0»",
    ("reminder_new_link", "en"): "Reminder: your assessment for the Live Chat Advisor role",
    ("reminder_new_link", "fr"): "Rappel\u00a0: votre évaluation pour le poste «\u00a0Live Chat Advisor\u00a0»",
    ("reminder_help_page", "en"): "Reminder: your assessment for the Live Chat Advisor role",
    ("reminder_help_page", "fr"): "Rappel\u00a0: votre évaluation pour le poste «\u00a0Live Chat Advisor\u00a0»",
    ("resent_link", "en"): "Your new link for the Live Chat Advisor assessment",
    ("resent_link", "fr"): "Votre nouveau lien pour l’évaluation «\u00a0Live Chat Advisor\u00a0»",
    ("lost_link", "en"): "The link you asked for: Live Chat Advisor assessment",
    ("lost_link", "fr"): "Le lien demandé pour l’évaluation «\u00a0Live Chat Advisor\u00a0»",
    ("outcome_feedback", "en"): "Your application for the Live Chat Advisor role",
    ("outcome_feedback", "fr"): "Votre candidature au poste «\u00a0Live Chat Advisor\u00a0»",
}


# --- every template, both languages -----------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("kind", sorted(WITH_LINK))
def test_link_exactly_once_headers_and_language(kind: str, lang: str) -> None:
    build, link = WITH_LINK[kind]
    msg = reparse(build(WHO[lang], JOB))
    text, page = parts(msg)
    assert text.count(link) == 1
    found = anchors(page)
    assert found.hrefs == [link]                     # one link in the HTML, pointing where the text says
    assert page.count(link) == 2                     # ... its href and its visible text, nothing else
    for other in {LINK, HELP, FEEDBACK} - {link}:
        assert other not in text and other not in page
    assert str(msg["Subject"]) == SUBJECTS[kind, lang]
    assert str(msg["From"]) == "Acme Recruiting <jobs@acme.example>"
    assert str(msg["Reply-To"]) == "people@acme.example"
    assert [a.addr_spec for a in msg["To"].addresses] == [WHO[lang].email]
    assert msg["To"].addresses[0].display_name == WHO[lang].name
    assert msg["Content-Language"] == lang
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["Date"].datetime == SENT
    assert str(msg["Message-ID"]).endswith("@acme.example>")
    assert f'<html lang="{lang}">' in page
    greeting = {"en": "Hello Ana Lima,", "fr": "Bonjour Zoé Martin,"}[lang]
    assert text.startswith(greeting + "\n\n")
    other_greeting = {"en": "Bonjour", "fr": "Hello"}[lang]
    assert other_greeting not in text
    if kind in WITH_DEADLINE:
        assert DEADLINE_TEXT[lang] in text and DEADLINE_TEXT[lang] in page
        assert DEADLINE_TEXT["fr" if lang == "en" else "en"] not in text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_invitation_says_how_long_how_data_is_used_who_to_contact_and_that_a_person_decides(lang: str) -> None:
    text, page = parts(invitation_message(SENDER, WHO[lang], JOB, link=LINK, deadline=DEADLINE))
    expected = {
        "en": ["The test takes about 40 minutes.", "Your data:", "only to consider your application",
               "by writing to people@acme.example", "no decision is made by software",
               "A person at Acme Travel reviews your results and makes every decision", "asks for your consent"],
        "fr": ["Le test dure environ 40 minutes.", "Vos données\u00a0:", "uniquement pour étudier votre candidature",
               "en écrivant à people@acme.example", "aucune décision n’est prise par un logiciel",
               "Chez Acme Travel, une personne examine vos résultats et prend chaque décision",
               "vous demande votre accord"],
    }[lang]
    for phrase in expected:
        assert phrase in text
        assert phrase in page


def test_the_job_contact_replaces_the_reply_to_and_must_be_an_address() -> None:
    job = Job("Live Chat Advisor", "Acme Travel", 40, contact_email="privacy@acme.example")
    text, _ = parts(invitation_message(SENDER, EN, job, link=LINK, deadline=DEADLINE))
    assert "by writing to privacy@acme.example" in text and "people@acme.example" not in text
    with pytest.raises(InvalidAddressError):
        invitation_message(SENDER, EN, Job("T", "O", 40, contact_email="privacy@acme.example, x@evil.example"),
                           link=LINK, deadline=DEADLINE)


def test_without_reply_to_the_contact_is_the_sender() -> None:
    sender = SenderIdentity.parse("jobs@acme.example")
    msg = invitation_message(sender, EN, JOB, link=LINK, deadline=DEADLINE)
    assert msg["Reply-To"] is None
    assert "by writing to jobs@acme.example" in parts(msg)[0]


@pytest.mark.parametrize(("minutes", "en", "fr"), [(1, "about 1 minute", "environ 1 minute"),
                                                   (25, "about 25 minutes", "environ 25 minutes"),
                                                   (90, "about 1.5 hours", "environ 1,5 heure"),
                                                   (120, "about 2 hours", "environ 2 heures")])
def test_test_duration_wording(minutes: int, en: str, fr: str) -> None:
    for lang, words in (("en", en), ("fr", fr)):
        job = Job("Advisor", "Acme", minutes)
        text, _ = parts(invitation_message(SENDER, WHO[lang], job, link=LINK, deadline=DEADLINE))
        assert words in text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_reminder_variants(lang: str) -> None:
    fr = lang == "fr"
    started, _ = parts(reminder_message(SENDER, WHO[lang], JOB, deadline=DEADLINE, link=LINK, started=True))
    fresh, _ = parts(reminder_message(SENDER, WHO[lang], JOB, deadline=DEADLINE, link=LINK, started=False))
    assert ("vos réponses sont enregistrées" if fr else "your answers are saved") in started
    assert ("Il dure environ 40 minutes." if fr else "It takes about 40 minutes.") in fresh
    assert ("ne fonctionne plus" if fr else "no longer works") in fresh
    # No new link and no help page: point to the invitation's date and the contact, and carry no link at all.
    bare, page = parts(reminder_message(SENDER, WHO[lang], JOB, deadline=DEADLINE, invited_at=INVITED))
    assert "http" not in bare and anchors(page).hrefs == []
    assert ("notre e-mail d’invitation du 3 mars 2025" if fr else "our invitation e-mail of March 3, 2025") in bare
    assert ("écrivez à people@acme.example" if fr else "write to people@acme.example") in bare
    assert DEADLINE_TEXT[lang] in bare
    assert ("vous ne recevrez pas d’autre rappel" if fr else "you will not get another reminder") in bare


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_resent_and_lost_link_say_the_old_link_no_longer_works(lang: str) -> None:
    fr = lang == "fr"
    resent, _ = parts(resent_link_message(SENDER, WHO[lang], JOB, link=LINK, deadline=DEADLINE))
    lost, _ = parts(lost_link_message(SENDER, WHO[lang], JOB, link=LINK, deadline=DEADLINE))
    assert ("L’ancien lien ne fonctionne plus" if fr else "Your previous link no longer works") in resent
    assert ("remplace le précédent, qui ne fonctionne plus" if fr else "replaces your previous link, which no "
            "longer works") in lost
    assert ("Vous n’avez rien demandé\u202f?" if fr else "Did not ask for this?") in lost


OUTCOME_WORDS = {
    ("advance", "en"): "we would like to take your application to the next stage",
    ("advance", "fr"): "nous souhaitons poursuivre avec vous et passer à l’étape suivante",
    ("hold", "en"): "We have not reached a decision yet. Your application stays open",
    ("hold", "fr"): "Nous n’avons pas encore pris de décision. Votre candidature reste ouverte",
    ("reject", "en"): "we have decided not to take your application for this role further",
    ("reject", "fr"): "nous avons décidé de ne pas poursuivre votre candidature pour ce poste",
}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("outcome", list(Outcome))
def test_outcome_wording(outcome: Outcome, lang: str) -> None:
    msg = outcome_message(SENDER, WHO[lang], JOB, outcome=outcome.value)
    text, page = parts(msg)
    assert OUTCOME_WORDS[outcome.value, lang] in text
    for (other, other_lang), words in OUTCOME_WORDS.items():
        if other != outcome.value and other_lang == lang:
            assert words not in text
    assert ("cette décision a été prise par une personne, et non par un logiciel" if lang == "fr"
            else "This decision was made by a person at Acme Travel, not by software") in text
    assert ("Merci pour le temps" if lang == "fr" else "Thank you for the time") in text
    assert "http" not in text and anchors(page).hrefs == []


def test_outcome_refuses_decisions_it_has_no_words_for() -> None:
    with pytest.raises(ValueError, match="hire"):
        outcome_message(SENDER, EN, JOB, outcome="hire")


# --- hostile names and titles -------------------------------------------------------------------------

ALL_BUILDERS: dict[str, Builder] = {
    **{k: b for k, (b, _) in WITH_LINK.items()},
    "reminder_bare": lambda to, job: reminder_message(SENDER, to, job, deadline=DEADLINE, invited_at=INVITED),
    "outcome_advance": lambda to, job: outcome_message(SENDER, to, job, outcome="advance"),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("kind", sorted(ALL_BUILDERS))
def test_hostile_name_and_title_are_inert(kind: str, lang: str) -> None:
    to = Recipient(HOSTILE_NAME, "eve@example.com", lang, "Europe/Paris")
    job = Job(HOSTILE_TITLE, "Acme <Travel> & \"Co\"\r\nBcc: org@evil.example", 40)
    built = ALL_BUILDERS[kind](to, job)
    wire = built.as_bytes()
    msg = reparse(built)
    # Headers: exactly the ones we set, one recipient, nothing injected.
    assert sorted(msg.keys()) == sorted(["Subject", "From", "To", "Reply-To", "Date", "Message-ID",
                                         "Auto-Submitted", "MIME-Version", "Content-Type", "Content-Language"])
    assert [a.addr_spec for a in msg["To"].addresses] == ["eve@example.com"]
    assert msg["Bcc"] is None and msg["Cc"] is None and msg["X-Injected"] is None
    head = wire.split(b"\n\n", 1)[0]
    for line in head.split(b"\n"):
        assert not line.lower().startswith((b"bcc", b"x-injected", b"cc:")), line
    assert "\n" not in str(msg["Subject"]) and "\r" not in str(msg["Subject"])
    display = msg["To"].addresses[0].display_name
    assert display == inert(HOSTILE_NAME, Medium.EMAIL, limit=LINE_CHARS)
    assert "\u202e" not in display and "\r" not in display and "\n" not in display
    # HTML: no tag from the values survives; they show escaped.
    text, page = parts(msg)
    tags = set(anchors(page).tags)
    assert tags <= {"html", "head", "meta", "title", "body", "p", "br", "a"}
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert len(anchors(page).hrefs) == (0 if kind in ("reminder_bare", "outcome_advance") else 1)
    # Plain text: the values stay inside their sentence, so they cannot start a line of their own.
    assert "&lt;" not in text
    for text_line in text.splitlines():
        assert not text_line.startswith(("Bcc", "X-Injected", "To:", "<", "\u202e")), text_line



# --- the words come from the one catalog ----------------------------------------------------------------

def test_every_mail_key_exists_in_english_and_french_with_the_same_placeholders() -> None:
    mail_keys = {k: v for k, v in CATALOG.items() if k.startswith("mail.")}
    assert len(mail_keys) == len(MAIL_STRINGS) > 40
    assert [k for k, v in mail_keys.items() if set(v) != {"en", "fr"} or not (v["en"] and v["fr"])] == []
    fields = re.compile(r"{(\w+)}")
    assert [k for k, v in mail_keys.items() if set(fields.findall(v["en"])) != set(fields.findall(v["fr"]))] == []


def _every_variant(lang: str) -> list[EmailMessage]:
    to = WHO[lang]
    return [*(build(to, JOB) for build in ALL_BUILDERS.values()),
            reminder_message(SENDER, to, JOB, deadline=DEADLINE, started=True),
            reminder_message(SENDER, to, JOB, deadline=DEADLINE, help_url=HELP),
            outcome_message(SENDER, to, JOB, outcome="hold"),
            *(invitation_message(SENDER, Recipient("", "x@example.com", lang), Job("T", "O", minutes), link=LINK,
                                 deadline=DEADLINE) for minutes in (1, 90)),
            *(staff_invitation_message(SENDER, Recipient(name, "x@example.com", lang), role="lead", link=LINK,
                                       expires=DEADLINE) for name in ("Nadia", ""))]


def test_templates_render_words_never_key_names_and_use_every_mail_key(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: set[str] = set()

    def recording_t(key: str, language: str = "en", **values: object) -> str:
        asked.add(key)
        return t(key, language, **values)

    monkeypatch.setattr(templates, "t", recording_t)
    monkeypatch.setattr(formatting, "t", recording_t)
    monkeypatch.setattr(staff, "t", recording_t)
    key_like = re.compile(r"\bmail(\.[a-z_]+){2,}")
    for msg in [*_every_variant("en"), *_every_variant("fr")]:
        text, page = parts(msg)
        for shown in (str(msg["Subject"]), text, page):
            assert not key_like.search(shown), shown
            assert not [k for k in MAIL_STRINGS if k in shown]
    assert asked - {"role.lead"} <= set(MAIL_STRINGS)  # a key missing from the catalog would render as its name
    assert set(MAIL_STRINGS) - asked == set()  # and no word in the catalog is left unused


@pytest.mark.parametrize("name", [
    "Evelyn Bartholomew-Featherstonehaugh, Ana Lima, Bob Smith (Jr.), Carla: spy@evil.example; and others",
    '"Ana" <spy@evil.example>, Bartholomew-Featherstonehaugh Evelyn-Marie, Lima-Rodrigues Ana-Beatriz',
    "Zoé Bartholomew-Featherstonehaugh, Ana Lima, Bob Smith (Jr.), Carla: spy@evil.example; et les autres",
])
def test_long_names_with_commas_stay_one_mailbox_on_the_wire(name: str) -> None:
    """Python 3.11 unquotes a folded display name; the address headers must come out as one mailbox."""
    msg = reparse(invitation_message(SENDER, Recipient(name, "ana@example.com"), JOB, link=LINK, deadline=DEADLINE))
    assert [(a.display_name, a.addr_spec) for a in msg["To"].addresses] == [(name, "ana@example.com")]
    assert email.utils.getaddresses([str(msg["To"])]) == [(name, "ana@example.com")]


@pytest.mark.parametrize(("header", "value"), [("To", "ana@example.com, spy@evil.example"),
                                             ("To", "Ana, Bcc: spy@evil.example <ana@example.com>"),
                                             ("Reply-To", "spy@evil.example"), ("Bcc", "spy@evil.example")])
def test_the_read_back_check_refuses_changed_mailboxes(header: str, value: str) -> None:
    """The last line of defence: whatever the e-mail package writes, the bytes must hold exactly our mailboxes."""
    from screening.mail.compose import _check_wire

    msg = invitation_message(SENDER, Recipient("Ana", "ana@example.com"), JOB, link=LINK, deadline=DEADLINE)
    _check_wire(msg, mailbox("Ana", "ana@example.com"), SENDER)
    del msg[header]
    msg[header] = value
    with pytest.raises(MailError, match=f"{header} header"):
        _check_wire(msg, mailbox("Ana", "ana@example.com"), SENDER)


def test_email_text_drops_controls_and_bidi_and_trims() -> None:
    assert inert("  Ana\r\n\tLima\u2028\u202e\u200b  ", Medium.EMAIL) == "Ana Lima"
    assert inert(None, Medium.EMAIL) == ""
    assert inert("x" * 500, Medium.EMAIL, limit=10) == "x" * 9 + "\u2026"


# --- addresses ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("address", [
    "", "   ", "not-an-address", "ana@example.com, spy@evil.example", "ana@example.com; spy@evil.example",
    "ana@example.com\r\nBcc: spy@evil.example", "ana@example.com\nspy@evil.example", "<ana@example.com>",
    "Ana <ana@example.com>", '"a,b"@example.com', "ana@[127.0.0.1]", "ana@localhost", "ana@@example.com",
    "jöe@example.com",
])
def test_invalid_recipient_addresses_are_refused_clearly(address: str) -> None:
    with pytest.raises(InvalidAddressError) as caught:
        invitation_message(SENDER, Recipient("Ana", address), JOB, link=LINK, deadline=DEADLINE)
    assert "address" in str(caught.value).lower()
    assert isinstance(caught.value, MailError) and isinstance(caught.value, ValueError)


def test_international_domains_are_sent_in_ascii() -> None:
    assert mailbox("Zoé", "zoe@exämple.fr").addr_spec == "zoe@xn--exmple-cua.fr"


@pytest.mark.parametrize(("value", "name", "spec"), [
    ("jobs@acme.example", "", "jobs@acme.example"),
    ("Acme Recruiting <jobs@acme.example>", "Acme Recruiting", "jobs@acme.example"),
    ('"Acme, Recruiting" <jobs@acme.example>', "Acme, Recruiting", "jobs@acme.example"),
])
def test_sender_mailboxes(value: str, name: str, spec: str) -> None:
    box = parse_mailbox(value)
    assert (box.display_name, box.addr_spec) == (name, spec)


@pytest.mark.parametrize("value", ["", "a@acme.example, b@acme.example", "A <a@acme.example>, B <b@acme.example>",
                                   "Team: a@acme.example;", "jobs@acme.example\r\nBcc: x@evil.example", "nobody"])
def test_sender_settings_must_be_one_mailbox(value: str) -> None:
    with pytest.raises(InvalidAddressError):
        parse_mailbox(value)


def test_sender_from_settings() -> None:
    settings = Settings(mail_from="Acme <jobs@acme.example>", mail_reply_to="people@acme.example")
    sender = SenderIdentity.from_settings(settings)
    assert (str(sender.mail_from), sender.contact) == ("Acme <jobs@acme.example>", "people@acme.example")
    with pytest.raises(MailNotConfiguredError, match="SCREENING_MAIL_FROM"):
        SenderIdentity.from_settings(Settings(mail_from=None))


@pytest.mark.parametrize("link", ["javascript:alert(1)", "ftp://x.example/a", "/relative?invite=x",
                                  'https://x.example/"onmouseover="alert(1)', "https://x.example/a b",
                                  "https://x.example/<script>", "https://x.example/a\r\nBcc: x@evil.example"])
def test_links_must_be_plain_http_urls(link: str) -> None:
    with pytest.raises(ValueError, match="link"):
        invitation_message(SENDER, EN, JOB, link=link, deadline=DEADLINE)


# --- dates ----------------------------------------------------------------------------------------------

def test_deadline_in_the_candidates_zone_and_language() -> None:
    assert format_deadline(DEADLINE, "en", "America/New_York") == DEADLINE_TEXT["en"]
    assert format_deadline(DEADLINE, "fr-CA", "Europe/Paris") == DEADLINE_TEXT["fr"]
    assert format_deadline(DEADLINE, "fr", "Asia/Tokyo") == "samedi 15 mars 2025 à 01:00 (heure normale du Japon)"
    # A naive time is UTC (SQLite drops the zone); an unknown zone or language falls back to UTC and English.
    naive = DEADLINE.replace(tzinfo=None)
    assert format_deadline(naive, "de", "Mars/Olympus") == \
        "Friday, March 14, 2025 at 4:00\u202fPM (Coordinated Universal Time)"


# --- sending without a server ------------------------------------------------------------------------------

def test_no_host_means_no_email() -> None:
    msg = invitation_message(SENDER, EN, JOB, link=LINK, deadline=DEADLINE)
    with pytest.raises(MailNotConfiguredError, match="show the link"):
        send(msg, Settings(smtp_host=None))


def test_no_password_in_clear_to_a_remote_host() -> None:
    msg = invitation_message(SENDER, EN, JOB, link=LINK, deadline=DEADLINE)
    settings = Settings(smtp_host="smtp.example.net", smtp_tls="none", smtp_user="bot",
                        smtp_password="hunter2-very-secret")  # type: ignore[arg-type]
    with pytest.raises(MailError, match="unencrypted") as caught:
        send(msg, settings)
    assert "hunter2" not in str(caught.value)
    assert "hunter2" not in repr(settings)


# --- the reminder planner -------------------------------------------------------------------------------------

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def h(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


INVITATIONS = [
    # id 1: sent at T0, deadline T0+7 days: window [T0+120h, T0+167h]
    InvitationState(1, 101, sent_at=h(0), deadline=h(168)),
    # id 2: same, but opened: due in the same window, marked as started
    InvitationState(2, 102, sent_at=h(0), deadline=h(168), opened_at=h(3)),
    # id 3: submitted: never
    InvitationState(3, 103, sent_at=h(0), deadline=h(168), opened_at=h(3), submitted_at=h(4)),
    # id 4: already reminded: never again
    InvitationState(4, 104, sent_at=h(0), deadline=h(168), last_reminder_at=h(121)),
    # id 5: revoked (a newer link was sent): never
    InvitationState(5, 105, sent_at=h(0), deadline=h(168), revoked=True),
    # id 6: a short deadline, 30 h after sending: not before it is 24 h old (T0+24h), then until T0+29h
    InvitationState(6, 106, sent_at=h(0), deadline=h(30)),
    # id 7: naive datetimes (as SQLite returns them) read as UTC, deadline T0+6 days
    InvitationState(7, 107, sent_at=h(0).replace(tzinfo=None), deadline=h(144).replace(tzinfo=None)),
]


@pytest.mark.parametrize(("now", "expected"), [
    (h(23), []),
    (h(24), [(6, False)]),
    (h(29), [(6, False)]),
    (h(29.5), []),                                   # less than an hour left: too late
    (h(95), []),
    (h(96), [(7, False)]),                           # 48 h before T0+144h
    (h(119.99), [(7, False)]),
    (h(120), [(7, False), (1, False), (2, True)]),   # soonest deadline first, then by id
    (h(143), [(7, False), (1, False), (2, True)]),
    (h(143.5), [(1, False), (2, True)]),
    (h(167), [(1, False), (2, True)]),
    (h(167.01), []),
    (h(168), []),
    (h(500), []),
])
def test_planner_on_a_fake_clock(now: datetime, expected: list[tuple[int, bool]]) -> None:
    due = plan_reminders(INVITATIONS, now)
    assert [(d.invitation_id, d.started) for d in due] == expected
    by_id = {inv.invitation_id: inv for inv in INVITATIONS}
    for d in due:
        assert d.candidate_id == 100 + d.invitation_id
        assert d.deadline.tzinfo is not None and d.deadline == by_id[d.invitation_id].deadline.replace(tzinfo=UTC)


def test_planner_hourly_cron_sends_each_reminder_once() -> None:
    """Run every hour for ten days, recording each reminder the way the caller will: one per invitation."""
    state = {inv.invitation_id: inv for inv in INVITATIONS}
    sent: list[tuple[int, datetime]] = []
    for hour in range(0, 240):
        now = h(hour) + timedelta(minutes=17)
        for due in plan_reminders(state.values(), now):
            sent.append((due.invitation_id, now))
            old = state[due.invitation_id]
            state[due.invitation_id] = InvitationState(old.invitation_id, old.candidate_id, old.sent_at, old.deadline,
                                                       old.opened_at, old.submitted_at, now, old.revoked)
    assert sent == [(6, h(24) + timedelta(minutes=17)), (7, h(96) + timedelta(minutes=17)),
                    (1, h(120) + timedelta(minutes=17)), (2, h(120) + timedelta(minutes=17))]


def test_planner_policy_is_adjustable() -> None:
    policy = ReminderPolicy(lead=timedelta(hours=24), last_call=timedelta(0), min_age=timedelta(0))
    assert plan_reminders(INVITATIONS, h(119), policy) == []
    assert plan_reminders(INVITATIONS, h(120), policy) == [ReminderDue(7, 107, h(144), False)]
    assert plan_reminders(INVITATIONS, h(144), policy) == [ReminderDue(1, 101, h(168), False),
                                                           ReminderDue(2, 102, h(168), True)]
    assert plan_reminders(INVITATIONS, h(168), policy) == []   # at the deadline itself: closed
