"""Errors of the e-mail layer. Their messages never carry the SMTP password."""

from __future__ import annotations


class MailError(Exception):
    """An e-mail could not be built or sent; the message says why, in words a staff member can act on."""


class InvalidAddressError(MailError, ValueError):
    """An e-mail address (or mailbox such as "Name <a@b.example>") that is not exactly one valid address."""


class MailNotConfiguredError(MailError):
    """No SMTP host, or no sender address: the app shows links to copy instead of sending."""
