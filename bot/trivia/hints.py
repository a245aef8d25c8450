"""Masked-answer hints: ``Jane Smith`` becomes ``J*** S****``, then ``J**e S**t*``."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = [
    "FIRST_LETTERS_LEVEL",
    "HINT_REVEAL_STRIDE",
    "MASK_CHAR",
    "MAX_HINT_LEVEL",
    "mask_answer",
]

MASK_CHAR: Final = "*"
"""What a hidden letter or digit is shown as."""

FIRST_LETTERS_LEVEL: Final = 1
"""The hint level that shows the first letter or digit of every word."""

MAX_HINT_LEVEL: Final = 2
"""The most revealing hint level; higher levels are treated as this one."""

HINT_REVEAL_STRIDE: Final = 3
"""At the top level every ``HINT_REVEAL_STRIDE``-th character of each word is shown."""

_WORD_SEPARATORS: Final = re.compile(r"([\s\-\u2010-\u2015/]+)")


def _maskable(char: str) -> bool:
    """Whether ``char`` is hidden by a hint (letters and digits are; punctuation is not)."""
    return char.isalnum()


def _revealed_in_word(word: str, level: int) -> set[int]:
    """Indices of the characters of one word that ``level`` shows."""
    positions = [index for index, char in enumerate(word) if _maskable(char)]
    if level < FIRST_LETTERS_LEVEL or not positions:
        return set()
    if level < MAX_HINT_LEVEL:
        return {positions[0]}
    return {position for rank, position in enumerate(positions) if rank % HINT_REVEAL_STRIDE == 0}


def mask_answer(answer: str, level: int) -> str:
    """Mask letters and digits of ``answer`` for hint ``level`` (0 hides all, 1, 2 show more)."""
    text = unicodedata.normalize("NFC", answer)
    level = min(level, MAX_HINT_LEVEL)
    parts = _WORD_SEPARATORS.split(text)
    revealed: list[tuple[int, int]] = []
    maskable_total = 0
    for part_index, part in enumerate(parts):
        if part_index % 2:
            continue
        maskable_total += sum(1 for char in part if _maskable(char))
        revealed.extend((part_index, index) for index in sorted(_revealed_in_word(part, level)))
    # A hint never gives the whole answer away (``M``, ``Up`` at a high level, ...).
    if revealed and len(revealed) == maskable_total:
        revealed.pop()
    shown = set(revealed)
    masked_parts = []
    for part_index, part in enumerate(parts):
        if part_index % 2:
            masked_parts.append(part)
            continue
        masked_parts.append(
            "".join(
                MASK_CHAR if _maskable(char) and (part_index, index) not in shown else char
                for index, char in enumerate(part)
            )
        )
    return "".join(masked_parts)
