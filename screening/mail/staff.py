"""The e-mail that invites a staff member to set their password through a one-time link.

Its words live in the one catalog (`mail.staff_invite.*` keys of `screening.i18n`), in the invitee's
language; names and the organisation go through `screening.text.inert` and the HTML is escaped, as for every e-mail.
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage

from screening.i18n import t
from screening.mail.compose import SenderIdentity, build_message
from screening.mail.formatting import format_deadline, language
from screening.mail.templates import TITLE_LIMIT, Link, Para, Recipient, Rendered, check_link, render_paragraphs
from screening.text import LINE_CHARS, Medium, inert


def render_staff_invitation(to: Recipient, *, organisation: str, role: str, link: str,
                            expires: datetime) -> Rendered:
    """Who invites them and as what, the link, when it stops working, and that it works once."""
    lang = language(to.language)
    check_link(link)
    org = inert(organisation, Medium.EMAIL, limit=TITLE_LIMIT)
    name = inert(to.name, Medium.EMAIL, limit=LINE_CHARS)

    def say(key: str, **values: object) -> str:
        return t(f"mail.staff_invite.{key}", lang, **values)

    paras: list[Para] = [
        (say("hello", name=name) if name else say("hello_nameless"),),
        (say("intro", org=org, role=t(f"role.{role}", lang)),),
        (say("link"), Link(link), say("once", expires=format_deadline(expires, lang, to.time_zone))),
        (say("not_you"),),
        (say("sign", org=org),),
    ]
    return render_paragraphs(lang, say("subject", org=org), paras)


def staff_invitation_message(sender: SenderIdentity, to: Recipient, *, role: str, link: str, expires: datetime,
                             sent_at: datetime | None = None) -> EmailMessage:
    organisation = sender.mail_from.display_name or sender.mail_from.domain
    rendered = render_staff_invitation(to, organisation=organisation, role=role, link=link, expires=expires)
    return build_message(sender, to, rendered, sent_at=sent_at)
