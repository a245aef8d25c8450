"""Hand-written trivia lists in the Red-DiscordBot format: ``question: [answers]`` in YAML.

Reserved top-level keys: ``AUTHOR`` and ``DESCRIPTION`` (strings) and ``CONFIG`` (a mapping);
they are checked but produce no questions.  ``CONFIG: {spoiler: true}`` marks every question of
the file as a spoiler; a question starting with ``(spoiler)`` is marked on its own.  Errors carry
the file and line: ``seeds/x/trivia.yaml:12: answers must be a list of strings or numbers``.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Final

import yaml
from yaml.reader import ReaderError

from bot.errors import SeedError
from bot.models import Question, QuestionKind
from bot.parsing.folders import NESTED_TOO_DEEPLY
from bot.text import fold

__all__ = [
    "CONFIG_KEY",
    "MAX_ANSWERS",
    "MAX_ANSWER_CHARS",
    "MAX_QUESTIONS",
    "MAX_QUESTION_CHARS",
    "MAX_TRIVIA_FILE_BYTES",
    "RESERVED_KEYS",
    "SPOILER_CONFIG_KEY",
    "SPOILER_PREFIX",
    "TRIVIA_SOURCE",
    "load_trivia_yaml",
]

MAX_TRIVIA_FILE_BYTES: Final = 256 * 1024
"""Largest trivia file accepted, in bytes."""

MAX_QUESTIONS: Final = 2000
"""Most questions one trivia file may hold."""

MAX_QUESTION_CHARS: Final = 500
"""Longest question text accepted, in characters."""

MAX_ANSWERS: Final = 50
"""Most accepted answers one question may list."""

MAX_ANSWER_CHARS: Final = 200
"""Longest accepted answer, in characters."""

AUTHOR_KEY: Final = "AUTHOR"
DESCRIPTION_KEY: Final = "DESCRIPTION"
CONFIG_KEY: Final = "CONFIG"
RESERVED_KEYS: Final = frozenset({AUTHOR_KEY, DESCRIPTION_KEY, CONFIG_KEY})
"""Top-level keys that describe the list instead of asking a question."""

SPOILER_CONFIG_KEY: Final = "spoiler"
"""``CONFIG`` key (a boolean) marking every question of the file as a spoiler."""

SPOILER_PREFIX: Final = "(spoiler)"
"""Question prefix (any case) marking that question alone as a spoiler; it is removed."""

TRIVIA_SOURCE: Final = "trivia.yaml"
"""``Question.source`` of every question loaded from a trivia file."""

_STR_TAG: Final = "tag:yaml.org,2002:str"
_INT_TAG: Final = "tag:yaml.org,2002:int"
_FLOAT_TAG: Final = "tag:yaml.org,2002:float"
_NULL_TAG: Final = "tag:yaml.org,2002:null"


def _line(node: yaml.Node) -> int:
    """1-based line where ``node`` starts."""
    return node.start_mark.line + 1


def _read_text(path: Path) -> str:
    """The file's text: bounded in size, valid UTF-8, without a byte-order mark."""
    try:
        size = path.stat().st_size
        if size > MAX_TRIVIA_FILE_BYTES:
            raise SeedError(
                path, f"file is too large ({size} bytes, limit {MAX_TRIVIA_FILE_BYTES})"
            )
        data = path.read_bytes()
    except OSError as error:
        raise SeedError(path, f"cannot read file: {error.strerror}") from error
    if len(data) > MAX_TRIVIA_FILE_BYTES:
        raise SeedError(path, f"file is too large (limit {MAX_TRIVIA_FILE_BYTES})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SeedError(
            path, f"not valid UTF-8 text (byte {error.start}); save the file as UTF-8", line
        ) from error
    return text.removeprefix("\ufeff")


def _yaml_error(path: Path, text: str, error: yaml.YAMLError) -> SeedError:
    """A :class:`SeedError` for a YAML syntax or reader error, with its line."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        return SeedError(path, f"YAML error: {problem}", mark.line + 1 if mark else None)
    if isinstance(error, ReaderError):
        line = text.count("\n", 0, error.position) + 1
        return SeedError(path, f"YAML error: {error.reason}", line)
    return SeedError(path, f"YAML error: {error}")


def _parse(path: Path, text: str) -> tuple[yaml.Node | None, object]:
    """The node tree (for line numbers) and the data (via ``yaml.safe_load``)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise _yaml_error(path, text, error) from error
    except RecursionError:
        raise SeedError(path, f"YAML error: {NESTED_TOO_DEEPLY}") from None
    return node, data


def _check_reserved(path: Path, key: str, value_node: yaml.Node, value: object) -> bool:
    """Validate a reserved key; return whether ``CONFIG`` marks the file as a spoiler."""
    if key in {AUTHOR_KEY, DESCRIPTION_KEY}:
        if not isinstance(value, str):
            raise SeedError(path, f"{key} must be a string", _line(value_node))
        return False
    if value is None:
        return False
    if not isinstance(value, dict):
        raise SeedError(path, f"{CONFIG_KEY} must be a mapping", _line(value_node))
    spoiler = value.get(SPOILER_CONFIG_KEY, False)
    if not isinstance(spoiler, bool):
        raise SeedError(
            path, f"{CONFIG_KEY}.{SPOILER_CONFIG_KEY} must be true or false", _line(value_node)
        )
    return spoiler


def _question_text(path: Path, key_node: yaml.Node) -> str:
    """The question a key asks: a non-empty string of bounded length."""
    if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR_TAG:
        raise SeedError(path, "question must be a string (put it in quotes)", _line(key_node))
    text = " ".join(str(key_node.value).split())
    if not text:
        raise SeedError(path, "question must not be empty", _line(key_node))
    if len(text) > MAX_QUESTION_CHARS:
        raise SeedError(
            path, f"question is longer than {MAX_QUESTION_CHARS} characters", _line(key_node)
        )
    return text


def _answer_text(path: Path, node: yaml.Node, value: object) -> str:
    """One accepted answer: a non-empty string or a finite number, as text."""
    line = _line(node)
    if not isinstance(node, yaml.ScalarNode) or node.tag not in {_STR_TAG, _INT_TAG, _FLOAT_TAG}:
        raise SeedError(path, "answers must be a list of strings or numbers", line)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise SeedError(path, "answers must be a list of strings or numbers", line)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise SeedError(path, "answer must be a finite number", line)
        text = str(int(value)) if value.is_integer() else repr(value)
    else:
        text = " ".join(str(value).split())
    if not text:
        raise SeedError(path, "answer must not be empty", line)
    if len(text) > MAX_ANSWER_CHARS:
        raise SeedError(path, f"answer is longer than {MAX_ANSWER_CHARS} characters", line)
    return text


def _answers(path: Path, value_node: yaml.Node, value: object) -> tuple[str, ...]:
    """The accepted answers of one question, duplicates (after folding) removed."""
    if isinstance(value_node, yaml.ScalarNode) and value_node.tag == _NULL_TAG:
        raise SeedError(path, "question has no answers", _line(value_node))
    if isinstance(value_node, yaml.ScalarNode):
        pairs: list[tuple[yaml.Node, object]] = [(value_node, value)]
    elif isinstance(value_node, yaml.SequenceNode) and isinstance(value, list):
        pairs = list(zip(value_node.value, value, strict=True))
    else:
        raise SeedError(path, "answers must be a list of strings or numbers", _line(value_node))
    if not pairs:
        raise SeedError(path, "question has no answers", _line(value_node))
    if len(pairs) > MAX_ANSWERS:
        raise SeedError(path, f"more than {MAX_ANSWERS} answers", _line(value_node))
    answers: list[str] = []
    seen: set[str] = set()
    for node, item in pairs:
        text = _answer_text(path, node, item)
        if fold(text) not in seen:
            seen.add(fold(text))
            answers.append(text)
    return tuple(answers)


def load_trivia_yaml(path: Path, film_slug: str) -> tuple[Question, ...]:
    """The questions of a Red-DiscordBot style trivia file, in file order."""
    text = _read_text(path)
    root, data = _parse(path, text)
    if root is None:
        raise SeedError(path, "file is empty; expected 'question: [answers]' lines", 1)
    if not isinstance(root, yaml.MappingNode) or not isinstance(data, dict):
        raise SeedError(path, "top level must be a mapping of questions to answers", _line(root))
    file_spoiler = False
    drafts: list[tuple[str, tuple[str, ...], bool]] = []
    seen: dict[str, int] = {}
    for key_node, value_node in root.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value in RESERVED_KEYS:
            value = data[key_node.value]
            file_spoiler |= _check_reserved(path, key_node.value, value_node, value)
            continue
        question = _question_text(path, key_node)
        folded = fold(question)
        if folded in seen:
            raise SeedError(
                path, f"duplicate question (first on line {seen[folded]})", _line(key_node)
            )
        seen[folded] = _line(key_node)
        answers = _answers(path, value_node, data[key_node.value])
        spoiler = folded.startswith(SPOILER_PREFIX)
        if spoiler:
            question = question[len(SPOILER_PREFIX) :].strip()
            if not question:
                raise SeedError(path, "question must not be empty", _line(key_node))
        drafts.append((question, answers, spoiler))
        if len(drafts) > MAX_QUESTIONS:
            raise SeedError(path, f"more than {MAX_QUESTIONS} questions", _line(key_node))
    return tuple(
        Question(
            text=question,
            answers=answers,
            choices=(),
            kind=QuestionKind.CUSTOM,
            spoiler=spoiler or file_spoiler,
            source=TRIVIA_SOURCE,
            film=film_slug,
        )
        for question, answers, spoiler in drafts
    )
