"""Settings, read once at startup from the environment and an optional ``.env`` file."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dotenv import dotenv_values

__all__ = ["DEFAULT_SEEDS_DIR", "ConfigError", "Settings"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SEEDS_DIR = PROJECT_ROOT / "seeds"
DEFAULT_DATABASE = Path("filmclub.db")
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})
_LOG_LEVELS = frozenset({"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"})
_POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class ConfigError(ValueError):
    """A setting has a value the bot cannot use."""


def _int_or_none(name: str, value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    try:
        return int(value.strip())
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number (a Discord id), not {value!r}") from exc


def _ids(name: str, value: str | None) -> frozenset[int]:
    if not value:
        return frozenset()
    parts = value.replace(";", ",").replace(" ", ",").split(",")
    return frozenset(found for part in parts if (found := _int_or_none(name, part)) is not None)


def _flag(name: str, value: str | None) -> bool:
    lowered = (value or "").strip().casefold()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(f"{name} must be true or false, not {value!r}")


def _shard_ids(value: str | None, count: int | None) -> tuple[int, ...] | None:
    if value is None:
        return None
    if count is None:
        raise ConfigError("FILMCLUB_SHARD_IDS needs FILMCLUB_SHARD_COUNT")
    parts = value.replace(";", ",").replace(" ", ",").split(",")
    try:
        ids = sorted({int(part) for part in parts if part.strip()})
    except ValueError as exc:
        raise ConfigError(f"FILMCLUB_SHARD_IDS must be numbers, not {value!r}") from exc
    if not ids or ids[0] < 0 or ids[-1] >= count:
        raise ConfigError(f"FILMCLUB_SHARD_IDS must be between 0 and {count - 1}")
    return tuple(ids)


def _shard_count(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        count = int(value)
    except ValueError as exc:
        raise ConfigError(f"FILMCLUB_SHARD_COUNT must be a number, not {value!r}") from exc
    if count < 1:
        raise ConfigError("FILMCLUB_SHARD_COUNT must be at least 1")
    return count


def _database_url(value: str | None) -> str | None:
    if value is not None and not value.startswith(_POSTGRES_SCHEMES):
        # Never echo the value: it may carry a password.
        raise ConfigError("FILMCLUB_DATABASE_URL must start with postgresql://")
    return value


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything configurable about the bot."""

    discord_token: str | None = field(default=None, repr=False)
    database_path: Path = DEFAULT_DATABASE
    seeds_dir: Path = DEFAULT_SEEDS_DIR
    dev_guild_id: int | None = None
    admin_ids: frozenset[int] = frozenset()
    message_content: bool = False
    log_level: str = "INFO"
    shard_count: int | None = None
    """Shards of the whole bot (all processes); None: discord.py asks Discord."""
    shard_ids: tuple[int, ...] | None = None
    """The shards this process runs; None: all of them."""
    database_url: str | None = field(default=None, repr=False)
    """PostgreSQL for user data shared by processes; None: user data in the SQLite file."""

    @property
    def runs_some_shards(self) -> bool:
        """True when this process runs only part of the bot's shards (others run the rest)."""
        return (
            self.shard_ids is not None
            and self.shard_count is not None
            and len(self.shard_ids) < self.shard_count
        )

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, dotenv_path: Path | None = None
    ) -> Settings:
        """Read settings from ``.env`` (if present) overridden by the process environment."""
        env_file = dotenv_path if dotenv_path is not None else Path.cwd() / ".env"
        values: dict[str, str | None] = dict(dotenv_values(env_file)) if env_file.is_file() else {}
        values.update(os.environ if environ is None else environ)

        def get(name: str) -> str | None:
            value = values.get(name)
            return value.strip() if value and value.strip() else None

        log_level = (get("LOG_LEVEL") or "INFO").upper()
        if log_level not in _LOG_LEVELS:
            raise ConfigError(f"LOG_LEVEL must be one of {', '.join(sorted(_LOG_LEVELS))}")
        shard_count = _shard_count(get("FILMCLUB_SHARD_COUNT"))
        database = get("FILMCLUB_DB")
        seeds = get("FILMCLUB_SEEDS")
        return cls(
            discord_token=get("DISCORD_TOKEN"),
            database_path=Path(database) if database else DEFAULT_DATABASE,
            seeds_dir=Path(seeds) if seeds else DEFAULT_SEEDS_DIR,
            dev_guild_id=_int_or_none("FILMCLUB_DEV_GUILD", get("FILMCLUB_DEV_GUILD")),
            admin_ids=_ids("FILMCLUB_ADMINS", get("FILMCLUB_ADMINS")),
            message_content=_flag("FILMCLUB_MESSAGE_CONTENT", get("FILMCLUB_MESSAGE_CONTENT")),
            log_level=log_level,
            shard_count=shard_count,
            shard_ids=_shard_ids(get("FILMCLUB_SHARD_IDS"), shard_count),
            database_url=_database_url(get("FILMCLUB_DATABASE_URL")),
        )
