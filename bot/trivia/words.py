"""Common English words, so the judge can tell a typo from a different word.

``Handy`` is one letter from the character ``Hardy`` but is a word of its own; a player typing
it means it.  The word list is the English frequency dictionary shipped with ``pyspellchecker``
(loaded once, on first use, about half a second; :func:`common_words` may be called early to
warm it).  Words seen at least ``MIN_COMMON_WORD_COUNT`` times count as common.
"""

from __future__ import annotations

from functools import cache
from typing import Final

from spellchecker import SpellChecker

from bot.text import fold

__all__ = ["MIN_COMMON_WORD_COUNT", "SPELLING_VARIANTS", "common_words", "is_other_word"]

MIN_COMMON_WORD_COUNT: Final = 100
"""Occurrences in the frequency list from which a word is common (``batty``: 538)."""

SPELLING_VARIANTS: Final = frozenset({frozenset({"gray", "grey"})})
"""Pairs of words one letter apart that are one word spelt two ways, never a different word."""


@cache
def common_words() -> frozenset[str]:
    """Every common English word, folded."""
    frequency = SpellChecker(language="en", distance=1).word_frequency
    return frozenset(
        fold(word) for word, count in frequency.items() if count >= MIN_COMMON_WORD_COUNT
    )


def is_other_word(guess: str, answer: str) -> bool:
    """Whether ``guess`` is a common word in its own right, not a spelling of ``answer``."""
    if guess == answer or frozenset({guess, answer}) in SPELLING_VARIANTS:
        return False
    return guess in common_words()
