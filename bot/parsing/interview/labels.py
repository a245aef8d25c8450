"""Speaker labels at the start of a paragraph: 'Name:', '**Name:**', 'HOST NAME, HOST:'."""

from __future__ import annotations

import re

from bot.parsing.speakers import looks_like_label

__all__ = ["label_only", "split_label", "strip_markup"]

_LABEL = re.compile(r"^(?P<label>[^:]{1,60}?)\s*:\s*(?P<rest>\S.*)$", re.DOTALL)
_LABEL_ONLY = re.compile(r"^[*_]*(?P<label>[^:]{1,60}?)\s*:[*_]*$")
_MARKUP = re.compile(r"[*_~`#>]+")
_OPENING_MARKUP = re.compile(r"^[*_]+")


def strip_markup(text: str) -> str:
    """The text without Markdown emphasis, heading or quote marks."""
    return _MARKUP.sub("", text).strip()


def split_label(text: str) -> tuple[str, str] | None:
    """The label and the rest of a labelled paragraph, or None when it has no label."""
    match = _LABEL.match(text)
    if match is None:
        return None
    raw_label, rest = match.group("label"), match.group("rest").strip()
    label = strip_markup(raw_label)
    if not looks_like_label(label):
        return None
    # '**Name:** text' puts the closing markup after the colon: it belongs to the label.
    opening = _OPENING_MARKUP.match(raw_label.strip())
    if opening and rest.startswith(opening.group(0)):
        rest = rest[len(opening.group(0)) :].strip()
    if not rest:
        return None
    return label, rest


def label_only(text: str) -> str | None:
    """The label of a paragraph that is nothing but a label ('DELPHINE MARR, HOST:')."""
    match = _LABEL_ONLY.match(text.strip())
    if match is None:
        return None
    label = strip_markup(match.group("label"))
    return label if looks_like_label(label) else None
