"""Pure builders: each returns an `email.message.EmailMessage` ready for `send()`, and sends nothing.

Headers are made only from `Address` objects and one-line text, so no value can add a header or a
recipient; the body is a plain-text part with an HTML alternative saying the same thing.

Address headers are never folded. Python 3.11's e-mail package loses the quotes around a display name
when it folds a long address header, so a long name such as `Ana, Bcc: spy@evil.example ...` came out
as several mailboxes on the wire (reply-all would reach them). `_MailPolicy` writes To, From and
Reply-To on one line (names are at most 120 characters, far below the 998 limit), and every built
message is read back from its bytes to check it holds exactly the intended mailboxes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.policy import EmailPolicy
from email.policy import default as default_policy
from email.utils import format_datetime, make_msgid

from screening.config import Settings
from screening.mail.addresses import mailbox, parse_mailbox
from screening.mail.errors import MailError, MailNotConfiguredError
from screening.mail.formatting import as_utc
from screening.mail.templates import (
    Job,
    Outcome,
    Recipient,
    Rendered,
    render_invitation,
    render_lost_link,
    render_outcome,
    render_reminder,
    render_resent_link,
)

_ADDRESS_HEADERS = frozenset({"to", "from", "reply-to", "cc", "bcc", "sender"})
_UNFOLDED = default_policy.clone(max_line_length=998)


class _MailPolicy(EmailPolicy):
    """The default policy, except that address headers are written on one line (see the module docstring)."""

    def fold(self, name: str, value: str) -> str:
        return str(_UNFOLDED.fold(name, value) if name.lower() in _ADDRESS_HEADERS else super().fold(name, value))

    def fold_binary(self, name: str, value: str) -> bytes:
        return (_UNFOLDED.fold_binary(name, value) if name.lower() in _ADDRESS_HEADERS
                else super().fold_binary(name, value))


MAIL_POLICY = _MailPolicy()


@dataclass(frozen=True)
class SenderIdentity:
    """Who the e-mails come from (From) and where replies go (Reply-To)."""

    mail_from: Address
    reply_to: Address | None = None

    @classmethod
    def parse(cls, mail_from: str, reply_to: str | None = None) -> SenderIdentity:
        """From strings such as "Acme Recruiting <jobs@acme.example>"; raises InvalidAddressError."""
        return cls(parse_mailbox(mail_from), parse_mailbox(reply_to) if reply_to else None)

    @classmethod
    def from_settings(cls, settings: Settings) -> SenderIdentity:
        if not settings.mail_from:
            raise MailNotConfiguredError("No sender address: set SCREENING_MAIL_FROM, e.g. "
                                    "'Acme Recruiting <jobs@acme.example>'.")
        return cls.parse(settings.mail_from, settings.mail_reply_to or None)

    @property
    def contact(self) -> str:
        """The address candidates are told to write to when the job names none."""
        return (self.reply_to or self.mail_from).addr_spec


def build_message(sender: SenderIdentity, to: Recipient, rendered: Rendered, *,
                  sent_at: datetime | None = None) -> EmailMessage:
    """The message for one recipient; raises InvalidAddressError if their address is not exactly one valid address."""
    recipient = mailbox(to.name, to.email)
    msg = EmailMessage(policy=MAIL_POLICY)
    msg["Subject"] = rendered.subject
    msg["From"] = sender.mail_from
    msg["To"] = recipient
    if sender.reply_to is not None:
        msg["Reply-To"] = sender.reply_to
    msg["Date"] = format_datetime(as_utc(sent_at or datetime.now(UTC)))
    # The sender's domain, not this machine's name (make_msgid's default would look the host up and show it).
    msg["Message-ID"] = make_msgid(domain=sender.mail_from.domain)
    msg["Auto-Submitted"] = "auto-generated"   # RFC 3834: out-of-office robots should not answer
    msg.set_content(rendered.text, subtype="plain", charset="utf-8")
    msg.add_alternative(rendered.html, subtype="html", charset="utf-8")
    msg["Content-Language"] = rendered.language  # after the parts: set_content drops Content-* headers
    _check_wire(msg, recipient, sender)
    return msg


def _check_wire(msg: EmailMessage, recipient: Address, sender: SenderIdentity) -> None:
    """Read the headers back as a mail server will, and refuse a message whose mailboxes are not ours."""
    head = BytesHeaderParser(policy=default_policy).parsebytes(msg.as_bytes())
    expected = {"To": [recipient], "From": [sender.mail_from],
                "Reply-To": [sender.reply_to] if sender.reply_to is not None else []}
    for name, boxes in expected.items():
        try:
            values = head.get_all(name) or []
            found = [a.addr_spec for v in values for a in v.addresses]
        except Exception:
            found, values = [], []
        if found != [b.addr_spec for b in boxes] or len(values) > 1:
            raise MailError(f"Refusing to build an e-mail whose {name} header would not be exactly "
                            f"{', '.join(b.addr_spec for b in boxes) or 'absent'}.")
    for name in ("Cc", "Bcc", "Sender"):
        if head.get(name) is not None:
            raise MailError(f"Refusing to build an e-mail with an unexpected {name} header.")


def invitation_message(sender: SenderIdentity, to: Recipient, job: Job, *, link: str, deadline: datetime,
                       sent_at: datetime | None = None) -> EmailMessage:
    rendered = render_invitation(to, job, link=link, deadline=deadline, contact=sender.contact)
    return build_message(sender, to, rendered, sent_at=sent_at)


def reminder_message(sender: SenderIdentity, to: Recipient, job: Job, *, deadline: datetime,
                     link: str | None = None, invited_at: datetime | None = None, started: bool = False,
                     help_url: str | None = None, sent_at: datetime | None = None) -> EmailMessage:
    rendered = render_reminder(to, job, deadline=deadline, contact=sender.contact, link=link,
                               invited_at=invited_at, started=started, help_url=help_url)
    return build_message(sender, to, rendered, sent_at=sent_at)


def resent_link_message(sender: SenderIdentity, to: Recipient, job: Job, *, link: str, deadline: datetime,
                        sent_at: datetime | None = None) -> EmailMessage:
    rendered = render_resent_link(to, job, link=link, deadline=deadline, contact=sender.contact)
    return build_message(sender, to, rendered, sent_at=sent_at)


def lost_link_message(sender: SenderIdentity, to: Recipient, job: Job, *, link: str, deadline: datetime,
                      sent_at: datetime | None = None) -> EmailMessage:
    rendered = render_lost_link(to, job, link=link, deadline=deadline, contact=sender.contact)
    return build_message(sender, to, rendered, sent_at=sent_at)


def outcome_message(sender: SenderIdentity, to: Recipient, job: Job, *, outcome: Outcome | str,
                    feedback_link: str | None = None, sent_at: datetime | None = None) -> EmailMessage:
    rendered = render_outcome(to, job, outcome=outcome, contact=sender.contact, feedback_link=feedback_link)
    return build_message(sender, to, rendered, sent_at=sent_at)
