"""Hand-written trivia lists in the Red-DiscordBot format: ``question: [answers]`` in YAML.

A list loads whenever Red would load it.  What Red tolerates is a warning with the file and
line, never a refusal: YAML booleans as answers are text, as Red reads them (``- Yes`` accepts
``Yes``, ``True`` and ``On``); duplicate questions, also those differing only in case, merge
their answers; long answers and questions are kept; unknown ``CONFIG`` keys are named.  Reserved
top-level keys: ``AUTHOR`` and ``DESCRIPTION`` (strings, kept), ``CONFIG`` (a mapping of Red's
settings, mapped to this bot's where one exists, plus ``spoiler: true`` marking every question
as a spoiler) and ``$schema`` (ignored).  A question starting with ``(spoiler)`` is a spoiler on
its own.  What Red refuses is an error naming the file and line:
``seeds/x/trivia.yaml:12: answers must be a list of strings or numbers``.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import yaml
from yaml.reader import ReaderError

from bot.errors import SeedError
from bot.models import ListSettings, Question, QuestionKind, TriviaList
from bot.parsing.folders import NESTED_TOO_DEEPLY
from bot.text import fold

__all__ = [
    "BOOLEAN_ANSWERS",
    "CONFIG_KEY",
    "LIST_NAME",
    "MAX_ANSWERS",
    "MAX_ANSWER_CHARS",
    "MAX_QUESTIONS",
    "MAX_QUESTION_CHARS",
    "MAX_TRIVIA_FILE_BYTES",
    "RED_CONFIG_KEYS",
    "RESERVED_KEYS",
    "SCHEMA_KEY",
    "SPOILER_CONFIG_KEY",
    "SPOILER_PREFIX",
    "TRIVIA_SOURCE",
    "UNSUPPORTED_CONFIG_KEYS",
    "list_name",
    "load_trivia_list",
    "load_trivia_yaml",
    "parse_trivia_bytes",
    "parse_trivia_text",
]

MAX_TRIVIA_FILE_BYTES: Final = 256 * 1024
"""Largest trivia file accepted, in bytes."""

MAX_QUESTIONS: Final = 2000
"""Most questions one trivia file may hold."""

MAX_QUESTION_CHARS: Final = 500
"""Longest question text asked in full; longer ones load with a warning and are cut on show."""

MAX_ANSWERS: Final = 50
"""Most accepted answers kept for one question; the rest are dropped with a warning."""

MAX_ANSWER_CHARS: Final = 200
"""Longest answer anyone could be expected to type; longer ones load with a warning."""

AUTHOR_KEY: Final = "AUTHOR"
DESCRIPTION_KEY: Final = "DESCRIPTION"
CONFIG_KEY: Final = "CONFIG"
SCHEMA_KEY: Final = "$schema"
RESERVED_KEYS: Final = frozenset({AUTHOR_KEY, DESCRIPTION_KEY, CONFIG_KEY, SCHEMA_KEY})
"""Top-level keys that describe the list instead of asking a question."""

SPOILER_CONFIG_KEY: Final = "spoiler"
"""``CONFIG`` key (a boolean) marking every question of the file as a spoiler."""

RED_CONFIG_KEYS: Final = {
    "delay": "seconds",
    "timeout": "idle_seconds",
    "max_score": "max_score",
    "reveal_answer": "reveal_answer",
    "use_spoilers": "use_spoilers",
}
"""Red's ``CONFIG`` keys this bot honours, and the :class:`ListSettings` field each sets."""

UNSUPPORTED_CONFIG_KEYS: Final = {
    "bot_plays": "the bot never plays",
    "payout_multiplier": "this bot has no economy",
}
"""Red's ``CONFIG`` keys with no equivalent here, and why; they are warned about and ignored."""

BOOLEAN_ANSWERS: Final = {True: ("True", "Yes", "On"), False: ("False", "No", "Off")}
"""The texts Red accepts for a YAML boolean answer."""

SPOILER_PREFIX: Final = "(spoiler)"
"""Question prefix (any case) marking that question alone as a spoiler; it is removed."""

LIST_NAME: Final = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
"""A list's name (its file name without ``.yaml``): lowercase letters, digits, ``-`` and ``_``."""

TRIVIA_SOURCE: Final = "trivia.yaml"
"""``Question.source`` of every question loaded from a film's trivia file."""

_STR_TAG: Final = "tag:yaml.org,2002:str"
_INT_TAG: Final = "tag:yaml.org,2002:int"
_FLOAT_TAG: Final = "tag:yaml.org,2002:float"
_BOOL_TAG: Final = "tag:yaml.org,2002:bool"
_NULL_TAG: Final = "tag:yaml.org,2002:null"
_SETTING_KINDS: Final = {
    "seconds": float,
    "idle_seconds": float,
    "max_score": int,
    "reveal_answer": bool,
    "use_spoilers": bool,
    "spoiler": bool,
}


def _error(path: Path, line: int | None, message: str) -> SeedError:
    """A list that cannot be used: ``path:line: message`` (``line`` None: the whole file)."""
    return SeedError(path, " ".join(message.split()), line)


def _line(node: yaml.Node) -> int:
    """1-based line where ``node`` starts."""
    return node.start_mark.line + 1


def _decode(path: Path, data: bytes) -> str:
    """The text of a list's bytes: bounded in size, valid UTF-8, without a byte-order mark."""
    if len(data) > MAX_TRIVIA_FILE_BYTES:
        raise _error(
            path, None, f"file is too large ({len(data)} bytes, limit {MAX_TRIVIA_FILE_BYTES})"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise _error(
            path, line, f"not valid UTF-8 text (byte {error.start}); save the file as UTF-8"
        ) from error
    return text.removeprefix("\ufeff")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing a file over the size limit before reading it."""
    try:
        size = path.stat().st_size
        if size > MAX_TRIVIA_FILE_BYTES:
            raise _error(
                path, None, f"file is too large ({size} bytes, limit {MAX_TRIVIA_FILE_BYTES})"
            )
        return path.read_bytes()
    except OSError as error:
        raise _error(path, None, f"cannot read file: {error.strerror}") from error


def _yaml_error(path: Path, text: str, error: yaml.YAMLError) -> SeedError:
    """A :class:`SeedError` for a YAML syntax or reader error, with its line."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        return _error(path, mark.line + 1 if mark else None, f"YAML error: {problem}")
    if isinstance(error, ReaderError):
        line = text.count("\n", 0, error.position) + 1
        return _error(path, line, f"YAML error: {error.reason}")
    return _error(path, None, f"YAML error: {error}")


def _compose(path: Path, text: str) -> yaml.Node | None:
    """The node tree of the text, which keeps every key and its line; unsafe tags refused."""
    try:
        yaml.safe_load(text)  # refuses tags such as !!python/object that compose lets through
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise _yaml_error(path, text, error) from error
    except RecursionError:
        raise SeedError(path, f"YAML error: {NESTED_TOO_DEEPLY}") from None


def _value(path: Path, node: yaml.Node) -> object:
    """The Python value of one node, as ``yaml.safe_load`` would build it."""
    try:
        return yaml.SafeLoader("").construct_object(node, deep=True)
    except yaml.YAMLError as error:
        raise _yaml_error(path, "", error) from error


@dataclass(slots=True)
class _Draft:
    """A question while the file is read; duplicates add to its answers."""

    text: str
    answers: list[str]
    folded: set[str]
    spoiler: bool
    line: int


@dataclass(slots=True)
class _Reader:
    """Reads one list, collecting warnings as ``path:line: message``."""

    path: Path
    warnings: list[str] = field(default_factory=list)
    author: str | None = None
    description: str | None = None
    settings: dict[str, object] = field(default_factory=dict)
    drafts: dict[str, _Draft] = field(default_factory=dict)

    def warn(self, node: yaml.Node, message: str) -> None:
        """Record a problem Red tolerates."""
        self.warnings.append(f"{self.path}:{_line(node)}: {message}")

    def reserved(self, key: str, value_node: yaml.Node) -> None:
        """``AUTHOR``, ``DESCRIPTION``, ``CONFIG`` or ``$schema``."""
        if key == SCHEMA_KEY:
            return
        value = _value(self.path, value_node)
        if key == CONFIG_KEY:
            self.config(value_node, value)
            return
        if not isinstance(value, str):
            raise _error(self.path, _line(value_node), f"{key} must be a string")
        text = " ".join(value.split()) or None
        if key == AUTHOR_KEY:
            self.author = text
        else:
            self.description = text

    def config(self, node: yaml.Node, value: object) -> None:
        """Map Red's ``CONFIG`` keys to round settings; warn about the rest by name."""
        if value is None:
            return
        if not isinstance(node, yaml.MappingNode) or not isinstance(value, dict):
            raise _error(self.path, _line(node), f"{CONFIG_KEY} must be a mapping")
        known = (*RED_CONFIG_KEYS, *UNSUPPORTED_CONFIG_KEYS, SPOILER_CONFIG_KEY)
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in UNSUPPORTED_CONFIG_KEYS:
                reason = UNSUPPORTED_CONFIG_KEYS[key]
                self.warn(key_node, f"{CONFIG_KEY}.{key} is ignored: {reason}")
                continue
            setting = SPOILER_CONFIG_KEY if key == SPOILER_CONFIG_KEY else RED_CONFIG_KEYS.get(key)
            if setting is None:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.warn(key_node, f"unknown {CONFIG_KEY} key {key!r} is ignored{hint}")
                continue
            self.setting(key, setting, value_node)

    def setting(self, key: str, setting: str, node: yaml.Node) -> None:
        """One mapped ``CONFIG`` value, checked for its type and range."""
        raw = _value(self.path, node)
        kind = _SETTING_KINDS[setting]
        if kind is bool:
            if not isinstance(raw, bool):
                self.warn(node, f"{CONFIG_KEY}.{key} must be true or false; ignored")
                return
            self.settings[setting] = raw
            return
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
            self.warn(node, f"{CONFIG_KEY}.{key} must be a number; ignored")
            return
        if raw <= 0 or (kind is int and not float(raw).is_integer()):
            expected = "a whole number above 0" if kind is int else "above 0"
            self.warn(node, f"{CONFIG_KEY}.{key} must be {expected}; ignored")
            return
        self.settings[setting] = int(raw) if kind is int else float(raw)

    def question(self, key_node: yaml.Node, value_node: yaml.Node) -> None:
        """One ``question: answers`` pair; a duplicate merges into the first."""
        text = _question_text(self.path, key_node)
        spoiler = fold(text).startswith(SPOILER_PREFIX)
        if spoiler:
            text = text[len(SPOILER_PREFIX) :].strip()
            if not text:
                raise _error(self.path, _line(key_node), "question must not be empty")
        if len(text) > MAX_QUESTION_CHARS:
            self.warn(key_node, f"question is longer than {MAX_QUESTION_CHARS} characters")
        answers = self.answers(value_node)
        folded = fold(text)
        first = self.drafts.get(folded)
        if first is not None:
            self.warn(key_node, f"duplicate question (first on line {first.line}); answers merged")
            first.spoiler |= spoiler
        else:
            if len(self.drafts) >= MAX_QUESTIONS:
                raise _error(self.path, _line(key_node), f"more than {MAX_QUESTIONS} questions")
            first = self.drafts[folded] = _Draft(text, [], set(), spoiler, _line(key_node))
        for answer in answers:
            if fold(answer) in first.folded:
                continue
            if len(first.answers) == MAX_ANSWERS:
                self.warn(value_node, f"more than {MAX_ANSWERS} answers; the rest are ignored")
                break
            first.folded.add(fold(answer))
            first.answers.append(answer)

    def answers(self, node: yaml.Node) -> list[str]:
        """The answers as written: one scalar or a list of scalars."""
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG:
            raise _error(self.path, _line(node), "question has no answers")
        if isinstance(node, yaml.ScalarNode):
            items: list[yaml.Node] = [node]
        elif isinstance(node, yaml.SequenceNode):
            items = list(node.value)
        else:
            raise _error(self.path, _line(node), "answers must be a list of strings or numbers")
        if not items:
            raise _error(self.path, _line(node), "question has no answers")
        texts = [text for item in items for text in self.answer(item)]
        if not texts:
            raise _error(self.path, _line(node), "question has no usable answers")
        return texts

    def answer(self, node: yaml.Node) -> tuple[str, ...]:
        """The texts one answer stands for: a boolean gives Red's three spellings."""
        allowed = {_STR_TAG, _INT_TAG, _FLOAT_TAG, _BOOL_TAG}
        if not isinstance(node, yaml.ScalarNode) or node.tag not in allowed:
            raise _error(self.path, _line(node), "answers must be a list of strings or numbers")
        value = _value(self.path, node)
        if isinstance(value, bool):
            written = str(node.value).strip()
            return tuple(dict.fromkeys((written, *BOOLEAN_ANSWERS[value])))
        if isinstance(value, float):
            if not math.isfinite(value):
                self.warn(node, f"answer {node.value!r} is not a finite number; ignored")
                return ()
            text = str(int(value)) if value.is_integer() else repr(value)
        else:
            text = " ".join(str(value).split())
        if not text:
            self.warn(node, "empty answer ignored")
            return ()
        if len(text) > MAX_ANSWER_CHARS:
            self.warn(node, f"answer is longer than {MAX_ANSWER_CHARS} characters (kept)")
        return (text,)


def _question_text(path: Path, key_node: yaml.Node) -> str:
    """The question a key asks: a non-empty string."""
    if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR_TAG:
        raise _error(path, _line(key_node), "question must be a string (put it in quotes)")
    text = " ".join(str(key_node.value).split())
    if not text:
        raise _error(path, _line(key_node), "question must not be empty")
    return text


def list_name(text: str) -> str | None:
    """The list name a file name or a typed name stands for, or None when it cannot be one.

    ``Film Quiz_2.YAML`` gives ``film-quiz_2``: lowercase, spaces as dashes, no ``.yaml``.
    """
    stem = re.sub(r"\.ya?ml$", "", text.strip(), flags=re.IGNORECASE)
    name = re.sub(r"\s+", "-", stem.strip().casefold())
    return name if LIST_NAME.match(name) else None


def _origin(name: str, author: str | None) -> str:
    """``the list disney by Jo`` (the author only when the list names one)."""
    return f"the list {name}" + (f" by {author}" if author else "")


def parse_trivia_text(
    text: str,
    path: Path,
    *,
    name: str,
    film: str = "",
    source: str | None = None,
    origin: str | None = None,
) -> TriviaList:
    """A list from its text; ``path`` names it in errors and warnings, ``name`` in rounds.

    Questions' ``source`` is ``source`` or else ``trivia.yaml`` for a film's own list (``film``
    given) and the file name for others; their ``origin`` is ``origin`` or else none for a film's
    own list (its questions are also stored with the film) and "the list <name> by <author>".
    """
    if source is None:
        source = TRIVIA_SOURCE if film else path.name
    if origin is None and film:
        origin = ""
    root = _compose(path, text)
    if root is None:
        raise _error(path, 1, "file is empty; expected 'question: [answers]' lines")
    if not isinstance(root, yaml.MappingNode):
        raise _error(path, _line(root), "top level must be a mapping of questions to answers")
    reader = _Reader(path)
    for key_node, value_node in root.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value in RESERVED_KEYS:
            reader.reserved(key_node.value, value_node)
        else:
            reader.question(key_node, value_node)
    settings = ListSettings(**reader.settings)  # type: ignore[arg-type]
    questions = tuple(
        Question(
            text=draft.text,
            answers=tuple(draft.answers),
            choices=(),
            kind=QuestionKind.CUSTOM,
            spoiler=draft.spoiler or settings.spoiler,
            source=source,
            film=film,
            origin=_origin(name, reader.author) if origin is None else origin,
        )
        for draft in reader.drafts.values()
    )
    return TriviaList(
        name=name,
        questions=questions,
        author=reader.author,
        description=reader.description,
        settings=settings,
        warnings=tuple(reader.warnings),
        film=film,
        text=text,
    )


def parse_trivia_bytes(data: bytes, path: Path, *, name: str) -> TriviaList:
    """A list from an upload's bytes (size and encoding checked first); the same rules as files."""
    return parse_trivia_text(_decode(path, data), path, name=name)


def load_trivia_list(path: Path, *, name: str, film: str = "") -> TriviaList:
    """A list from a file; ``name`` is what players pick it by.

    A film's own list (``film`` given) keeps ``trivia.yaml`` as its questions' source and no
    origin, as its questions are also stored with the film.
    """
    return parse_trivia_text(_decode(path, _read_bytes(path)), path, name=name, film=film)


def load_trivia_yaml(path: Path, film_slug: str) -> tuple[Question, ...]:
    """The questions of a film's own ``trivia.yaml``, in file order."""
    return load_trivia_list(path, name=film_slug, film=film_slug).questions
