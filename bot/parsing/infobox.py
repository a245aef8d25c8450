"""An article's infobox: '- Key: value' lines, nested items, and their values split."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.dates import DATE_KEYS, split_dates
from bot.models import InfoboxField
from bot.parsing.credits import CreditItem, split_credit, split_run_together
from bot.text import fold

__all__ = [
    "INFOBOX_LINE",
    "MONEY_KEYS",
    "RUNTIME_KEYS",
    "InfoboxDraft",
    "finish_infobox",
]

INFOBOX_LINE = re.compile(r"^[-*•]\s*(?P<key>[A-Za-z][\w .'/()-]{0,40}?)\s*:\s*(?P<value>.*)$")
RUNTIME_KEYS = frozenset({"runtime", "running time", "length"})
MONEY_KEYS = frozenset({"gross", "box office", "budget"})
_WHOLE_KEYS = RUNTIME_KEYS | MONEY_KEYS


@dataclass
class InfoboxDraft:
    """One infobox key with the raw items written for it (inline and nested lines)."""

    key: str
    line: int
    parts: list[str] = field(default_factory=list)


def _items(draft: InfoboxDraft) -> list[CreditItem]:
    key = draft.key.casefold()
    parts = [part for part in draft.parts if part.strip()]
    if key in _WHOLE_KEYS:
        return [CreditItem(" ".join(parts).strip())] if parts else []
    if key in DATE_KEYS:
        return [CreditItem(item) for part in parts for item in split_dates(part)]
    return [item for part in parts for item in split_credit(part).items]


def _split_run_together(
    source: str, draft: InfoboxDraft, items: list[CreditItem], known: list[str]
) -> tuple[list[CreditItem], list[str]]:
    result: list[CreditItem] = []
    warnings: list[str] = []
    for item in items:
        others = [name for name in known if fold(name) != fold(item.name)]
        split = split_run_together(item.name, others)
        if split is None:
            result.append(item)
            continue
        if len(split.items) == 1:
            warnings.append(
                f"{source}:{draft.line}: '{draft.key}' value '{item.name}' may be several names"
                " run together; separate them with commas"
            )
            result.append(item)
            continue
        if split.unsure:
            names = ", ".join(part.name for part in split.items)
            warnings.append(
                f"{source}:{draft.line}: '{draft.key}' value '{item.name}' was split into"
                f" {names}; check it, or separate the names with commas"
            )
        result.extend(split.items)
    return result, warnings


def _unique(items: list[CreditItem]) -> list[CreditItem]:
    """Each name once ('Screenplay: A  Story: B, A' credits A once), first note kept."""
    seen: dict[str, CreditItem] = {}
    for item in items:
        seen.setdefault(fold(item.name), item)
    return list(seen.values())


def finish_infobox(
    source: str, drafts: Iterable[InfoboxDraft], known: Iterable[str]
) -> tuple[tuple[InfoboxField, ...], tuple[str, ...]]:
    """Infobox fields with their values split, and warnings about values left unsure."""
    drafted = [(draft, _items(draft)) for draft in drafts]
    names = [*known, *(item.name for _, items in drafted for item in items)]
    names = [name for name in dict.fromkeys(names) if len(name.split()) >= 2]
    fields: list[InfoboxField] = []
    warnings: list[str] = []
    for draft, items in drafted:
        if draft.key.casefold() not in DATE_KEYS | _WHOLE_KEYS:
            items, found = _split_run_together(source, draft, items, names)
            warnings.extend(found)
            items = _unique(items)
        fields.append(
            InfoboxField(
                key=draft.key.strip(),
                values=tuple(item.name for item in items),
                line=draft.line,
                notes=tuple(item.note for item in items) if any(i.note for i in items) else (),
            )
        )
    return tuple(fields), tuple(warnings)
