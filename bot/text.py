"""Text normalisation shared by parsing, search and judging."""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

__all__ = ["FOLD_CACHE_SIZE", "fold", "index_terms", "normalize_typography", "strip_diacritics"]

FOLD_CACHE_SIZE: Final = 1 << 16
"""Folded strings kept in memory: question generation folds the same names many times."""

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u200b": "",
        "\ufeff": "",
    }
)
_SPACES = re.compile(r"[ \t]+")
_UNDECOMPOSED = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ħ": "h",
        "Ħ": "H",
        "ı": "i",
        "þ": "th",
        "Þ": "Th",
        "æ": "ae",
        "Æ": "Ae",
        "œ": "oe",
        "Œ": "Oe",
    }
)
"""Latin letters whose mark is part of the letter, so Unicode cannot decompose them."""


def normalize_typography(text: str) -> str:
    """Replace curly quotes, odd spaces and dashes with their plain ASCII forms."""
    return _SPACES.sub(" ", text.translate(_TYPOGRAPHY))


def strip_diacritics(text: str) -> str:
    """Remove accents and strokes: ``Zoë`` becomes ``Zoe``, ``Łukasz`` becomes ``Lukasz``."""
    decomposed = unicodedata.normalize("NFKD", text).translate(_UNDECOMPOSED)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=FOLD_CACHE_SIZE)
def fold(text: str) -> str:
    """Case-, accent- and typography-insensitive form of ``text`` for comparisons."""
    if text.isascii():  # nothing to translate or decompose: the common case, ~10x faster
        return _SPACES.sub(" ", text).casefold().strip()
    return strip_diacritics(normalize_typography(text)).casefold().strip()


_INDEX_TOKEN = re.compile(r"[^\W_]+")
"""Runs of letters and digits: what the full-text index's unicode61 tokenizer keeps."""


def index_terms(text: str) -> set[str]:
    """The distinct terms the quote index makes of ``text`` (folded, split like unicode61)."""
    return set(_INDEX_TOKEN.findall(fold(text)))
