"""One settings object, read from the environment and `.streamlit/secrets.toml`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from screening import REPO_DIR
from screening.web.paths import SET_PASSWORD_PATH

SECRETS_FILE = REPO_DIR / ".streamlit" / "secrets.toml"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SCREENING_", extra="ignore", toml_file=SECRETS_FILE)

    database_url: str = Field(
        default=f"sqlite:///{REPO_DIR / 'var' / 'screening.db'}",
        validation_alias=AliasChoices("DATABASE_URL", "SCREENING_DATABASE_URL", "database_url"),
    )
    public_base_url: str = "http://localhost:8501"
    invite_ttl_days: int = 14
    staff_invite_ttl_hours: int = 72        # a staff member's one-time link to set their password
    staff_session_hours: int = 12           # a staff session's absolute end
    staff_session_idle_minutes: int = 30    # ... and its end after this long unused
    # "production" refuses to start with demo accounts or shipped secrets (see screening/web/safety.py)
    env: str = "development"
    # How many proxies in front of the app add themselves to X-Forwarded-For; 0 reads the socket's address.
    trusted_proxy_hops: int = 0
    banks_dir: Path = REPO_DIR / "question_banks"
    private_banks_dir: Path | None = None
    sqlite_busy_timeout_ms: int = 15_000
    # Audit events younger than this cannot be deleted (database triggers, see screening/store/audit_guard.py).
    # Six months at least: a lower value is refused at start-up, never silently raised.
    audit_retention_days: int = Field(default=183, ge=183, le=36_500)
    # Sign-in through the organisation's identity provider (st.login, OIDC). Streamlit reads the
    # provider from the [auth] section of .streamlit/secrets.toml; the role still comes from our staff table.
    sso_enabled: bool = False
    # E-mail to candidates (screening/mail). No host: nothing is sent and the app shows invite links to copy.
    smtp_host: str | None = None
    smtp_port: int | None = None            # None: 587 for starttls, 465 for ssl, 25 for none
    smtp_user: str | None = None            # set: log in (never over "none" except to a loopback host)
    smtp_password: SecretStr | None = None
    smtp_tls: Literal["starttls", "ssl", "none"] = "starttls"
    smtp_timeout_seconds: float = 15.0
    mail_from: str | None = None            # e.g. "Acme Recruiting <jobs@acme.example>"
    mail_reply_to: str | None = None        # where candidates' replies go; also the contact named in e-mails
    # The privacy notice candidates read before consenting: who holds their data, whom to ask, for how long.
    organisation_name: str = "the recruiting organisation"
    contact_email: str | None = None        # None: mail_reply_to, else the recruiter who sent the link
    retention_days: int = 365               # candidates' personal data is erased this long after they were added

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource,
                                   dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource,
                                   ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))

    @property
    def bank_roots(self) -> list[Path]:
        roots = [self.banks_dir]
        if self.private_banks_dir:
            roots.append(self.private_banks_dir)
        return roots

    def invite_url(self, token: str) -> str:
        return f"{self.public_base_url.rstrip('/')}/?invite={token}"

    def set_password_url(self, token: str) -> str:
        return f"{self.public_base_url.rstrip('/')}{SET_PASSWORD_PATH}?token={token}"


@cache
def get_settings() -> Settings:
    return Settings()
