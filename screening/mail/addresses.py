"""Mailboxes built so that no name or address can add a header or a recipient.

Display names (a candidate's name, an organisation) go through `one_line()`: control and format
characters (CR, LF, NUL, bidi overrides, zero-width characters) are dropped or turned into spaces,
whitespace is collapsed and the result is trimmed, so a name is always one inert line. The
`email.headerregistry.Address` object then quotes and encodes it; commas and angle brackets in a
name stay inside the quoted display name.

Addresses are validated with email-validator (syntax only, no DNS lookup): exactly one
`local@domain`, no quoted local parts, no comments, no lists. Anything else raises `InvalidAddressError`.
"""

from __future__ import annotations

import re
import unicodedata
from email.headerregistry import Address
from email.policy import default as default_policy

from email_validator import EmailNotValidError, validate_email

from screening.mail.errors import InvalidAddressError

# Cc: control characters (CR, LF, NUL, ESC...); Cf: invisible format characters (zero-width, bidi
# overrides); Cs: lone surrogates; Zl/Zp: the Unicode line and paragraph separators.
_SPACE_LIKE = frozenset({"Cc", "Zl", "Zp"})
_DROP = frozenset({"Cf", "Cs"})
_SPACES = re.compile(r"\s+")
NAME_LIMIT = 120


def one_line(text: object, *, limit: int = NAME_LIMIT) -> str:
    """Any value as one printable line: no line breaks or control characters, spaces collapsed, trimmed."""
    s = "" if text is None else str(text)
    s = s[: 4 * limit + 64]
    out = []
    for ch in s:
        cat = unicodedata.category(ch)
        if cat in _SPACE_LIKE:
            out.append(" ")
        elif cat not in _DROP:
            out.append(ch)
    s = _SPACES.sub(" ", unicodedata.normalize("NFC", "".join(out))).strip()
    if len(s) > limit:
        s = s[: limit - 1].rstrip() + "\u2026"
    return s


def _addr_spec(email: str) -> tuple[str, str]:
    if not isinstance(email, str) or not email.strip():
        raise InvalidAddressError("An e-mail address is required.")
    if any(unicodedata.category(ch) in _SPACE_LIKE for ch in email) or "," in email or ";" in email:
        raise InvalidAddressError(f"Not a single e-mail address: {one_line(email, limit=80)!r}.")
    try:
        result = validate_email(email.strip(), check_deliverability=False, allow_smtputf8=False,
                                allow_quoted_local=False, allow_domain_literal=False, allow_display_name=False)
    except EmailNotValidError as exc:
        raise InvalidAddressError(f"Not a valid e-mail address: {one_line(email, limit=80)!r} ({exc}).") from None
    local, _, domain = result.ascii_email.rpartition("@")  # type: ignore[union-attr]
    return local, domain


def mailbox(name: object, email: str) -> Address:
    """The To/From mailbox for a person: their name made one inert line, their address validated."""
    local, domain = _addr_spec(email)
    return Address(display_name=one_line(name), username=local, domain=domain)


def parse_mailbox(value: str) -> Address:
    """One mailbox from a setting such as `Acme Recruiting <jobs@acme.example>` or `jobs@acme.example`."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidAddressError("An e-mail address is required.")
    if any(unicodedata.category(ch) in _SPACE_LIKE for ch in value):
        raise InvalidAddressError(f"Not a single e-mail address: {one_line(value, limit=80)!r}.")
    header = default_policy.header_factory("To", value.strip())
    addresses = header.addresses
    if len(addresses) != 1 or header.defects or len(header.groups) != 1 or header.groups[0].display_name:
        raise InvalidAddressError(f"Not a single e-mail address: {one_line(value, limit=80)!r}.")
    return mailbox(addresses[0].display_name, addresses[0].addr_spec)
