"""Who is acting: a staff member, a candidate holding an invite link, the command line, or nobody."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    RECRUITER = "recruiter"
    LEAD = "lead"
    ADMIN = "admin"


ROLES: tuple[str, ...] = tuple(r.value for r in Role)


@dataclass(frozen=True)
class Staff:
    """A signed-in staff member, as the shell resolved them from the session cookie on this rerun."""

    user_id: int
    role: str
    name: str = ""
    language: str = "en"  # the language they last chose for the pages

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


@dataclass(frozen=True)
class CandidateActor:
    """Someone holding an invite link. The token is a credential, checked by the service on every call."""

    token: str

    def __repr__(self) -> str:  # never print the credential
        return "CandidateActor(<token>)"


@dataclass(frozen=True)
class SystemActor:
    """The command line and scheduled jobs, named in the audit log as what they are."""

    name: str = "cli"


# None stands for an anonymous visitor.
Actor = Staff | CandidateActor | SystemActor | None
