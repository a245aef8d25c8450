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
