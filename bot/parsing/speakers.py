"""Resolving interview speaker labels (full names, surnames, initials, joint labels) to people."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.names import (
    LEADING_ARTICLES,
    NAME_PARTICLES,
    initials,
    is_capitalised,
    read_initials,
    surname,
)
from bot.text import fold

__all__ = [
    "ANSWER_LABELS",
    "INTERVIEWER_LABELS",
    "SpeakerResolver",
    "looks_like_label",
    "names_in_text",
]

INTERVIEWER_LABELS = frozenset({"q", "question", "interviewer", "int"})
ANSWER_LABELS = frozenset({"a", "answer"})
"""Labels of an answer that do not name anyone: 'A:' is never a person called A."""
MAX_LABEL_WORDS = 6
MAX_LABEL_CHARS = 48
MIN_JOINT_SPEAKERS = 2
_CONNECTORS = frozenset({"and", "&", "of", "the"}) | NAME_PARTICLES
_JOINT = re.compile(r"\s*(?:,|&|/|\band\b)\s*", re.IGNORECASE)
_UPPER_LIMIT = 0x2C00
"""Capital letters are looked for below this code point (Latin, Greek, Cyrillic and more)."""
_UPPER = (
    "[" + "".join(re.escape(chr(code)) for code in range(_UPPER_LIMIT) if chr(code).isupper()) + "]"
)
_NAME_WORD = rf"{_UPPER}(?:[^\W\d_]|['\-])+"
_FULL_NAME = re.compile(rf"\b{_NAME_WORD}(?:\s+{_UPPER}\.)?(?:\s+{_NAME_WORD}){{1,2}}\b")


def looks_like_label(label: str) -> bool:
    """True when text before a colon reads like a speaker label, not the start of a sentence."""
    if not label or len(label) > MAX_LABEL_CHARS or not is_capitalised(label):
        return False
    words = label.split()
    if len(words) > MAX_LABEL_WORDS:
        return False
    if any(ch in label for ch in '!?;"()[]{}') or label.endswith(","):
        return False
    return all(is_capitalised(word) or word.casefold() in _CONNECTORS for word in words)


def names_in_text(text: str) -> tuple[str, ...]:
    """Capitalised two- and three-word sequences that may be people's full names."""
    found = (match.group(0) for match in _FULL_NAME.finditer(text))
    return tuple(
        dict.fromkeys(name for name in found if name.split()[0].casefold() not in LEADING_ARTICLES)
    )


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A person a label may stand for: lower ``rank`` is likelier; keys from bot.names."""

    name: str
    rank: int
    surname: str = field(init=False)
    initials: str = field(init=False)

    def __post_init__(self) -> None:
        """Work out the folded surname and the initials once."""
        object.__setattr__(self, "surname", fold(surname(self.name) or ""))
        object.__setattr__(self, "initials", initials(self.name))


class SpeakerResolver:
    """Maps labels to full names, preferring the film's credited people the document mentions."""

    def __init__(self, credited: Iterable[str], document_text: str) -> None:
        credited_names = [name for name in dict.fromkeys(credited) if surname(name) is not None]
        mentioned = {fold(name) for name in names_in_text(document_text)}
        candidates: dict[str, _Candidate] = {}
        for name in credited_names:
            rank = 0 if fold(name) in mentioned else 1
            candidates[fold(name)] = _Candidate(name, rank)
        for name in names_in_text(document_text):
            candidates.setdefault(fold(name), _Candidate(name, 2))
        self._candidates = tuple(candidates.values())
        self._by_full_name = {fold(c.name): c.name for c in self._candidates}
        self._credited = frozenset(fold(name) for name in credited_names)
        # Looked up per label of every paragraph: mapped once per document, not scanned.
        self._by_initials: dict[str, list[_Candidate]] = {}
        self._by_surname: dict[str, list[_Candidate]] = {}
        for candidate in self._candidates:
            self._by_initials.setdefault(candidate.initials, []).append(candidate)
            self._by_surname.setdefault(candidate.surname, []).append(candidate)
        self._resolved: dict[str, tuple[str, ...] | None] = {}

    def is_credited(self, name: str) -> bool:
        """True when ``name`` is one of the film's credited people (not just named in the text)."""
        return fold(name) in self._credited

    def mentioned_credited(self) -> tuple[str, ...]:
        """The film's credited people whom the document names in full."""
        return tuple(c.name for c in self._candidates if c.rank == 0)

    def _best(self, matches: list[_Candidate]) -> str | None:
        if not matches:
            return None
        best_rank = min(c.rank for c in matches)
        best = [c.name for c in matches if c.rank == best_rank]
        return best[0] if len(best) == 1 else None

    def resolve_one(self, label: str) -> str | None:
        """The full name a single-person label stands for, or None if unknown or ambiguous."""
        label = label.strip().rstrip(".")
        folded = fold(label)
        if folded in self._by_full_name:
            return self._by_full_name[folded]
        letters = read_initials(label)
        if letters is not None:
            return self._best(self._by_initials.get(letters, []))
        return self._best(self._by_surname.get(folded, []))

    def resolve(self, label: str) -> tuple[str, ...] | None:
        """All speakers of a label such as 'Smith and Jones', or None if any part is unknown."""
        if label not in self._resolved:
            self._resolved[label] = self._resolve(label)
        return self._resolved[label]

    def _resolve(self, label: str) -> tuple[str, ...] | None:
        single = self.resolve_one(label)
        if single is not None:
            return (single,)
        parts = [part for part in _JOINT.split(label) if part]
        if len(parts) < MIN_JOINT_SPEAKERS:
            return None
        resolved = [self.resolve_one(part) for part in parts]
        if any(name is None for name in resolved):
            return None
        return tuple(dict.fromkeys(name for name in resolved if name is not None))
