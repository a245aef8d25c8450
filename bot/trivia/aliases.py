"""Accepted alternative answers: short forms of names, companies, titles and numbers.

Every function returns the given form first, then its aliases, without duplicates after
:func:`bot.text.fold`.  A short form (a surname, a first name, a company without its suffix) is
only offered when no other name in ``others`` has the same short form, so an alias never makes
an answer ambiguous within a film.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from bot.text import fold, normalize_typography

__all__ = [
    "CHARACTER_TITLES",
    "COMPANY_SUFFIXES",
    "LEADING_ARTICLES",
    "MONTH_NAMES",
    "NAME_PARTICLES",
    "NAME_SUFFIXES",
    "PERSON_TITLES",
    "character_aliases",
    "company_aliases",
    "hyphen_variants",
    "is_proper_name",
    "month_aliases",
    "number_aliases",
    "person_aliases",
    "short_forms",
    "surname_of",
    "title_aliases",
    "unique_folded",
]

PERSON_TITLES: Final = frozenset({"dr", "mr", "mrs", "ms", "miss", "prof", "sir", "dame"})
"""Honorifics dropped from a real person's name (compared folded, without the dot)."""

CHARACTER_TITLES: Final = PERSON_TITLES | frozenset(
    {
        "doctor",
        "professor",
        "lord",
        "lady",
        "captain",
        "capt",
        "colonel",
        "col",
        "general",
        "gen",
        "lieutenant",
        "lt",
        "sergeant",
        "sgt",
        "officer",
        "detective",
        "det",
        "agent",
        "judge",
        "father",
        "sister",
        "brother",
        "reverend",
        "rev",
        "uncle",
        "aunt",
        "king",
        "queen",
        "prince",
        "princess",
    }
)
"""Titles dropped from a character's name to form its short name."""

NAME_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv", "esq", "phd"})
"""Generational and academic suffixes dropped from names (folded, without the dot)."""

NAME_PARTICLES: Final = frozenset(
    {"van", "von", "de", "del", "della", "der", "den", "di", "da", "du", "dos", "das", "des"}
    | {"la", "le", "ter", "ten", "bin", "ibn", "al", "el", "st"}
)
"""Lowercase particles that belong to the surname that follows them."""

COMPANY_SUFFIXES: Final = frozenset(
    {
        "pictures",
        "picture",
        "films",
        "film",
        "studios",
        "studio",
        "productions",
        "production",
        "entertainment",
        "company",
        "co",
        "inc",
        "ltd",
        "llc",
        "corporation",
        "corp",
        "features",
        "releasing",
        "distribution",
        "media",
    }
)
"""Trailing words dropped from a company's name to form its short name."""

LEADING_ARTICLES: Final = frozenset({"the", "a", "an"})
"""Articles dropped from the start of titles and company names."""

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

_NICKNAME: Final = re.compile(r"""\s*["“”](?P<nick>[^"“”]+)["“”]\s*""")
_PARENTHETICAL: Final = re.compile(r"\s*\([^)]*\)")
_NUMBER: Final = re.compile(
    r"^(?P<currency>[$£€¥])?\s*(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>.*?)\s*$"
)
_MAGNITUDES: Final = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_MAGNITUDE_LETTERS: Final = {"thousand": "K", "million": "M", "billion": "B"}


@dataclass(frozen=True, slots=True)
class _Name:
    """A name split into its parts: titles and suffixes removed, nickname set aside."""

    original: str
    core: tuple[str, ...]
    surname: str | None
    nickname: str | None

    @property
    def full(self) -> str:
        """The name without titles, suffixes and nickname."""
        return " ".join(self.core)

    @property
    def first(self) -> str | None:
        """The first given name, when the name has a surname."""
        return self.core[0] if self.surname is not None else None


def _bare(token: str) -> str:
    """A token folded and without dots or commas, for comparing with the word lists."""
    return fold(token).strip(".,")


def _split_name(name: str, titles: frozenset[str]) -> _Name:
    """Split ``name`` into core tokens, surname and nickname."""
    text = normalize_typography(name).strip()
    nickname: str | None = None
    match = _NICKNAME.search(text)
    if match:
        nickname = match.group("nick").strip() or None
        text = f"{text[: match.start()]} {text[match.end() :]}".strip()
    text = _PARENTHETICAL.sub("", text).strip()
    tokens = [token.strip(",") for token in text.split()]
    tokens = [token for token in tokens if token]
    while len(tokens) > 1 and _bare(tokens[0]) in titles:
        tokens.pop(0)
    while len(tokens) > 1 and _bare(tokens[-1]) in NAME_SUFFIXES:
        tokens.pop()
    surname: str | None = None
    if len(tokens) > 1:
        start = len(tokens) - 1
        while start > 1 and _bare(tokens[start - 1]) in NAME_PARTICLES:
            start -= 1
        surname = " ".join(tokens[start:])
    return _Name(original=name.strip(), core=tuple(tokens), surname=surname, nickname=nickname)


def _is_proper_name(parts: _Name) -> bool:
    """Whether every word of the name is capitalised (``Man at the bar`` is not)."""
    for token in parts.core:
        if _bare(token) in NAME_PARTICLES:
            continue
        first = next((char for char in token if char.isalpha()), None)
        if first is not None and not first.isupper():
            return False
    return True


def is_proper_name(name: str) -> bool:
    """Whether ``name`` is a proper name: non-empty, every word (bar particles) capitalised."""
    parts = _split_name(name, CHARACTER_TITLES)
    return bool(parts.core) and _is_proper_name(parts)


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
    parts = _split_name(name, titles)
    forms = {parts.original, parts.full}
    forms.update(item for item in (parts.first, parts.surname, parts.nickname) if item)
    variants = {variant for form in forms for variant in hyphen_variants(form)}
    return frozenset(fold(form) for form in variants if fold(form))


def _taken(
    name: str, others: Iterable[str], titles: frozenset[str], *, surname_is_self: bool = False
) -> frozenset[str]:
    """Short forms of the other names; ``surname_is_self``: a bare surname is ``name`` itself."""
    # A bare surname among the others is usually an interview's speaker label (``Smith:``).
    parts = _split_name(name, titles)
    own = {fold(parts.full)}
    if surname_is_self and parts.surname is not None:
        own.add(fold(parts.surname))
    taken: set[str] = set()
    for other in others:
        if fold(_split_name(other, titles).full) in own:
            continue
        taken |= short_forms(other, titles=titles)
    return frozenset(taken)


def _with_unique(name: str, candidates: Iterable[str], taken: frozenset[str]) -> tuple[str, ...]:
    """``name`` followed by the candidates no other name shares, each with hyphen variants."""
    kept = [name]
    for candidate in candidates:
        if all(fold(variant) not in taken for variant in hyphen_variants(candidate)):
            kept.append(candidate)
    return unique_folded(variant for item in kept for variant in hyphen_variants(item))


def surname_of(name: str) -> str | None:
    """A real person's surname (with particles, without ``Jr.``), or None for a single name."""
    return _split_name(name, PERSON_TITLES).surname


def person_aliases(name: str, others: Iterable[str] = ()) -> tuple[str, ...]:
    """A person's name, then without titles/suffixes, first + last, surname (never first name)."""
    parts = _split_name(name, PERSON_TITLES)
    candidates = [parts.full]
    if parts.surname is not None:
        candidates.append(f"{parts.core[0]} {parts.surname}")
        candidates.append(parts.surname)
    if parts.nickname is not None:
        candidates.append(parts.nickname)
    taken = _taken(name, others, PERSON_TITLES, surname_is_self=True)
    return _with_unique(name.strip(), candidates, taken)


def character_aliases(name: str, others: Iterable[str] = ()) -> tuple[str, ...]:
    """A character's name, then no title, first + last, first name, surname (proper names only)."""
    parts = _split_name(name, CHARACTER_TITLES)
    if not _is_proper_name(parts):
        return unique_folded(hyphen_variants(name.strip()))
    candidates = [parts.full]
    if parts.surname is not None:
        candidates.append(f"{parts.core[0]} {parts.surname}")
        candidates.append(parts.core[0])
        candidates.append(parts.surname)
    if parts.nickname is not None:
        candidates.append(parts.nickname)
    return _with_unique(name.strip(), candidates, _taken(name, others, CHARACTER_TITLES))


def _strip_company(name: str) -> str:
    """A company's name without a leading article and without trailing suffix words."""
    tokens = [token.strip(",") for token in normalize_typography(name).split()]
    tokens = [token for token in tokens if token]
    if len(tokens) > 1 and _bare(tokens[0]) in LEADING_ARTICLES:
        tokens.pop(0)
    while len(tokens) > 1 and _bare(tokens[-1]) in COMPANY_SUFFIXES:
        tokens.pop()
    return " ".join(tokens)


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
    short = _strip_company(name)
    taken = {fold(_strip_company(other)) for other in others if fold(other) != fold(name)}
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
    for item in list(candidates):
        words = item.split()
        if len(words) > 1 and _bare(words[0]) in LEADING_ARTICLES:
            candidates.append(" ".join(words[1:]))
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
