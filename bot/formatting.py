"""Discord-safe text: limits, trimming at natural boundaries and spoiler tags that never break."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

__all__ = [
    "AUTOCOMPLETE_CHOICE_LIMIT",
    "AUTOCOMPLETE_NAME_LIMIT",
    "EMBED_DESCRIPTION_LIMIT",
    "EMBED_FIELD_LIMIT",
    "EMBED_FIELD_NAME_LIMIT",
    "EMBED_FIELD_VALUE_LIMIT",
    "EMBED_TITLE_LIMIT",
    "EMBED_TOTAL_LIMIT",
    "MESSAGE_LIMIT",
    "escape_markup",
    "escape_spoiler_bars",
    "join_capped",
    "split_message",
    "spoiler",
    "trim",
]

MESSAGE_LIMIT = 2000
EMBED_TITLE_LIMIT = 256
EMBED_DESCRIPTION_LIMIT = 4096
EMBED_FIELD_NAME_LIMIT = 256
EMBED_FIELD_VALUE_LIMIT = 1024
EMBED_FIELD_LIMIT = 25
EMBED_TOTAL_LIMIT = 6000
AUTOCOMPLETE_CHOICE_LIMIT = 25
AUTOCOMPLETE_NAME_LIMIT = 100

ELLIPSIS = "…"
SPOILER_TAG = "||"
_SENTENCE_END = re.compile(r"[.!?…](?:[\"')\]]*)\s")
_MIN_BOUNDARY_SHARE = 0.5
"""Cut at a sentence or word end only if it keeps at least this share of the room."""


_MARKUP: Final = re.compile(r"([\\*_~`|<\[\]])")
"""Characters Discord's markdown gives a meaning anywhere (a backslash before them is hidden)."""

_LINE_MARKUP: Final = re.compile(r"^(\s*)([#>-])", re.MULTILINE)
"""Headings, quotes and lists: markup only at the start of a line."""


_MASS_MENTION: Final = re.compile(r"@(everyone|here)")
"""Mentions without angle brackets; a zero-width space after the ``@`` keeps them plain text."""


def _defuse_mass_mentions(text: str) -> str:
    return _MASS_MENTION.sub("@\u200b\\1", text)


def escape_markup(text: str) -> str:
    """``text`` shown literally: no bold, italics, spoilers, code, headings, links or mentions."""
    escaped = _LINE_MARKUP.sub(r"\1\\\2", _MARKUP.sub(r"\\\1", text))
    return _defuse_mass_mentions(escaped)


def escape_spoiler_bars(text: str) -> str:
    """Escape ``||`` inside text so it can neither open nor close a spoiler tag (nor mention).

    Backslashes are escaped too: a text ending in a backslash would otherwise escape the
    closing tag's first bar and leave the spoiler open.
    """
    escaped = text.replace("\\", "\\\\")
    for char in "|<`":  # a code span opened inside a spoiler could swallow its closing tag
        escaped = escaped.replace(char, "\\" + char)
    return _defuse_mass_mentions(escaped)


def _cut_point(text: str, room: int) -> int:
    """Where to cut ``text`` to fit ``room`` characters: a sentence end, else a space."""
    window = text[: room + 1]
    floor = int(room * _MIN_BOUNDARY_SHARE)
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(window) if m.end() <= room]
    if sentence_ends and sentence_ends[-1] >= floor:
        return sentence_ends[-1]
    space = window.rfind(" ", 0, room + 1)
    if space >= floor:
        return space
    return room


def trim(text: str, limit: int) -> str:
    """Shorten ``text`` to at most ``limit`` characters, ending at a sentence or word boundary."""
    if len(text) <= limit:
        return text
    room = limit - len(ELLIPSIS)
    head = text[: _cut_point(text, room)].rstrip()
    if (len(head) - len(head.rstrip("\\"))) % 2:  # never keep half of an escape
        head = head[:-1]
    return head + ELLIPSIS


def spoiler(text: str) -> str:
    """Wrap ``text`` in spoiler tags (escaping any bars inside)."""
    return f"{SPOILER_TAG}{escape_spoiler_bars(text)}{SPOILER_TAG}"


def _pieces(text: str, room: int) -> list[str]:
    pieces = []
    rest = text.strip()
    while len(rest) > room:
        cut = _cut_point(rest, room)
        head = rest[:cut]
        backslashes = len(head) - len(head.rstrip("\\"))
        if backslashes % 2 and cut > 1:  # never separate an escape from what it escapes
            cut -= 1
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def split_message(
    text: str, *, hidden: bool = False, limit: int = MESSAGE_LIMIT
) -> tuple[str, ...]:
    """Split text into messages within ``limit``; with ``hidden`` each piece is its own spoiler.

    Cuts fall on sentence or word boundaries, and no spoiler tag ever spans two messages.
    """
    if not hidden:
        return tuple(_pieces(text, limit))
    escaped = escape_spoiler_bars(text)
    room = limit - 2 * len(SPOILER_TAG)
    return tuple(f"{SPOILER_TAG}{piece}{SPOILER_TAG}" for piece in _pieces(escaped, room))


MORE_TEMPLATE = "and {count} more"
"""How `join_capped` names the items it had no room for."""


def join_capped(items: Sequence[str], room: int, *, separator: str = ", ") -> str:
    """Join ``items`` within ``room`` characters, ending with "and N more" when some don't fit.

    Items are never cut; as many as fit are kept, in order, with room left for the summary.
    """
    joined = separator.join(items)
    if len(joined) <= room:
        return joined
    kept: list[str] = []
    used = 0
    for index, item in enumerate(items):
        rest = len(items) - index - 1
        summary = separator + MORE_TEMPLATE.format(count=rest) if rest else ""
        cost = (len(separator) if kept else 0) + len(item)
        if used + cost + len(summary) > room:
            break
        kept.append(item)
        used += cost
    more = MORE_TEMPLATE.format(count=len(items) - len(kept))
    return separator.join([*kept, more]) if kept else more
