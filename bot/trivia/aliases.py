"""Accepted alternative answers: short forms of names, companies, titles and numbers.

Every function returns the given form first, then its aliases, without duplicates after
:func:`bot.text.fold`.  A short form (a surname, a first name, a company without its suffix) is
only offered when no other name in ``others`` has the same short form, so an alias never makes
an answer ambiguous within a film.  What a name's parts and short forms are is
:mod:`bot.names`' business; this module only decides which of them to accept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final

from bot.names import (
    CHARACTER_TITLES,
    PERSON_TITLES,
    company_core,
    is_proper_name,
    name_forms,
    split_name,
    strip_leading_article,
)
from bot.text import fold, normalize_typography

__all__ = [
    "MONTH_NAMES",
    "ShortForms",
    "character_aliases",
    "company_aliases",
    "hyphen_variants",
    "month_aliases",
    "number_aliases",
    "person_aliases",
    "short_forms",
    "title_aliases",
    "unique_folded",
]

MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English month names, January first."""

MONTH_ABBREVIATION_LENGTH: Final = 3
"""Letters of a month's name used as its abbreviation (``Jul``)."""

_NUMBER: Final = re.compile(
    r"^(?P<currency>[$£€¥])?\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>.*?)\s*$"
)
_MAGNITUDES: Final = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_MAGNITUDE_LETTERS: Final = {"thousand": "K", "million": "M", "billion": "B"}


def hyphen_variants(text: str) -> tuple[str, ...]:
    """``text`` and, when it contains hyphens, the same with spaces instead."""
    spaced = re.sub(r"\s*-\s*", " ", text)
    return (text, spaced) if spaced != text else (text,)


def unique_folded(items: Iterable[str]) -> tuple[str, ...]:
    """``items`` without empty strings and without repeats after folding, order kept."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = fold(item)
        if key and key not in seen:
            seen.add(key)
            out.append(item.strip())
    return tuple(out)


def short_forms(name: str, *, titles: frozenset[str] = CHARACTER_TITLES) -> frozenset[str]:
    """Folded forms someone might type for ``name``: full, core, first name, surname, nickname."""
    forms = name_forms(name, titles=titles, first_name=True)
    variants = {variant for form in forms for variant in hyphen_variants(form)}
    return frozenset(fold(form) for form in variants if fold(form))


_NOBODY: Final[frozenset[str]] = frozenset()


class ShortForms:
    """Which names of a pool own each folded short form: built once, asked in constant time."""

    def __init__(self, names: Iterable[str], titles: frozenset[str]) -> None:
        self.titles = titles
        self._owners: dict[str, set[str]] = {}
        for name in names:
            full = fold(split_name(name, titles=titles).full)
            for form in short_forms(name, titles=titles):
                self._owners.setdefault(form, set()).add(full)

    def taken(self, name: str, *, surname_is_self: bool = False) -> Callable[[str], bool]:
        """Whether a folded form belongs to a name of the pool other than ``name``."""
        # A bare surname among the others is usually an interview's speaker label (``Smith:``).
        parts = split_name(name, titles=self.titles)
        own = {fold(parts.full)}
        if surname_is_self and parts.surname is not None:
            own.add(fold(parts.surname))
        return lambda form: bool(self._owners.get(form, _NOBODY) - own)


def _with_unique(
    name: str, candidates: Iterable[str], taken: Callable[[str], bool]
) -> tuple[str, ...]:
    """``name`` followed by the candidates no other name shares, each with hyphen variants."""
    kept = [name]
    for candidate in candidates:
        if not any(taken(fold(variant)) for variant in hyphen_variants(candidate)):
            kept.append(candidate)
    return unique_folded(variant for item in kept for variant in hyphen_variants(item))


def _pool(others: Iterable[str] | ShortForms, titles: frozenset[str]) -> ShortForms:
    """``others`` as an index (built here when given as plain names)."""
    return others if isinstance(others, ShortForms) else ShortForms(others, titles)


def person_aliases(name: str, others: Iterable[str] | ShortForms = ()) -> tuple[str, ...]:
    """A person's name, then without titles/suffixes, first + last, surname (never first name).

    Pass the film's people as a `ShortForms` index built once when asking for many names.
    """
    forms = name_forms(name, titles=PERSON_TITLES)
    taken = _pool(others, PERSON_TITLES).taken(name, surname_is_self=True)
    return _with_unique(name.strip(), forms[1:], taken)


def character_aliases(name: str, others: Iterable[str] | ShortForms = ()) -> tuple[str, ...]:
    """A character's name, then no title, first + last, first name, surname (proper names only)."""
    if not is_proper_name(name, titles=CHARACTER_TITLES):
        return unique_folded(hyphen_variants(name.strip()))
    forms = name_forms(name, titles=CHARACTER_TITLES, first_name=True)
    taken = _pool(others, CHARACTER_TITLES).taken(name)
    return _with_unique(name.strip(), forms[1:], taken)


def _ampersand_variants(text: str) -> tuple[str, ...]:
    """``text`` with ``&`` and ``and`` swapped, both ways."""
    variants = [text]
    if "&" in text:
        variants.append(re.sub(r"\s*&\s*", " and ", text))
    if re.search(r"\band\b", text):
        variants.append(re.sub(r"\s+and\s+", " & ", text))
    return tuple(variants)


def company_aliases(name: str, others: Iterable[str] = ()) -> tuple[str, ...]:
    """A company's name, then the same without leading article and suffixes like ``Pictures``."""
    short = company_core(name)
    taken = {fold(company_core(other)) for other in others if fold(other) != fold(name)}
    candidates = [name.strip()]
    if fold(short) not in taken:
        candidates.append(short)
    return unique_folded(
        hyphen_variant
        for candidate in candidates
        for variant in _ampersand_variants(candidate)
        for hyphen_variant in hyphen_variants(variant)
    )


def title_aliases(title: str) -> tuple[str, ...]:
    """A film's title, then without leading article, without subtitle, with ``&``/``and``."""
    title = title.strip()
    candidates = [title]
    main = re.split(r":\s| - ", title, maxsplit=1)[0].strip()
    if main:
        candidates.append(main)
    candidates += [strip_leading_article(item) for item in list(candidates)]
    return unique_folded(
        hyphen_variant
        for candidate in candidates
        for variant in _ampersand_variants(candidate)
        for hyphen_variant in hyphen_variants(variant)
    )


def _plain_number(value: float) -> str:
    """``value`` without a trailing ``.0`` and without thousands separators."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def number_aliases(text: str) -> tuple[str, ...]:
    """A figure as written (``$3.7 million``, ``85%``), then bare, ``percent``, ``M`` forms."""
    # No bare number for ``million`` and the like: ``3.7`` is another value than $3.7 million.
    text = normalize_typography(text).strip()
    match = _NUMBER.match(text)
    if match is None:
        return unique_folded([text])
    number = match.group("number")
    plain = number.replace(",", "")
    unit = match.group("unit")
    currency = match.group("currency") or ""
    magnitude = _MAGNITUDES.get(fold(unit))
    forms = [text] if magnitude is not None else [text, plain, number]
    if unit:
        forms.append(f"{plain} {unit}" if unit[0].isalpha() else f"{plain}{unit}")
    if unit == "%":
        forms.append(f"{plain} percent")
    if fold(unit) in {"minute", "minutes"}:
        forms.append(f"{plain} min")
    if magnitude is not None:
        letter = _MAGNITUDE_LETTERS[fold(unit)]
        forms.extend(
            (f"{currency}{plain}{letter}", f"{plain}{letter}", f"{currency}{plain} {unit}")
        )
        full = float(plain) * magnitude
        forms.extend((_plain_number(round(full)), f"{currency}{round(full):,}"))
    elif currency:
        forms.append(f"{currency}{plain}")
    return unique_folded(forms)


def month_aliases(month: int) -> tuple[str, ...]:
    """A month's name (1 = ``January``), then its abbreviation and number."""
    name = MONTH_NAMES[month - 1]
    return unique_folded((name, name[:MONTH_ABBREVIATION_LENGTH], str(month)))
