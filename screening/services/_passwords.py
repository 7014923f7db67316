"""Password hashes: one argon2 hasher for every service that sets or checks a staff password."""

from __future__ import annotations

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

# argon2id at RFC 9106's second recommended cost (3 passes over 64 MiB): ~0.1 s a hash on one core
PRODUCT_HASHER = PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY)
hasher = PRODUCT_HASHER
# Verified against when the e-mail is unknown, so a wrong e-mail and a wrong password take the same time.
DUMMY_HASH = hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return hasher.hash(password)


def matches(stored: str, password: str) -> bool:
    """Whether `password` is the one `stored` was made from (a malformed hash never matches)."""
    try:
        return bool(hasher.verify(stored, password))
    except (VerificationError, InvalidHashError):
        return False
