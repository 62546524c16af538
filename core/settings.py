"""The one settings object: environment variables prefixed ``QA_``, validated at start-up.

``load_settings(**overrides)`` is the entry point; a bad value raises ``ConfigError`` naming the
environment key and the value, e.g. ``QA_PORT='abc' is not valid: ...``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from core.errors import ConfigError

ENV_PREFIX = "QA_"
REPO_ROOT = Path(__file__).resolve().parent.parent
DEMO_CORPUS = REPO_ROOT / "corpus" / "demo"
DEFAULT_MODEL = "all-MiniLM-L6-v2"


MIN_STAFF_TOKEN = 16
DATABASE_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://", "sqlite:///")
SECRETS = frozenset({"staff_token", "log_key", "database_url"})
"""Settings whose values an error never repeats."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore", frozen=True)

    corpus: Path = Field(DEMO_CORPUS, description="Folder of source documents (searched recursively).")
    data_dir: Path = Field(REPO_ROOT / "var", description="Where indexes and the feedback database live.")
    database_url: str | None = Field(
        None,
        description="Feedback and staff sign-ins: postgresql://user:pass@host:port/db for a PostgreSQL "
        "server shared by replicas; unset: the SQLite file feedback.sqlite3 in the data folder.",
    )
    index_dir: Path | None = Field(None, description="Index folder; default: derived from the corpus path.")
    model: str = Field(DEFAULT_MODEL, description="Embedding model name.")
    chunk_tokens: int = Field(180, ge=32, le=200, description="Chunk size in cl100k tokens.")
    batch_size: int = Field(64, ge=1, le=1024)
    top_k: int = Field(5, ge=1, le=50, description="Passages returned with each answer.")
    max_sentences: int = Field(
        6, ge=1, le=10, description="Most quoted units (a sentence, or a list with its lead-in) in an answer."
    )
    max_question_chars: int = Field(2000, ge=10, le=20000)
    feedback_retention_days: int = Field(
        365, ge=1, le=3650, description="Feedback older than this is deleted (at start-up and daily)."
    )
    rate_limit: str = Field(
        "30/minute;300/hour",
        description="Per-client limit on questions, feedback and staff sign-in (limits syntax), or off.",
    )
    max_body_bytes: int = Field(
        65536, ge=1024, le=16 * 1024 * 1024, description="Largest request body accepted (413 above it)."
    )
    workers: int = Field(
        0, ge=0, le=64, description="Server processes for `serve` (0: one per core); they share the index."
    )
    index_check_seconds: float = Field(
        2.0, ge=0, le=3600,
        description="How often a running server checks for a new index version to swap to (0: never).",
    )  # fmt: skip
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    log_questions: bool = Field(False, description="Write raw question text to logs (local debugging only).")
    log_key: str | None = Field(
        None, description="Secret key of the logged question hashes (default: a random key per process)."
    )
    staff_token: str | None = Field(
        None, description="When set, /staff pages need it (a Bearer header, or the sign-in form's cookie)."
    )
    review_max_age_days: int = Field(
        1095, ge=1, le=36500, description="Staff view flags documents last reviewed longer ago than this."
    )

    @field_validator("rate_limit")
    @classmethod
    def _rate(cls, value: str) -> str:
        if value.strip().lower() == "off":
            return "off"
        from limits import parse_many

        try:
            parse_many(value)
        except ValueError:
            raise ValueError("must be 'off' or limits such as '30/minute;300/hour'") from None
        return value

    @field_validator("database_url")
    @classmethod
    def _database(cls, value: str | None) -> str | None:
        value = (value or "").strip() or None
        if value is not None and not value.startswith(DATABASE_SCHEMES):
            raise ValueError("must start with postgresql:// (a PostgreSQL server) or sqlite:/// (a file)")
        return value

    @field_validator("staff_token")
    @classmethod
    def _long_token(cls, value: str | None) -> str | None:
        if value is not None and len(value.strip()) < MIN_STAFF_TOKEN:
            raise ValueError(f"must be at least {MIN_STAFF_TOKEN} characters (try: openssl rand -hex 24)")
        return value

    @field_validator("model")
    @classmethod
    def _known_model(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value

    def resolved_index_dir(self) -> Path:
        if self.index_dir is not None:
            return self.index_dir
        corpus = self.corpus.resolve()
        digest = hashlib.sha1(str(corpus).encode()).hexdigest()[:8]
        return self.data_dir / "index" / f"{corpus.name}-{digest}"


def load_settings(**overrides: Any) -> Settings:
    """Read the environment (plus explicit overrides) and validate; errors name key and value."""
    clean = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**clean)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = str(first["loc"][0]) if first["loc"] else "?"
        value = "<hidden>" if key in SECRETS else repr(first.get("input"))
        raise ConfigError(f"{ENV_PREFIX}{key.upper()}={value} is not valid: {first['msg']}") from None
