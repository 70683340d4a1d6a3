"""Settings of the supervisor dashboard, read from the environment (prefix ``EMOBOT_DASHBOARD_``).

Example: ``EMOBOT_DASHBOARD_SESSION_SECRET=... EMOBOT_DASHBOARD_COOKIE_SECURE=true``.
The database is the mood log's (``EMOBOT_DATABASE_URL``) unless ``EMOBOT_DASHBOARD_DATABASE_URL`` is set.
"""
from __future__ import annotations

import secrets
from functools import lru_cache

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from emotion.compliance import PROFILES, ComplianceProfile
from emotion.dashboard.last_line import AT_RISK_FROM
from emotion.placeholders import refuse_placeholder
from emotion.settings import FORWARDED_ALLOW_IPS_HELP, trusted_proxies


class DashboardSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EMOBOT_DASHBOARD_", env_file=None, extra="ignore")

    database_url: str | None = Field(default=None, description="defaults to the mood log's EMOBOT_DATABASE_URL")
    host: str = "127.0.0.1"
    port: int = 8600
    # The sign-in throttle counts per caller address: behind a reverse proxy name it here
    # (EMOBOT_DASHBOARD_FORWARDED_ALLOW_IPS=10.0.0.5) so its X-Forwarded-For names the caller. Nobody's
    # by default, else a guesser that sends its own X-Forwarded-For escapes the per-address limit.
    forwarded_allow_ips: str = Field(default="", description=FORWARDED_ALLOW_IPS_HELP)
    # A random secret per process signs every cookie out on restart; set one to keep sessions.
    session_secret: str = Field(default_factory=lambda: secrets.token_urlsafe(32), min_length=16)
    cookie_secure: bool = Field(default=True, description="send the session cookie over HTTPS only")
    session_max_age_s: int = Field(default=8 * 3600, ge=60)
    # Sign-in throttling (emotion/dashboard/security.py): failures per (address, account) and
    # per address within lockout_duration_s; a backstop lock of the account after
    # account_lockout_threshold failures in a row from anywhere.
    lockout_threshold: int = Field(default=5, ge=1, description="failed sign-ins per (address, account) before it waits")
    address_threshold: int = Field(default=20, ge=1, description="failed sign-ins per address before it waits")
    account_lockout_threshold: int = Field(default=50, ge=1, description="failures in a row, any address, that lock the account")
    lockout_duration_s: int = Field(default=15 * 60, ge=1)
    max_concurrent_hashes: int = Field(default=2, ge=1, description="argon2 verifications at once (64 MiB each)")
    hash_wait_s: float = Field(default=10.0, gt=0, description="a sign-in waiting longer for a slot gets 503")
    retention_days: int = Field(default=180, ge=0, description="conversations idle longer are purged; 0 = keep")
    retention_interval_s: float = Field(default=3600.0, gt=0, description="how often the purge runs")
    # The deployment's profile (EMOBOT_COMPLIANCE_PROFILE, shared with the emotion service) unless set here.
    compliance_profile: str = Field(default_factory=lambda: _service_settings().compliance_profile,
                                    pattern="^(" + "|".join(PROFILES) + ")$")
    page_size: int = Field(default=50, ge=1, le=500)
    rasa_url: str | None = Field(default=None, description="Rasa server that receives human replies")
    rasa_token: str | None = Field(default=None, description="Rasa's --auth-token")
    rasa_urls: dict[str, str] = Field(default_factory=dict,
                                      description='per bot, e.g. {"support": "http://rasa-support:5005"}; else rasa_url')
    bots: list[str] = Field(default_factory=list,
                            description="the deployment's bots, offered when an admin creates a supervisor (with "
                                        "rasa_urls' bots and the mood log's; emotion/dashboard/known_bots.py)")
    # Erasure beyond the mood log (emotion/dashboard/erasure.py): each bot's SQL tracker store
    # (else Rasa's API empties the conversation) and the channels' outboxes.
    tracker_stores: dict[str, str] = Field(default_factory=dict,
                                           description='per bot, an SQLAlchemy URL of Rasa\'s SQL tracker store')
    outboxes: list[dict] = Field(default_factory=list, description='the channels\' outboxes, e.g. '
                                 '[{"backend": "redis", "redis_url": "redis://redis:6379/2"}]')
    handoff_realert_after_s: float = Field(default=120.0, gt=0, description="an unclaimed handoff is re-alerted after this")
    handoff_watch_interval_s: float = Field(default=10.0, gt=0)
    live_interval_s: float = Field(default=0.5, gt=0, description="how often the live pages' watcher reads the "
                                                                  "database (one read per process, not per page)")
    handoff_at_risk_from: float = Field(default=AT_RISK_FROM, ge=0, le=1,
                                        description="a line's own crisis risk from which resolving over it needs "
                                                    "'Resolve anyway' (the detector's possible threshold)")
    handoff_webhook_url: str | None = Field(default=None, description="re-alerts go here (default: the service's)")

    _trusted_proxies = field_validator("forwarded_allow_ips")(trusted_proxies)

    @field_validator("session_secret")
    @classmethod
    def _no_placeholder(cls, secret: str) -> str:
        return refuse_placeholder(secret, "EMOBOT_DASHBOARD_SESSION_SECRET") or secret

    @property
    def configured_bots(self) -> list[str]:
        """The bots this deployment names: ``bots`` and those ``rasa_urls`` has a server for."""
        return [*self.bots, *self.rasa_urls]

    def rasa_for(self, bot: str | None) -> tuple[str | None, str | None]:
        """The Rasa server of ``bot`` and its token."""
        return self.rasa_urls.get(bot or "", self.rasa_url), self.rasa_token

    @property
    def profile(self) -> ComplianceProfile:
        return PROFILES[self.compliance_profile]

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return _service_settings().database_url


def _service_settings():
    from emotion.settings import get_settings

    return get_settings()


@lru_cache(maxsize=1)
def get_dashboard_settings() -> DashboardSettings:
    return DashboardSettings()
