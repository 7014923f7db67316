"""Sending over SMTP with the settings: STARTTLS, implicit TLS or plain, login when a user is set."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage

from screening.config import Settings, get_settings
from screening.mail.errors import MailError, MailNotConfiguredError

DEFAULT_PORTS = {"ssl": 465, "starttls": 587, "none": 25}
_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})


@dataclass(frozen=True)
class SendResult:
    message_id: str
    recipients: tuple[str, ...]            # accepted by the server
    refused: dict[str, tuple[int, str]] = field(default_factory=dict)  # address -> (code, server's reply)


def mail_enabled(settings: Settings | None = None) -> bool:
    """False when no SMTP host is set: the app then shows links to copy instead of sending."""
    s = settings or get_settings()
    return bool(s.smtp_host and s.smtp_host.strip())


def smtp_port(settings: Settings) -> int:
    return settings.smtp_port or DEFAULT_PORTS[settings.smtp_tls]


def _scrub(text: str, secret: str | None) -> str:
    return text.replace(secret, "***") if secret else text


def _reply(exc: smtplib.SMTPResponseException) -> str:
    message = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return f"{exc.smtp_code} {message}".strip()


def send(message: EmailMessage, settings: Settings | None = None) -> SendResult:
    """Send one built message; raises MailNotConfiguredError without a host, MailError on any failure.

    The password is never part of an error message, and errors are raised without their cause chained,
    so a traceback shows what failed (connect, TLS, login, recipients) and nothing more.
    """
    s = settings or get_settings()
    if not mail_enabled(s):
        raise MailNotConfiguredError("E-mail is off (SCREENING_SMTP_HOST is not set): show the link to copy instead.")
    host = (s.smtp_host or "").strip()
    port = smtp_port(s)
    user = s.smtp_user or None
    password = s.smtp_password.get_secret_value() if s.smtp_password else None
    where = f"SMTP server {host}:{port} ({s.smtp_tls})"
    if user and s.smtp_tls == "none" and host.lower() not in _LOOPBACK:
        raise MailError(f"Refusing to send the SMTP password unencrypted to {where}: set SCREENING_SMTP_TLS to "
                        "'starttls' or 'ssl'.")
    recipients = tuple(a.addr_spec for h in ("To", "Cc", "Bcc") for a in (message[h].addresses if message[h] else ()))
    if not recipients:
        raise MailError("The message has no recipient.")
    stage = "connect"
    try:
        context = ssl.create_default_context()
        client: smtplib.SMTP
        if s.smtp_tls == "ssl":
            client = smtplib.SMTP_SSL(host, port, timeout=s.smtp_timeout_seconds, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=s.smtp_timeout_seconds)
        with client:
            if s.smtp_tls == "starttls":
                stage = "STARTTLS"
                client.starttls(context=context)
            if user:
                stage = "login"
                client.login(user, password or "")
            stage = "send"
            refused = client.send_message(message)
    except smtplib.SMTPAuthenticationError as exc:
        raise MailError(_scrub(f"{where} refused the login of user {user!r}: {_reply(exc)}", password)) from None
    except smtplib.SMTPRecipientsRefused as exc:
        detail = "; ".join(f"{addr}: {code}" for addr, (code, _) in exc.recipients.items())
        raise MailError(f"{where} refused every recipient ({detail}).") from None
    except smtplib.SMTPNotSupportedError as exc:
        raise MailError(f"{where} does not support {stage}: {exc}. Check SCREENING_SMTP_TLS.") from None
    except smtplib.SMTPResponseException as exc:
        raise MailError(_scrub(f"{where} failed at {stage}: {_reply(exc)}", password)) from None
    except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
        reason = _scrub(str(exc) or type(exc).__name__, password)
        raise MailError(f"{where} failed at {stage}: {type(exc).__name__}: {reason}") from None
    refused_text = {addr: (code, reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply))
                    for addr, (code, reply) in refused.items()}
    accepted = tuple(r for r in recipients if r not in refused_text)
    return SendResult(str(message["Message-ID"] or ""), accepted, refused_text)
