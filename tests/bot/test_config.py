"""Settings from a mapping and a ``.env`` file."""

from pathlib import Path

import pytest

from bot.config import DEFAULT_DATABASE, DEFAULT_SEEDS_DIR, ConfigError, Settings

TOKEN = "not-a-real-token-abc123"


def test_defaults(tmp_path):
    settings = Settings.from_env({}, tmp_path / "missing.env")
    assert settings.discord_token is None
    assert settings.database_path == DEFAULT_DATABASE
    assert settings.seeds_dir == DEFAULT_SEEDS_DIR
    assert settings.dev_guild_id is None
    assert settings.admin_ids == frozenset()
    assert settings.message_content is False
    assert settings.log_level == "INFO"


def test_values_from_a_mapping(tmp_path):
    settings = Settings.from_env(
        {
            "DISCORD_TOKEN": f"  {TOKEN} ",
            "FILMCLUB_DB": "data/bot.db",
            "FILMCLUB_SEEDS": "/srv/seeds",
            "FILMCLUB_DEV_GUILD": "123",
            "FILMCLUB_ADMINS": "1, 2;3 4",
            "FILMCLUB_MESSAGE_CONTENT": "yes",
            "LOG_LEVEL": "debug",
        },
        tmp_path / "missing.env",
    )
    assert settings.discord_token == TOKEN
    assert settings.database_path == Path("data/bot.db")
    assert settings.seeds_dir == Path("/srv/seeds")
    assert settings.dev_guild_id == 123
    assert settings.admin_ids == frozenset({1, 2, 3, 4})
    assert settings.message_content is True
    assert settings.log_level == "DEBUG"


def test_dotenv_file_is_read_and_overridden_by_the_mapping(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        f"DISCORD_TOKEN={TOKEN}\nFILMCLUB_ADMINS=7,8\nLOG_LEVEL=WARNING\n", encoding="utf-8"
    )
    settings = Settings.from_env({"LOG_LEVEL": "ERROR"}, env_file)
    assert settings.discord_token == TOKEN
    assert settings.admin_ids == frozenset({7, 8})
    assert settings.log_level == "ERROR"


def test_dotenv_in_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / ".env").write_text("FILMCLUB_DEV_GUILD=42\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert Settings.from_env({}).dev_guild_id == 42


def test_blank_values_are_unset(tmp_path):
    settings = Settings.from_env(
        {"DISCORD_TOKEN": "  ", "FILMCLUB_ADMINS": "", "FILMCLUB_DEV_GUILD": " "},
        tmp_path / "missing.env",
    )
    assert settings.discord_token is None
    assert settings.admin_ids == frozenset()
    assert settings.dev_guild_id is None


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("FILMCLUB_ADMINS", "1,alice"),
        ("FILMCLUB_DEV_GUILD", "guild"),
        ("FILMCLUB_MESSAGE_CONTENT", "maybe"),
        ("LOG_LEVEL", "LOUD"),
    ],
)
def test_bad_values_raise_config_error(tmp_path, name, value):
    with pytest.raises(ConfigError, match=name):
        Settings.from_env({name: value}, tmp_path / "missing.env")


def test_token_is_not_in_repr(tmp_path):
    settings = Settings.from_env({"DISCORD_TOKEN": TOKEN}, tmp_path / "missing.env")
    assert TOKEN not in repr(settings)
    assert TOKEN not in str(settings)
    assert settings.discord_token == TOKEN


def test_sharding_and_database_url(tmp_path):
    url = "postgresql://bot:secret@db.internal:5432/filmclub"
    settings = Settings.from_env(
        {
            "FILMCLUB_SHARD_COUNT": "4",
            "FILMCLUB_SHARD_IDS": "3, 1",
            "FILMCLUB_DATABASE_URL": url,
        },
        tmp_path / "missing.env",
    )
    assert settings.shard_count == 4
    assert settings.shard_ids == (1, 3)
    assert settings.database_url == url
    assert "secret" not in repr(settings)


def test_sharding_defaults_to_automatic_and_sqlite(tmp_path):
    settings = Settings.from_env({}, tmp_path / "missing.env")
    assert (settings.shard_count, settings.shard_ids, settings.database_url) == (None, None, None)
    counted = Settings.from_env({"FILMCLUB_SHARD_COUNT": "2"}, tmp_path / "missing.env")
    assert (counted.shard_count, counted.shard_ids) == (2, None)


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"FILMCLUB_SHARD_IDS": "0"}, "needs FILMCLUB_SHARD_COUNT"),
        ({"FILMCLUB_SHARD_COUNT": "0"}, "at least 1"),
        ({"FILMCLUB_SHARD_COUNT": "two"}, "must be a number"),
        ({"FILMCLUB_SHARD_COUNT": "2", "FILMCLUB_SHARD_IDS": "2"}, "between 0 and 1"),
        ({"FILMCLUB_SHARD_COUNT": "2", "FILMCLUB_SHARD_IDS": "a"}, "must be numbers"),
        ({"FILMCLUB_DATABASE_URL": "mysql://u:pw@h/db"}, "must start with postgresql://"),
    ],
)
def test_bad_sharding_settings(tmp_path, environ, message):
    with pytest.raises(ConfigError, match=message) as caught:
        Settings.from_env(environ, tmp_path / "missing.env")
    assert "pw@" not in str(caught.value)


def test_runs_some_shards(tmp_path):
    def settings(**environ):
        return Settings.from_env(environ, tmp_path / "missing.env")

    assert not settings().runs_some_shards
    assert not settings(FILMCLUB_SHARD_COUNT="2").runs_some_shards
    assert not settings(FILMCLUB_SHARD_COUNT="2", FILMCLUB_SHARD_IDS="0,1").runs_some_shards
    assert settings(FILMCLUB_SHARD_COUNT="2", FILMCLUB_SHARD_IDS="1").runs_some_shards
