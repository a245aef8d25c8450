"""`python -m bot console --script FILE`: transcripts and exit statuses, end to end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings


def run_script(
    tmp_path: Path, settings: Settings, capsys: pytest.CaptureFixture[str], text: str
) -> tuple[int, str]:
    script = tmp_path / "script.txt"
    script.write_text(text, encoding="utf-8")
    status = main(
        [
            "console",
            "--script",
            str(script),
            "--fast",
            "--db",
            str(settings.database_path),
            "--seeds",
            str(settings.seeds_dir),
        ]
    )
    return status, capsys.readouterr().out


def test_quote_and_cast_lookups(tmp_path, console_settings, capsys) -> None:
    status, out = run_script(
        tmp_path,
        console_settings,
        capsys,
        "#! a comment\n/quote speaker: Valerie Faris\n/cast query: messina\n",
    )
    assert status == 0, out
    assert "#general › /quote speaker: Valerie Faris" in out
    assert re.search(r"— .*Valerie Faris", out), out
    assert "#general › /cast query: messina" in out
    assert "FilmClub:" in out
    assert "Chris Messina plays Harry Weir-Fields" in out
    assert "a comment" not in out.split("/help lists commands.")[1]
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_bad_commands_get_discord_kind_of_errors_and_fail_the_script(
    tmp_path, console_settings, capsys
) -> None:
    status, out = run_script(
        tmp_path,
        console_settings,
        capsys,
        "/trivia start questions: 99\n"
        "/trivia start mode: sideways\n"
        "/trivia start seconds: soon\n"
        "/cast\n"
        "/nosuch\n"
        "/film\n"
        "as bob: /spoilers channel: #general allowed: true\n"
        "/cast query: messina\n",
    )
    assert status == 1
    assert "✗ Option questions: value must be between 1 and 50." in out
    assert "✗ Option mode: choose one of typed, buttons." in out
    assert "✗ Option seconds: 'soon' is not a whole number." in out
    assert "✗ Option query is required." in out
    assert "✗ /nosuch is not a command here; /help lists them." in out
    assert "✗ /film needs one of: info, plot, list." in out
    assert "✗ /spoilers is not offered to bob: it needs Manage Server." in out
    assert "Traceback" not in out
    # A bad line does not stop the script.
    assert "Chris Messina plays Harry Weir-Fields" in out


def test_spoiler_hidden_then_revealed(tmp_path, console_settings, capsys) -> None:
    status, out = run_script(tmp_path, console_settings, capsys, "/film plot\nreveal\nreveal\n")
    assert status == 0, out
    before, after = out.split("#general › reveal", 1)
    hidden = before.split("#general › /film plot", 1)[1]
    assert "[spoiler]" in hidden
    assert "Ruby" not in hidden.replace("Ruby Sparks", "")
    revealed = after.split("#general › reveal", 1)[0]
    assert "FilmClub (revealed):" in revealed
    assert "[spoiler]" not in revealed
    assert "Ruby" in revealed.replace("Ruby Sparks", "")
    assert "Nothing is hidden in #general." in after.split("#general › reveal", 1)[1]


def test_spoiler_channel_shows_spoilers_untagged(tmp_path, console_settings, capsys) -> None:
    status, out = run_script(tmp_path, console_settings, capsys, "#spoilers\n/film plot\n")
    assert status == 0, out
    assert "now in #spoilers (spoilers are shown untagged here)" in out
    plot = out.split("#spoilers › /film plot", 1)[1]
    assert "[spoiler]" not in plot
    assert "Ruby" in plot.replace("Ruby Sparks", "")


def test_channel_where_the_bot_may_not_post(tmp_path, console_settings, capsys) -> None:
    status, out = run_script(
        tmp_path,
        console_settings,
        capsys,
        "#quiet\n/cast query: messina\n/trivia start questions: 1 mode: buttons\n",
    )
    assert status == 0, out
    quiet = out.split("#quiet › /cast query: messina", 1)[1]
    # Interaction replies need no Send Messages permission, as on Discord...
    assert "Chris Messina plays Harry Weir-Fields" in quiet
    # ...but a round's questions are channel messages, so the bot refuses to start one here.
    assert "FilmClub (only you can see this): I can't run a round here" in quiet
    assert "Send Messages" in quiet


def test_autocomplete_through_the_bot(tmp_path, console_settings, capsys) -> None:
    status, out = run_script(
        tmp_path,
        console_settings,
        capsys,
        "complete /ca\ncomplete /trivia start mode: \ncomplete /cast query: messi\n"
        "complete /quote speaker: val\n",
    )
    assert status == 0, out
    sections = out.split("› complete ")
    assert "/cast" in sections[1] and "/trivia" not in sections[1]
    assert "typed" in sections[2] and "buttons" in sections[2]
    assert "Chris Messina" in sections[3]
    assert "Valerie Faris" in sections[4]


def test_piped_input_is_a_script(tmp_path, console_settings, capsys, monkeypatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("/film list\n/quit\n/cast query: messina\n"))
    status = main(
        [
            "console",
            "--db",
            str(console_settings.database_path),
            "--seeds",
            str(console_settings.seeds_dir),
        ]
    )
    out = capsys.readouterr().out
    assert status == 0, out
    assert "Ruby Sparks" in out.split("› /film list", 1)[1]
    assert "› /cast" not in out  # /quit stopped the script


def test_help_lists_commands_and_console_words(tmp_path, console_settings, capsys) -> None:
    status, out = run_script(tmp_path, console_settings, capsys, "/help\n")
    assert status == 0, out
    assert "/trivia start [questions] [mode] [film] [spoilers] [seconds]" in out
    assert "/spoilers <channel> <allowed>" in out
    assert "as NAME: LINE" in out and "click N" in out and "reveal" in out
