"""Splitting an infobox credit into items: people and companies with their qualifiers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.names import (
    COMPANY_SUFFIXES,
    GENERATIONAL_SUFFIXES,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    PERSON_TITLES,
    word_key,
)
from bot.text import fold

__all__ = [
    "CreditItem",
    "CreditSplit",
    "split_credit",
    "split_run_together",
    "strip_trailing_period",
]

_SEPARATOR = re.compile(r"(?<!\d),|,(?!\d{3}\b)|;|\s+and\s+|\s*&\s*|\s*\+\s*|\s+/\s+")
_AND = re.compile(r"^(?:and|&)$", re.IGNORECASE)
_ABBREVIATIONS = COMPANY_SUFFIXES | PERSON_TITLES | NAME_PARTICLES
"""Words whose full stop is part of the name ('Acme Co.', 'Dr.', 'St.'), not a sentence end."""
_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")
_DOTTED = re.compile(r"^(?:[A-Z]\.){2,4}$")
_PAREN = re.compile(r"\s*\((?P<note>[^()]*)\)")
_LABEL = re.compile(r"(?:^|(?<=[\s;,]))[A-Z][a-z]+(?: by)?\s*:\s*")
"""'Screenplay:', 'Dialogues:' or 'Written by:' inside a value introduces items; it is none."""
_OTHERS = re.compile(r"^(?:and\s+)?(?:others|et al)\.?$|^(?:and\s+)?(?:many\s+)?more\.?$", re.I)
_ET_AL = re.compile(r",?\s+(?:et al|and others)\.?$", re.IGNORECASE)
_WORD = re.compile(r"\S+")
_LOWER_START = re.compile(r"^[a-z]")
MIN_RUN_TOGETHER_WORDS = 4
"""A value of this many capitalised words with no separator may be several names run together."""
MIN_UNANCHORED_WORDS = 6
"""Without any name known from elsewhere, only this many words are worth a warning."""
MAX_NAME_WORDS = 3
"""A person's name in a credit list has at most this many words (without particles)."""


@dataclass(frozen=True, slots=True)
class CreditItem:
    """One person or company named in an infobox value, with any qualifier as a note."""

    name: str
    note: str | None = None


@dataclass(frozen=True, slots=True)
class CreditSplit:
    """The items of one value and what could not be split with certainty."""

    items: tuple[CreditItem, ...]
    unsure: bool = False


def _top_level_parts(value: str) -> list[str]:
    """Split on separators outside parentheses, keeping the separators' positions."""
    parts: list[str] = []
    depth = 0
    start = 0
    index = 0
    while index < len(value):
        char = value[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            match = _SEPARATOR.match(value, index)
            if match and match.end() > index:
                parts.append(value[start:index])
                parts.append(match.group(0))
                start = index = match.end()
                continue
        index += 1
    parts.append(value[start:])
    return parts


def _is_suffix(word: str) -> bool:
    """'Jr.', 'III', 'A.S.C.' or 'BSC': a suffix of the name before it, never an item."""
    return word_key(word) in NAME_SUFFIXES or bool(_DOTTED.match(word))


def _abbreviation(word: str) -> bool:
    return word_key(word) in _ABBREVIATIONS


def strip_trailing_period(text: str) -> str:
    """Drop separators and a sentence's full stop from the end, but not 'Jr.', 'Co.' or 'J.'."""
    text = text.strip(" ,;:-")
    last = text.split()[-1] if text else ""
    kept = _is_suffix(last) or _abbreviation(last) or _INITIAL.search(text)
    if text.endswith(".") and not kept:
        text = text[:-1].rstrip()
    return text


def _joins_company(left: str, separator: str, right: str) -> bool:
    """' and ' inside a company ('Acres and a Mule Works') or after one word joins; no split."""
    if not _AND.match(separator.strip()):
        return False
    right = right.strip()
    return not right or bool(_LOWER_START.match(right)) or len(left.split()) == 1


def _merge(parts: list[str]) -> list[str]:
    """Undo splits that break a company name or a suffix away from its person."""
    items: list[str] = [parts[0]]
    for separator, part in zip(parts[1::2], parts[2::2], strict=True):
        stripped = part.strip()
        if _joins_company(items[-1], separator, stripped):
            items[-1] = f"{items[-1]}{separator}{part}"
        elif stripped.startswith("(") or _is_suffix(_PAREN.sub("", stripped).strip()):
            items[-1] = f"{items[-1]} {stripped}" if stripped else items[-1]
        else:
            items.append(part)
    return items


def _clean(raw: str) -> CreditItem | None:
    """Strip labels and qualifiers from one item; None when nothing is left to name."""
    notes = [match.group("note").strip() for match in _PAREN.finditer(raw)]
    text = _PAREN.sub("", raw)
    text = strip_trailing_period(_ET_AL.sub("", text))
    if not text or _OTHERS.match(text):
        return None
    words = text.split()
    suffixes: list[str] = []
    while len(words) > 1 and _is_suffix(words[-1]):
        suffixes.insert(0, words.pop())
    generational = [s for s in suffixes if word_key(s) in GENERATIONAL_SUFFIXES]
    credentials = [s for s in suffixes if word_key(s) not in GENERATIONAL_SUFFIXES]
    name = " ".join(words + generational).strip(" ,")
    if not name or _OTHERS.match(name):
        return None
    note_parts = [n for n in (*credentials, *notes) if n]
    return CreditItem(name=name, note="; ".join(note_parts) or None)


def _is_name_word(word: str) -> bool:
    """Capitalised, or a particle: 'and' or 'a' between names means a company or a title."""
    return word[0].isupper() or word_key(word) in NAME_PARTICLES


def _known_runs(words: list[str], known: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of ``words`` that are names stated elsewhere in the document, longest first."""
    folded = [fold(word) for word in words]
    spans: list[tuple[int, int]] = []
    taken = [False] * len(words)
    for name in sorted({fold(n) for n in known}, key=lambda n: -len(n.split())):
        target = name.split()
        if len(target) < 2:
            continue
        for start in range(len(words) - len(target) + 1):
            end = start + len(target)
            if folded[start:end] == target and not any(taken[start:end]):
                spans.append((start, end))
                taken[start:end] = [True] * len(target)
    return sorted(spans)


def split_run_together(value: str, known: Iterable[str]) -> CreditSplit | None:
    """Split names written one after another without separators, using ``known`` names.

    Returns None when ``value`` does not look like several names run together. Words between
    known names become names of their own when they could be one (two or three capitalised
    words); the split is marked unsure when any part was not a known name.
    """
    words = _WORD.findall(value)
    if len(words) < MIN_RUN_TOGETHER_WORDS or not all(_is_name_word(w) for w in words):
        return None
    if word_key(words[-1]) in COMPANY_SUFFIXES:
        return None
    spans = _known_runs(words, known)
    if not spans:
        if len(words) < MIN_UNANCHORED_WORDS:
            return None
        return CreditSplit(items=(CreditItem(value),), unsure=True)
    names: list[str] = []
    unsure = False
    cursor = 0
    for start, end in [*spans, (len(words), len(words))]:
        gap = words[cursor:start]
        if gap:
            if len(gap) > MAX_NAME_WORDS or len(gap) < 2:
                return CreditSplit(items=(CreditItem(value),), unsure=True)
            names.append(" ".join(gap))
            unsure = True
        if start < end:
            names.append(" ".join(words[start:end]))
        cursor = end
    return CreditSplit(items=tuple(CreditItem(name) for name in names), unsure=unsure)


def split_credit(value: str) -> CreditSplit:
    """Split one infobox value into items: separators, suffixes, qualifiers, labels, companies."""
    merged = _merge(_top_level_parts(_LABEL.sub("; ", value)))
    items = [item for raw in merged if (item := _clean(raw)) is not None]
    return CreditSplit(items=tuple(items))
