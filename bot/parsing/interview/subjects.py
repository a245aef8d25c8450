"""Who an interview is with, as its introduction says ('We spoke with director Ada Pym')."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.names import GENERATIONAL_SUFFIXES, word_key

__all__ = ["intro_subjects"]

_CUE = re.compile(
    r"\b(?:sat down with|sits down with|spoke (?:with|to)|speaks (?:with|to)|talked (?:with|to)|"
    r"talks (?:with|to)|talking (?:with|to)|interview(?:ed|s)?(?: with)?|conversation with|"
    r"chatted with|chats with|caught up with|catches up with|met (?:up )?with|"
    r"guests? (?:today |this week )?(?:is|are)|joined by|joins us)\b",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[\w'.-]+|[,;:.!?()]")
_NAME_WORD = re.compile(r"^[A-Z][\w'-]*\.?$|^[A-Z]\.$")
_JOINERS = frozenset({"and", "&", ","})
_ROLE_WORDS = frozenset(
    {
        "the", "a", "an", "its", "his", "her", "their", "our", "film's", "films",
        "director", "directors", "filmmaker", "filmmakers", "writer", "writers",
        "screenwriter", "producer", "producers", "actor", "actors", "actress", "actresses",
        "star", "stars", "co-star", "composer", "cinematographer", "editor", "author",
        "novelist", "creator", "creators", "designer", "animator", "duo", "team",
        "writer-director", "documentarian", "comedian", "singer", "musician", "newcomer",
        "veteran", "young", "legendary", "acclaimed", "award-winning", "first-time",
    }
)  # fmt: skip
"""Words between a cue and a name that describe the person ('director', 'the actor')."""


def _is_suffix(word: str) -> bool:
    return word_key(word) in GENERATIONAL_SUFFIXES


def _names_after(tokens: list[str]) -> list[str]:
    names: list[str] = []
    current: list[str] = []
    for token in tokens:
        if _NAME_WORD.match(token) and token.rstrip(".").casefold() not in _ROLE_WORDS:
            current.append(token)
            if token.endswith(".") and len(token) > 2 and not _is_suffix(token):
                break  # a full stop after a word ends the sentence
            continue
        if current:
            names.append(" ".join(current))
            current = []
        if token.casefold() in _JOINERS or token.casefold() in _ROLE_WORDS:
            continue
        break
    if current:
        names.append(" ".join(current))
    return [name if _is_suffix(name.split()[-1]) else name.rstrip(".") for name in names]


def intro_subjects(paragraphs: Iterable[str]) -> tuple[str, ...]:
    """People named right after an interview cue in the introduction, in order."""
    found: list[str] = []
    for text in paragraphs:
        for cue in _CUE.finditer(text):
            names = _names_after(_TOKEN.findall(text[cue.end() :]))
            found.extend(name for name in names if len(name.split()) >= 2)
    return tuple(dict.fromkeys(found))
