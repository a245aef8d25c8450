"""The ``python -m bot`` command line, in-process where possible."""

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, main
from bot.storage.postgres import PostgresUserData

PROJECT = Path(__file__).resolve().parents[2]
ENV_NAMES = (
    "DISCORD_TOKEN",
    "FILMCLUB_DB",
    "FILMCLUB_SEEDS",
    "FILMCLUB_DEV_GUILD",
    "FILMCLUB_ADMINS",
    "FILMCLUB_MESSAGE_CONTENT",
    "LOG_LEVEL",
    "FILMCLUB_SHARD_COUNT",
    "FILMCLUB_SHARD_IDS",
    "FILMCLUB_DATABASE_URL",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    """No settings from the developer's shell or a ``.env`` in the working directory."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)


def test_seed_dry_run_json_shape(seeds_dir, capsys):
    assert main(["seed", "--dry-run", "--json", "--seeds", str(seeds_dir)]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["films", "failures"]
    assert data["failures"] == []
    (film,) = data["films"]
    assert set(film) == {
        "slug",
        "title",
        "year",
        "credits",
        "runtime_minutes",
        "release_date",
        "cast",
        "sections",
        "quotes",
        "warnings",
    }
    assert (film["slug"], film["title"], film["year"]) == ("ruby-sparks", "Ruby Sparks", 2012)
    assert film["credits"]["director"] == ["Jonathan Dayton", "Valerie Faris"]
    assert film["runtime_minutes"] == 104
    assert film["release_date"] == "2012-07-25"
    assert len(film["cast"]) == 13
    assert all(set(c) == {"actor", "character", "description", "note"} for c in film["cast"])
    assert sum(c["description"] is None for c in film["cast"]) == 2
    assert all(set(s) == {"path", "spoiler"} for s in film["sections"])
    assert {"path": ["Plot"], "spoiler": True} in film["sections"]
    assert len(film["quotes"]) == 84
    assert all(set(q) == {"speakers", "text", "source", "spoiler"} for q in film["quotes"])
    assert ["Jonathan Dayton", "Valerie Faris"] in [q["speakers"] for q in film["quotes"]]
    assert sum(q["spoiler"] for q in film["quotes"]) == 28
    assert film["warnings"] == []


def test_seed_dry_run_summary_creates_no_database(seeds_dir, db_path, capsys):
    code = main(["seed", "--dry-run", "--seeds", str(seeds_dir), "--db", str(db_path)])
    assert code == EXIT_OK
    out = capsys.readouterr().out
    assert "Ruby Sparks (2012) [ruby-sparks]" in out
    assert "cast: 13 (2 without description" in out
    assert "1 film(s) in" in out
    assert not db_path.exists()


def test_seed_loads_then_reports_unchanged(seeds_dir, db_path, capsys):
    args = ["seed", "--seeds", str(seeds_dir), "--db", str(db_path)]
    assert main(args) == EXIT_OK
    assert "ruby-sparks: added" in capsys.readouterr().out
    assert db_path.exists()
    assert main(args) == EXIT_OK
    assert "ruby-sparks: unchanged" in capsys.readouterr().out


@pytest.mark.parametrize("dry_run", [True, False], ids=["dry-run", "load"])
def test_a_failed_film_is_printed_prominently_and_exits_non_zero(
    tmp_path, seeds_dir, db_path, capsys, dry_run
):
    bad = seeds_dir / "zz-film"
    bad.mkdir()
    (bad / "doc.txt").write_bytes(b"\x00\x01")
    args = ["seed", "--seeds", str(seeds_dir), "--db", str(db_path)]
    assert main(args + (["--dry-run"] if dry_run else [])) == EXIT_FAILURE
    captured = capsys.readouterr()
    assert "Ruby Sparks (2012) [ruby-sparks]" in captured.out  # every other film loads
    lines = captured.err.strip().splitlines()
    assert lines[0] == "!! 1 film(s) FAILED to load; fix the file named and reseed:"
    (failure,) = lines[1:]
    assert failure.startswith("!! zz-film (not loaded): ")
    assert str(bad / "doc.txt") in failure
    assert "\n" not in failure


def test_a_missing_seeds_folder_is_one_error_line(tmp_path, db_path, capsys):
    args = ["seed", "--seeds", str(tmp_path / "nowhere"), "--db", str(db_path), "--dry-run"]
    assert main(args) == EXIT_FAILURE
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.strip().splitlines()
    assert line.startswith("error: ")


def test_a_failed_film_from_a_subprocess(tmp_path):
    bad = tmp_path / "bad-seeds"
    (bad / "film").mkdir(parents=True)
    (bad / "film" / "doc.txt").write_bytes("caf\u00e9".encode("latin-1"))
    result = subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, "-m", "bot", "seed", "--seeds", str(bad), "--db", str(tmp_path / "x.db")],
        cwd=tmp_path,
        env={"PATH": "", "PYTHONPATH": str(PROJECT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("!! 1 film(s) FAILED")
    assert "doc.txt:1: not valid UTF-8" in lines[1]


def test_run_without_token_exits_2(capsys):
    assert main(["run"]) == EXIT_USAGE
    assert "DISCORD_TOKEN" in capsys.readouterr().err


def test_default_command_is_run(capsys):
    assert main([]) == EXIT_USAGE
    assert "DISCORD_TOKEN" in capsys.readouterr().err


def test_bad_configuration_exits_2(monkeypatch, capsys):
    monkeypatch.setenv("FILMCLUB_ADMINS", "alice")
    assert main(["seed", "--dry-run"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("configuration error: ")
    assert "FILMCLUB_ADMINS" in err


def test_seeds_folder_from_the_environment(seeds_dir, monkeypatch, capsys):
    monkeypatch.setenv("FILMCLUB_SEEDS", str(seeds_dir))
    assert main(["seed", "--dry-run", "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["films"][0]["slug"] == "ruby-sparks"


def test_seed_with_a_shared_database_announces_the_reseed(
    seeds_dir, db_path, postgres_url, monkeypatch, capsys
):
    async def published():
        async with await PostgresUserData.open(postgres_url) as shared:
            return await shared.shared_generation()

    monkeypatch.setenv("FILMCLUB_DATABASE_URL", postgres_url)
    args = ["seed", "--seeds", str(seeds_dir), "--db", str(db_path)]
    assert main(args) == EXIT_OK
    first = asyncio.run(published())
    assert first is not None
    assert first.generation == 1
    assert main(args) == EXIT_OK
    assert asyncio.run(published()).generation == 2
    assert "ruby-sparks: unchanged" in capsys.readouterr().out


def test_seed_refuses_an_empty_folder_unless_allowed(seeds_dir, db_path, capsys):
    assert main(["seed", "--seeds", str(seeds_dir), "--db", str(db_path)]) == EXIT_OK
    empty = seeds_dir.parent / "empty-seeds"
    empty.mkdir()
    args = ["seed", "--seeds", str(empty), "--db", str(db_path)]
    assert main(args) == EXIT_FAILURE
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert "--allow-empty" in error
    assert main([*args, "--allow-empty"]) == EXIT_OK
    assert "ruby-sparks: removed" in capsys.readouterr().out


def test_cli_imports_neither_discord_nor_the_console():
    code = "import sys, bot.cli; print(sorted({'discord', 'console'} & set(sys.modules)))"
    result = subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, "-c", code],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "[]"


def test_console_from_a_pipe_in_a_subprocess(tmp_path):
    result = subprocess.run(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, "-m", "bot", "console", "--fast", "--db", str(tmp_path / "c.db")],
        cwd=tmp_path,
        env={"PATH": "", "PYTHONPATH": str(PROJECT), "FILMCLUB_SEEDS": str(PROJECT / "seeds")},
        input="/film list\n/trivia start questions: 0\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == EXIT_FAILURE, result.stdout + result.stderr
    assert "#general › /film list" in result.stdout
    assert "Ruby Sparks" in result.stdout
    assert "✗ Option questions: value must be between 1 and 50." in result.stdout
    assert "\x1b[" not in result.stdout
    assert "Traceback" not in result.stderr


def test_questions_over_the_real_layout_films(capsys):
    documents = Path(__file__).parent / "parsing" / "documents"
    assert main(["questions", "--seeds", str(documents), "--json"]) == EXIT_OK
    questions = json.loads(capsys.readouterr().out)
    assert {q["film"] for q in questions} == {p.name for p in documents.iterdir() if p.is_dir()}
