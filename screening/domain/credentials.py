"""Rules for staff credentials: e-mail addresses and passwords."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from email_validator import EmailNotValidError, validate_email

MIN_PASSWORD_LENGTH = 12
_COMMON = Path(__file__).with_name("common_passwords.txt")


class CredentialError(ValueError):
    """Carries a message key for the catalog."""

    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


@cache
def common_passwords() -> frozenset[str]:
    lines = _COMMON.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise CredentialError("error.password_short")
    if password.lower() in common_passwords():
        raise CredentialError("error.password_common")


def normalise_email(email: str) -> str:
    """A valid address, lower-cased; no network lookup (deliverability is the mail server's business)."""
    try:
        result = validate_email(email.strip(), check_deliverability=False)
    except EmailNotValidError:
        raise CredentialError("error.email_invalid") from None
    return result.normalized.lower()
