"""Text at the boundary: stored as typed, except NUL, which PostgreSQL text cannot hold."""


def clean(text: str | None, limit: int = 200_000) -> str:
    return (text or "").replace("\x00", "")[:limit]
