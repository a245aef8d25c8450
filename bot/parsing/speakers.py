"""Resolving interview speaker labels (full names, surnames, initials, joint labels) to people."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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
MAX_INITIALS = 4
MIN_JOINT_SPEAKERS = 2
_CONNECTORS = frozenset(
    {"and", "&", "of", "the", "de", "da", "del", "van", "von", "der", "le", "la"}
)
_JOINT = re.compile(r"\s*(?:,|&|/|\band\b)\s*", re.IGNORECASE)
_INITIALS = re.compile(rf"^(?:[A-Z]\.?){{2,{MAX_INITIALS}}}$")
_NAME_WORD = r"[A-Z][a-zA-Z'\-]+"
_FULL_NAME = re.compile(rf"\b{_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD}){{1,2}}\b")
_ARTICLES = frozenset({"the", "a", "an"})
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def looks_like_label(label: str) -> bool:
    """True when text before a colon reads like a speaker label, not the start of a sentence."""
    if not label or len(label) > MAX_LABEL_CHARS or not label[0].isupper():
        return False
    words = label.split()
    if len(words) > MAX_LABEL_WORDS:
        return False
    if any(ch in label for ch in '!?;"()[]{}') or label.endswith(","):
        return False
    return all(word[0].isupper() or word.casefold() in _CONNECTORS for word in words)


def names_in_text(text: str) -> tuple[str, ...]:
    """Capitalised two- and three-word sequences that may be people's full names."""
    found = (match.group(0) for match in _FULL_NAME.finditer(text))
    return tuple(
        dict.fromkeys(name for name in found if name.split()[0].casefold() not in _ARTICLES)
    )


def _significant_words(name: str) -> list[str]:
    return [word for word in name.split() if word.casefold() not in _SUFFIXES]


def _surname(name: str) -> str:
    words = _significant_words(name)
    return words[-1] if words else name


def _initials(name: str) -> str:
    return "".join(word[0] for word in _significant_words(name) if word[0].isalpha()).upper()


@dataclass(frozen=True, slots=True)
class _Candidate:
    name: str
    rank: int


class SpeakerResolver:
    """Maps labels to full names, preferring the film's credited people the document mentions."""

    def __init__(self, credited: Iterable[str], document_text: str) -> None:
        credited_names = [name for name in dict.fromkeys(credited) if len(name.split()) >= 2]
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
        # Surnames and initials are worked out once per document, not once per paragraph.
        self._by_initials: dict[str, list[_Candidate]] = {}
        self._by_surname: dict[str, list[_Candidate]] = {}
        for candidate in self._candidates:
            self._by_initials.setdefault(_initials(candidate.name), []).append(candidate)
            self._by_surname.setdefault(fold(_surname(candidate.name)), []).append(candidate)
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
        compact = label.replace(".", "").replace(" ", "")
        if _INITIALS.match(label.replace(" ", "")):
            return self._best(self._by_initials.get(compact, []))
        if len(label.split()) == 1:
            return self._best(self._by_surname.get(folded, []))
        return None

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
