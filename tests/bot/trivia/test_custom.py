"""Tests for the Red-DiscordBot style trivia.yaml loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.errors import FilmClubError, SeedError
from bot.models import Question, QuestionKind
from bot.trivia import custom
from bot.trivia.custom import load_trivia_yaml

VALID = """\
AUTHOR: Film club
DESCRIPTION: Questions the generator cannot ask.
CONFIG:
  delay: 20
  max_score: 10
What is the name of Calvin's dog?:
  - Scotty
  - scotty
What song plays in French?: The Game of Love
How old was Calvin at his first publication?:
  - 19
  - nineteen
Average rating out of ten?: [7.2]
(spoiler) What does Calvin write on the final page?:
  - that she is free
"""


def _write(tmp_path: Path, text: str | bytes, name: str = "trivia.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path: Path, text: str | bytes) -> SeedError:
    path = _write(tmp_path, text)
    with pytest.raises(SeedError) as caught:
        load_trivia_yaml(path, "ruby-sparks")
    return caught.value


def test_valid_file(tmp_path: Path) -> None:
    questions = load_trivia_yaml(_write(tmp_path, VALID), "ruby-sparks")
    assert questions == (
        Question(
            text="What is the name of Calvin's dog?",
            answers=("Scotty",),
            choices=(),
            kind=QuestionKind.CUSTOM,
            spoiler=False,
            source="trivia.yaml",
            film="ruby-sparks",
        ),
        Question(
            "What song plays in French?",
            ("The Game of Love",),
            (),
            QuestionKind.CUSTOM,
            False,
            "trivia.yaml",
            "ruby-sparks",
        ),
        Question(
            "How old was Calvin at his first publication?",
            ("19", "nineteen"),
            (),
            QuestionKind.CUSTOM,
            False,
            "trivia.yaml",
            "ruby-sparks",
        ),
        Question(
            "Average rating out of ten?",
            ("7.2",),
            (),
            QuestionKind.CUSTOM,
            False,
            "trivia.yaml",
            "ruby-sparks",
        ),
        Question(
            "What does Calvin write on the final page?",
            ("that she is free",),
            (),
            QuestionKind.CUSTOM,
            True,
            "trivia.yaml",
            "ruby-sparks",
        ),
    )


def test_config_spoiler_marks_every_question(tmp_path: Path) -> None:
    text = "CONFIG:\n  spoiler: true\nWho burns the house down?: [Calvin]\n"
    (question,) = load_trivia_yaml(_write(tmp_path, text), "x")
    assert question.spoiler


def test_only_reserved_keys_gives_no_questions(tmp_path: Path) -> None:
    assert load_trivia_yaml(_write(tmp_path, "AUTHOR: me\nCONFIG:\n"), "x") == ()


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = _write(tmp_path, "\ufeffWho?: [Me]\n".encode())
    assert load_trivia_yaml(path, "x")[0].text == "Who?"


def test_syntax_error_has_line(tmp_path: Path) -> None:
    error = _error(tmp_path, "Q1?: [a]\nQ2?: [b\nQ3?: c\n")
    assert error.line is not None
    assert error.line >= 2
    assert str(error).startswith(f"{error.path}:{error.line}: YAML error")
    assert "\n" not in str(error)


def test_bad_indentation_has_line(tmp_path: Path) -> None:
    error = _error(tmp_path, "Q1?:\n  - a\n - b\n")
    assert error.line == 3


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Q1?: [a]\nQ2?:\n  key: value\n", 3, "answers must be a list of strings or numbers"),
        (
            "Q1?: [a]\nQ2?:\n  - ok\n  - [nested]\n",
            4,
            "answers must be a list of strings or numbers",
        ),
        ("Q1?: [a]\nQ2?: []\n", 2, "question has no answers"),
        ("Q1?: [a]\nQ2?:\n", 2, "question has no answers"),
        ("Q1?: [a]\nQ2?: ['  ']\n", 2, "question has no usable answers"),
        ("Q1?: [a]\nQ2?: [~]\n", 2, "answers must be a list of strings or numbers"),
        ("Q1?: [a]\n2012: [b]\n", 2, "question must be a string (put it in quotes)"),
        ("Q1?: [a]\n'': [b]\n", 2, "question must not be empty"),
        ("Q1?: [a]\nAUTHOR: [me]\n", 2, "AUTHOR must be a string"),
        ("CONFIG: [x]\n", 1, "CONFIG must be a mapping"),
        ("- Q1?\n- Q2?\n", 1, "top level must be a mapping of questions to answers"),
        ("", 1, "file is empty; expected 'question: [answers]' lines"),
        ("Q1?: [.nan]\n", 1, "question has no usable answers"),
    ],
)
def test_wrong_types_have_lines(tmp_path: Path, text: str, line: int, message: str) -> None:
    error = _error(tmp_path, text)
    assert (error.line, error.message) == (line, message)
    assert str(error) == f"{tmp_path / 'trivia.yaml'}:{line}: {message}"


def test_binary_file(tmp_path: Path) -> None:
    error = _error(tmp_path, b"Q1?: [a]\nQ2?: [\xff\xfe\x00\x01]\n")
    assert error.line == 2
    assert "not valid UTF-8" in str(error)


def test_control_characters(tmp_path: Path) -> None:
    error = _error(tmp_path, "Q1?: [a]\nQ2?: [b\x00]\n")
    assert error.line == 2
    assert "YAML error" in error.message


def test_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(custom, "MAX_TRIVIA_FILE_BYTES", 16)
    error = _error(tmp_path, "Q1?: [a]\nQ2?: [b]\nQ3?: [c]\n")
    assert error.line is None
    assert "too large" in str(error)
    assert str(error).startswith(f"{tmp_path / 'trivia.yaml'}: ")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="cannot read file"):
        load_trivia_yaml(tmp_path / "absent.yaml", "x")


def test_several_documents(tmp_path: Path) -> None:
    error = _error(tmp_path, "Q1?: [a]\n---\nQ2?: [b]\n")
    assert error.line == 2


def test_is_a_film_club_error_with_file_and_line(tmp_path: Path) -> None:
    error = _error(tmp_path, "[1, 2]\n")
    assert isinstance(error, FilmClubError)
    assert str(error).startswith(f"{tmp_path / 'trivia.yaml'}:1: ")


def test_unsafe_tags_are_rejected(tmp_path: Path) -> None:
    error = _error(tmp_path, "Q1?: !!python/object/apply:os.system ['echo hi']\n")
    assert error.line == 1
    assert "YAML error" in error.message
