"""A real SMTP conversation: an aiosmtpd server on 127.0.0.1 inside the test, and `screening.mail.send`."""

# French typography uses the apostrophe U+2019 on purpose.
# ruff: noqa: RUF001

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from screening.config import Settings
from screening.mail import Job, MailError, Recipient, SenderIdentity, invitation_message, reminder_message, send

SENDER = SenderIdentity.parse("Acme Recruiting <jobs@acme.example>", "people@acme.example")
JOB = Job(title="Live Chat Advisor", organisation="Acme Travel", test_minutes=40)
ANA = Recipient("Ana Lima", "ana.lima@example.com", "en", "America/New_York")
ZOE = Recipient("Zoé Martin", "zoe.martin@example.fr", "fr", "Europe/Paris")
DEADLINE = datetime(2025, 3, 14, 16, 0, tzinfo=UTC)
INVITE_LINK = "https://screening.acme.example/?invite=tok_first_123"
NEW_LINK = "https://screening.acme.example/?invite=tok_second_456"
PASSWORD = "correct-horse-battery-staple-42"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage


class Inbox:
    """The aiosmtpd handler: keeps what it is given."""

    def __init__(self) -> None:
        self.received: list[Received] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server(**kwargs: Any) -> Iterator[tuple[Inbox, int]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    yield from _server()


def _authenticator(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"bot" and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)   # handled=False: the server answers 535 itself


@pytest.fixture
def smtp_server_with_login() -> Iterator[tuple[Inbox, int]]:
    yield from _server(authenticator=_authenticator, auth_required=True, auth_require_tls=False)


# aiosmtpd warns, on every connection, that it accepts AUTH without TLS: intended here, on 127.0.0.1.
no_tls_auth_warning = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")


def settings_for(port: int, **overrides: Any) -> Settings:
    values: dict[str, Any] = {"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_tls": "none",
                              "smtp_timeout_seconds": 5.0, "mail_from": "Acme Recruiting <jobs@acme.example>",
                              "mail_reply_to": "people@acme.example"}
    values.update(overrides)
    return Settings(**values)


def body_text(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def test_invitation_and_reminder_round_trip(smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    settings = settings_for(port)
    sender = SenderIdentity.from_settings(settings)
    invitation = invitation_message(sender, ANA, JOB, link=INVITE_LINK, deadline=DEADLINE)
    reminder = reminder_message(sender, ZOE, JOB, deadline=DEADLINE, link=NEW_LINK, started=True)

    first = send(invitation, settings)
    second = send(reminder, settings)

    assert first.recipients == ("ana.lima@example.com",) and first.refused == {}
    assert second.recipients == ("zoe.martin@example.fr",) and second.refused == {}
    assert [r.mail_from for r in inbox.received] == ["jobs@acme.example", "jobs@acme.example"]
    assert [r.rcpt_tos for r in inbox.received] == [["ana.lima@example.com"], ["zoe.martin@example.fr"]]

    got_invitation, got_reminder = (r.message for r in inbox.received)
    assert got_invitation["Message-ID"] == first.message_id
    assert got_reminder["Message-ID"] == second.message_id
    assert str(got_invitation["From"]) == "Acme Recruiting <jobs@acme.example>"
    assert str(got_invitation["Reply-To"]) == "people@acme.example"
    assert str(got_invitation["To"]) == "Ana Lima <ana.lima@example.com>"
    assert str(got_reminder["To"]) == "Zoé Martin <zoe.martin@example.fr>"
    assert str(got_invitation["Subject"]) == "Your assessment for the Live Chat Advisor role"
    assert str(got_reminder["Subject"]) == \
        "Rappel\u00a0: votre évaluation pour le poste «\u00a0Live Chat Advisor\u00a0»"

    invitation_body = body_text(got_invitation)
    reminder_body = body_text(got_reminder)
    assert invitation_body.count(INVITE_LINK) == 1 and NEW_LINK not in invitation_body
    assert reminder_body.count(NEW_LINK) == 1 and INVITE_LINK not in reminder_body
    assert "Friday, March 14, 2025 at 12:00\u202fPM (Eastern Daylight Time)" in invitation_body
    assert "vendredi 14 mars 2025 à 17:00 (heure normale d’Europe centrale)" in reminder_body
    html_part = got_invitation.get_body(("html",))
    assert html_part is not None and f'href="{INVITE_LINK}"' in html_part.get_content()


def test_a_hostile_name_reaches_only_its_own_address(smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    settings = settings_for(port)
    name = ("Eve, Bcc: spy@evil.example\r\nBcc: spy2@evil.example, Bartholomew-Featherstonehaugh (Jr.) "
            "<spy3@evil.example>")
    send(invitation_message(SENDER, Recipient(name, "eve@example.com"), JOB, link=INVITE_LINK, deadline=DEADLINE),
         settings)
    [received] = inbox.received
    assert received.rcpt_tos == ["eve@example.com"]
    assert [a.addr_spec for a in received.message["To"].addresses] == ["eve@example.com"]
    assert received.message["Bcc"] is None and received.message["Cc"] is None


@no_tls_auth_warning
def test_login_when_a_user_is_set(smtp_server_with_login: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server_with_login
    message = invitation_message(SENDER, ANA, JOB, link=INVITE_LINK, deadline=DEADLINE)
    result = send(message, settings_for(port, smtp_user="bot", smtp_password=PASSWORD))
    assert result.recipients == ("ana.lima@example.com",)
    assert [r.rcpt_tos for r in inbox.received] == [["ana.lima@example.com"]]


@no_tls_auth_warning
def test_a_refused_login_is_a_clear_error_without_the_password(smtp_server_with_login: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server_with_login
    wrong = "wrong-password-do-not-print-1234"
    message = invitation_message(SENDER, ANA, JOB, link=INVITE_LINK, deadline=DEADLINE)
    with pytest.raises(MailError, match="refused the login of user 'bot'") as caught:
        send(message, settings_for(port, smtp_user="bot", smtp_password=wrong))
    assert wrong not in str(caught.value) and PASSWORD not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    # Without a login the server refuses the message itself.
    with pytest.raises(MailError, match="failed at send"):
        send(message, settings_for(port))
    assert inbox.received == []


def test_nothing_listening_is_a_clear_error() -> None:
    port = free_port()
    message = invitation_message(SENDER, ANA, JOB, link=INVITE_LINK, deadline=DEADLINE)
    with pytest.raises(MailError, match=rf"SMTP server 127\.0\.0\.1:{port} \(none\) failed at connect") as caught:
        send(message, settings_for(port, smtp_user="bot", smtp_password=PASSWORD))
    assert PASSWORD not in str(caught.value)


def test_a_silent_server_times_out() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)   # accepts the connection in the kernel, never says hello
        port = silent.getsockname()[1]
        message = invitation_message(SENDER, ANA, JOB, link=INVITE_LINK, deadline=DEADLINE)
        with pytest.raises(MailError, match=r"failed at connect: .*timed out"):
            send(message, settings_for(port, smtp_timeout_seconds=0.3))


def test_starttls_required_but_not_offered(smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    message = invitation_message(SENDER, ANA, JOB, link=INVITE_LINK, deadline=DEADLINE)
    with pytest.raises(MailError, match="does not support STARTTLS"):
        send(message, settings_for(port, smtp_tls="starttls", smtp_user="bot", smtp_password=PASSWORD))
    assert inbox.received == []   # nothing went out in clear, not even the password


def test_ssl_against_a_plain_server_fails_cleanly(smtp_server: tuple[Inbox, int]) -> None:
    inbox, port = smtp_server
    message = invitation_message(SENDER, ANA, JOB, link=INVITE_LINK, deadline=DEADLINE)
    with pytest.raises(MailError, match=r"\(ssl\) failed at connect"):
        send(message, settings_for(port, smtp_tls="ssl", smtp_timeout_seconds=2.0))
    assert inbox.received == []
