"""The structure of every e-mail, rendered as plain text and HTML from one source; the words are the
catalog's `mail.*` keys (screening/i18n/mail_strings.py), read through `t(key, lang)`.

Each template returns a subject and a list of paragraphs; a paragraph is a tuple of text pieces and
at most one `Link`. Plain text and HTML are both made from those paragraphs, so they always say the
same thing. Every value that comes from people (names, titles, organisations, addresses) goes through
`inert(value, Medium.EMAIL)` first, and the whole HTML text is escaped, so markup, line breaks or bidi tricks in a
name or a campaign title show as typed and do nothing.
"""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from urllib.parse import urlsplit

from screening.i18n import t
from screening.mail.addresses import mailbox
from screening.mail.formatting import format_day, format_deadline, format_minutes, language
from screening.text import LINE_CHARS, Medium, inert

TITLE_LIMIT = 150


class Outcome(StrEnum):
    ADVANCE = "advance"
    HOLD = "hold"
    REJECT = "reject"


@dataclass(frozen=True)
class Recipient:
    """The candidate the e-mail goes to."""

    name: str
    email: str
    language: str = "en"
    time_zone: str = "UTC"      # IANA name, e.g. "Europe/Paris"; unknown names fall back to UTC


@dataclass(frozen=True)
class Job:
    """What the candidate applied for, and who to write to about it."""

    title: str                  # the campaign's job title
    organisation: str           # who is hiring
    test_minutes: int = 30      # how long the test takes, roughly
    contact_email: str | None = None  # who answers questions about the application and the data;
                                      # None: the sender's Reply-To, else its From


@dataclass(frozen=True)
class Link:
    url: str


@dataclass(frozen=True)
class Rendered:
    language: str
    subject: str
    text: str
    html: str


Para = tuple[str | Link, ...]


def check_link(url: str) -> str:
    """An absolute http(s) URL with nothing that could break out of an attribute or a line."""
    if not isinstance(url, str):
        raise ValueError("A link must be a string.")
    parts = urlsplit(url)
    bad = any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf") or ch in "\"'<>\\`" for ch in url)
    if parts.scheme not in ("http", "https") or not parts.netloc or bad:
        raise ValueError("A link must be an absolute http(s) URL without spaces, quotes or angle brackets.")
    return url


# --- rendering ------------------------------------------------------------------------------------

def _text(paras: list[Para]) -> str:
    blocks = []
    for para in paras:
        pieces = [f"\n{p.url}\n" if isinstance(p, Link) else p for p in para]
        blocks.append("\n".join(line.strip() for line in "".join(pieces).strip().split("\n")))
    return "\n\n".join(blocks) + "\n"


def _html(paras: list[Para], lang: str, subject: str) -> str:
    body = []
    for para in paras:
        pieces = []
        for p in para:
            if isinstance(p, Link):
                url = html.escape(p.url, quote=True)
                pieces.append(f'<br><a href="{url}">{url}</a><br>')
            else:
                pieces.append(html.escape(p, quote=True).replace("\n", "<br>\n"))
        body.append(f"<p>{''.join(pieces)}</p>")
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8">'
            f"<title>{html.escape(subject, quote=True)}</title></head>\n"
            '<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em;">\n'
            + "\n".join(body) + "\n</body>\n</html>\n")


def _french_spacing(text: str) -> str:
    """A no-break space before French high punctuation and inside guillemets, so a line never starts with ":"."""
    for before, after in ((" :", "\u00a0:"), (" ;", "\u202f;"), (" ?", "\u202f?"), (" !", "\u202f!"),
                          ("« ", "«\u00a0"), (" »", "\u00a0»")):
        text = text.replace(before, after)
    return text


def render_paragraphs(lang: str, subject: str, paras: list[Para]) -> Rendered:
    if lang == "fr":
        subject = _french_spacing(subject)
        paras = [tuple(p if isinstance(p, Link) else _french_spacing(p) for p in para) for para in paras]
    return Rendered(lang, subject, _text(paras), _html(paras, lang, subject))


@dataclass(frozen=True)
class _Values:
    lang: str
    name: str
    title: str
    org: str
    contact: str

    def say(self, key: str, **values: object) -> str:
        """The catalog's `mail.<key>` in this e-mail's language, with the job's title, organisation and contact."""
        return t(f"mail.{key}", self.lang, title=self.title, org=self.org, contact=self.contact, **values)


def _values(to: Recipient, job: Job, contact: str) -> _Values:
    return _Values(language(to.language), inert(to.name, Medium.EMAIL, limit=LINE_CHARS),
                   inert(job.title, Medium.EMAIL, limit=TITLE_LIMIT),
                   inert(job.organisation, Medium.EMAIL, limit=TITLE_LIMIT),
                   mailbox("", job.contact_email).addr_spec if job.contact_email
                   else inert(contact, Medium.EMAIL, limit=254))


def _hello(v: _Values) -> Para:
    return (v.say("greeting.named", name=v.name) if v.name else v.say("greeting.nameless"),)


def _take_test(v: _Values, link: str, deadline: str, minutes: str) -> list[Para]:
    return [(v.say("link.start"), Link(link), v.say("link.yours_alone")),
            (v.say("test.how_long", minutes=minutes, deadline=deadline),)]


def _closing(v: _Values) -> list[Para]:
    return [(v.say("questions"),), (v.say("sign_off"),)]


# --- the templates ----------------------------------------------------------------------------------

def render_invitation(to: Recipient, job: Job, *, link: str, deadline: datetime, contact: str) -> Rendered:
    """The first e-mail: what the test is, the link, the deadline, how long, the data, who decides."""
    v = _values(to, job, contact)
    when = format_deadline(deadline, v.lang, to.time_zone)
    minutes = format_minutes(job.test_minutes, v.lang)
    check_link(link)
    paras = [_hello(v), (v.say("invitation.intro"),), *_take_test(v, link, when, minutes), (v.say("data_use"),),
             (v.say("person_decides"),), *_closing(v)]
    return render_paragraphs(v.lang, v.say("invitation.subject"), paras)


def render_reminder(to: Recipient, job: Job, *, deadline: datetime, contact: str, link: str | None = None,
                    invited_at: datetime | None = None, started: bool = False,
                    help_url: str | None = None) -> Rendered:
    """A reminder before the deadline, once. Invite tokens are stored hashed, so the original link cannot be
    repeated: pass `link` only if you issued a new one (which ends the old one); otherwise the e-mail points
    to the invitation of `invited_at` and to `help_url` (the "lost my link" page) if there is one."""
    v = _values(to, job, contact)
    when = format_deadline(deadline, v.lang, to.time_zone)
    status = v.say("reminder.started", deadline=when) if started else \
        v.say("reminder.not_started", deadline=when, minutes=format_minutes(job.test_minutes, v.lang))
    how: Para
    if link is not None:
        check_link(link)
        how = (v.say("reminder.new_link"), Link(link), v.say("reminder.old_links_end"))
    else:
        which = "reminder.use_invitation_of" if invited_at else "reminder.use_invitation"
        day = format_day(invited_at, v.lang, to.time_zone) if invited_at else ""
        if help_url is not None:
            check_link(help_url)
            how = (v.say(f"{which}.ask_page", day=day), Link(help_url))
        else:
            how = (v.say(f"{which}.write", day=day),)
    paras = [_hello(v), (status,), how, (v.say("reminder.decline"),), *_closing(v)]
    return render_paragraphs(v.lang, v.say("reminder.subject"), paras)


def render_resent_link(to: Recipient, job: Job, *, link: str, deadline: datetime, contact: str) -> Rendered:
    """A new link sent by a recruiter; the old one no longer works."""
    v = _values(to, job, contact)
    when = format_deadline(deadline, v.lang, to.time_zone)
    check_link(link)
    paras = [_hello(v), (v.say("resent.here"), Link(link)), (v.say("resent.kept", deadline=when),), *_closing(v)]
    return render_paragraphs(v.lang, v.say("resent.subject"), paras)


def render_lost_link(to: Recipient, job: Job, *, link: str, deadline: datetime, contact: str) -> Rendered:
    """The answer to "I lost my link": a new link, the old one ended, and what to do if it was not them."""
    v = _values(to, job, contact)
    when = format_deadline(deadline, v.lang, to.time_zone)
    check_link(link)
    paras = [_hello(v), (v.say("lost.here"), Link(link), v.say("lost.replaces")),
             (v.say("lost.until", deadline=when),), (v.say("lost.not_you"),), (v.say("sign_off"),)]
    return render_paragraphs(v.lang, v.say("lost.subject"), paras)


def render_outcome(to: Recipient, job: Job, *, outcome: Outcome | str, contact: str,
                   feedback_link: str | None = None) -> Rendered:
    """The decision a person recorded: advance, hold or reject, said plainly and with respect."""
    v = _values(to, job, contact)
    kind = Outcome(outcome)
    paras: list[Para] = [_hello(v), (v.say("outcome.thanks"),), (v.say(f"outcome.{kind.value}"),)]
    if feedback_link is not None:
        check_link(feedback_link)
        paras.append((v.say("outcome.feedback"), Link(feedback_link)))
    paras += [(v.say("outcome.by_a_person"),), (v.say("sign_off"),)]
    return render_paragraphs(v.lang, v.say("outcome.subject"), paras)
