"""Qualifiers written beside a cast name: '(uncredited)', '(voice)', '(credited as X)'."""

from __future__ import annotations

import re

__all__ = ["split_qualifiers"]

_PAREN = re.compile(r"\s*[(\[](?P<note>[^()\[\]]*)[)\]]")


def split_qualifiers(text: str) -> tuple[str, str | None]:
    """The text without its parenthesised qualifiers, and the qualifiers joined as one note."""
    notes = [match.group("note").strip() for match in _PAREN.finditer(text)]
    bare = _PAREN.sub("", text).strip()
    note = "; ".join(note for note in notes if note) or None
    return bare, note
