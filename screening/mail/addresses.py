"""Mailboxes built so that no name or address can add a header or a recipient.

Display names (a candidate's name, an organisation) go through `inert(name, Medium.EMAIL)`
(screening/text.py): control and format characters (CR, LF, NUL, bidi overrides, zero-width characters)
are dropped or turned into spaces, whitespace is collapsed and the result is trimmed, so a name is always
one inert line. The `email.headerregistry.Address` object then quotes and encodes it; commas and angle
brackets in a name stay inside the quoted display name.

Addresses are validated with email-validator (syntax only, no DNS lookup): exactly one
`local@domain`, no quoted local parts, no comments, no lists. Anything else raises `InvalidAddressError`.
"""

from __future__ import annotations

import unicodedata
from email.headerregistry import Address
from email.policy import default as default_policy

from email_validator import EmailNotValidError, validate_email

from screening.mail.errors import InvalidAddressError
from screening.text import LINE_CHARS, Medium, inert

# An address is refused, not cleaned, when it holds a control character (CR, LF, NUL, ESC...) or a
# Unicode line or paragraph separator.
_SPACE_LIKE = frozenset({"Cc", "Zl", "Zp"})


def _addr_spec(email: str) -> tuple[str, str]:
    if not isinstance(email, str) or not email.strip():
        raise InvalidAddressError("An e-mail address is required.")
    if any(unicodedata.category(ch) in _SPACE_LIKE for ch in email) or "," in email or ";" in email:
        raise InvalidAddressError(f"Not a single e-mail address: {inert(email, Medium.EMAIL, limit=80)!r}.")
    try:
        result = validate_email(email.strip(), check_deliverability=False, allow_smtputf8=False,
                                allow_quoted_local=False, allow_domain_literal=False, allow_display_name=False)
    except EmailNotValidError as exc:
        shown = inert(email, Medium.EMAIL, limit=80)
        raise InvalidAddressError(f"Not a valid e-mail address: {shown!r} ({exc}).") from None
    local, _, domain = result.ascii_email.rpartition("@")  # type: ignore[union-attr]
    return local, domain


def mailbox(name: object, email: str) -> Address:
    """The To/From mailbox for a person: their name made one inert line, their address validated."""
    local, domain = _addr_spec(email)
    return Address(display_name=inert(name, Medium.EMAIL, limit=LINE_CHARS), username=local, domain=domain)


def parse_mailbox(value: str) -> Address:
    """One mailbox from a setting such as `Acme Recruiting <jobs@acme.example>` or `jobs@acme.example`."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidAddressError("An e-mail address is required.")
    if any(unicodedata.category(ch) in _SPACE_LIKE for ch in value):
        raise InvalidAddressError(f"Not a single e-mail address: {inert(value, Medium.EMAIL, limit=80)!r}.")
    header = default_policy.header_factory("To", value.strip())
    addresses = header.addresses
    if len(addresses) != 1 or header.defects or len(header.groups) != 1 or header.groups[0].display_name:
        raise InvalidAddressError(f"Not a single e-mail address: {inert(value, Medium.EMAIL, limit=80)!r}.")
    return mailbox(addresses[0].display_name, addresses[0].addr_spec)
