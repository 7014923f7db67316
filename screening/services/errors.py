"""Domain errors the pages turn into plain messages (message keys live in screening.i18n)."""


class ServiceError(Exception):
    """A refusal with a message key the UI translates; never carries personal data."""

    key = "error.generic"

    @property
    def details(self) -> tuple[str, ...]:
        """Lines the page shows as typed under the message (a rejected bank file's problems); none by default."""
        return ()

    def __init__(self, key: str | None = None):
        self.key = key or self.key
        super().__init__(self.key)


class PermissionDenied(ServiceError):  # noqa: N818  (a refusal named for what happened)
    key = "error.forbidden"


class NotFound(ServiceError):  # noqa: N818  (a refusal named for what happened)
    key = "error.not_found"


class InvalidInvite(ServiceError):  # noqa: N818  (a refusal named for what happened)
    """Expired, unknown, revoked or already used: one message for all, so a guess learns nothing."""

    key = "error.invite_invalid"


class InvalidInput(ServiceError):  # noqa: N818  (a refusal named for what happened)
    key = "error.invalid_input"
