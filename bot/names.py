"""Name knowledge in one place: titles, suffixes, particles, articles and company suffixes.

Splits a personal name into its parts and derives its surname, initials and the short forms
people use for it; strips leading articles and company suffixes.  Pure functions, no I/O.
Speaker labels (:mod:`bot.parsing.speakers`), cast lookup (:mod:`bot.services.cast`), trivia
aliases (:mod:`bot.trivia.aliases`) and the answer judge (:mod:`bot.trivia.judge`) all read
names through this module, so they agree on what a name's surname is.

Decisions:

* A surname keeps its particles (``Ann van Berg`` -> ``van Berg``, ``Rosa de la Vega`` ->
  ``de la Vega``); the first word is never a particle, so ``Del Hart`` has the surname ``Hart``.
* Titles are dropped only from the front, suffixes only from the end (after a comma or not),
  and never the last remaining word: ``Dr. Moss`` keeps ``Moss``, ``Sir`` stays ``Sir``.
* A name of one word (after titles and suffixes) has no surname; its word is its given name.
* A name written in a CJK script puts the family name first (``山田 太郎`` -> ``山田``).
* Initials are the first letter of every given-name and surname word, particles and each part
  of a hyphenated word included (``Ann Lee-Park`` -> ``ALP``, ``A.J. Moss`` -> ``AJM``); only
  letters with a case count, so names in scripts without case have no initials.
* Consumers differ on purpose in one way, an explicit parameter of :func:`name_forms`: a bare
  first name names a character or a cast entry (``first_name=True``) but not a real person in
  trivia, where many people share a first name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from bot.text import fold, normalize_typography

__all__ = [
    "CHARACTER_TITLES",
    "COMPANY_SUFFIXES",
    "GENERATIONAL_SUFFIXES",
    "HONORIFIC_SPELLINGS",
    "LEADING_ARTICLES",
    "MAX_INITIALS",
    "NAME_PARTICLES",
    "NAME_SUFFIXES",
    "PERSON_TITLES",
    "POST_NOMINALS",
    "SHORT_HONORIFICS",
    "NameParts",
    "company_core",
    "has_company_suffix",
    "initials",
    "is_capitalised",
    "is_proper_name",
    "name_forms",
    "read_initials",
    "split_name",
    "strip_company_suffix",
    "strip_leading_article",
    "surname",
    "word_key",
]

LEADING_ARTICLES: Final = frozenset({"the", "a", "an"})
"""Articles dropped from the start of titles and company names (folded)."""

SHORT_HONORIFICS: Final = frozenset({"dr", "mr", "mrs", "ms"})
"""Honorifics so common that a trivia guess may add or drop them freely (folded, no dot)."""

HONORIFIC_SPELLINGS: Final = {"doctor": "dr", "mister": "mr"}
"""Spelt-out honorifics and the short form the judge reads them as."""

PERSON_TITLES: Final = SHORT_HONORIFICS | frozenset({"miss", "mx", "prof", "sir", "dame"})
"""Titles dropped from the front of a real person's name (folded, without the dot)."""

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
"""Titles dropped from the front of a character's name: ranks and family words too."""

GENERATIONAL_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Suffixes telling apart people of one family (folded, without dots)."""

POST_NOMINALS: Final = frozenset(
    {"esq", "phd", "md", "asc", "bsc", "csc", "obe", "mbe", "cbe", "kbe", "dbe"}
    | {"ace", "acs", "aic", "gsc", "nzcs", "isc"}
)
"""Degrees, honours and guild letters written after a name (folded, without dots)."""

NAME_SUFFIXES: Final = GENERATIONAL_SUFFIXES | POST_NOMINALS
"""Everything dropped from the end of a personal name."""

NAME_PARTICLES: Final = frozenset(
    {"van", "von", "de", "del", "della", "der", "den", "di", "da", "du", "dos", "das", "des"}
    | {"la", "le", "ter", "ten", "bin", "ibn", "al", "el", "st"}
)
"""Particles that belong to the surname that follows them (compared folded)."""

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
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "plc",
        "gmbh",
        "corporation",
        "corp",
        "features",
        "releasing",
        "distribution",
        "media",
        "bros",
        "works",
        "filmworks",
        "group",
        "animation",
        "international",
    }
)
"""Trailing words dropped from a company's name to form its short name (folded, no dots)."""

MAX_INITIALS: Final = 4
"""Longest run of initials read as a speaker label (``J.R.R.T.``)."""

_NICKNAME: Final = re.compile(r'\s*"(?P<nick>[^"]+)"\s*')
_PARENTHETICAL: Final = re.compile(r"\s*\([^)]*\)")
_INITIALS: Final = re.compile(rf"^(?:[^\W\d_]\.?){{2,{MAX_INITIALS}}}$")
_FAMILY_NAME_FIRST_SCRIPTS: Final = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")


def word_key(word: str) -> str:
    """``word`` folded, without dots and commas, for comparing with the word lists here."""
    return fold(word).replace(".", "").strip(",")


def is_capitalised(word: str) -> bool:
    """Whether ``word`` starts with a letter that is not lowercase (scripts without case pass)."""
    return bool(word) and word[0].isalpha() and not word[0].islower()


@dataclass(frozen=True, slots=True)
class NameParts:
    """A personal name split into its parts; ``surname`` keeps its particles."""

    original: str
    titles: tuple[str, ...]
    given: tuple[str, ...]
    surname: str | None
    suffixes: tuple[str, ...]
    nickname: str | None
    family_first: bool = False

    @property
    def words(self) -> tuple[str, ...]:
        """Given names and surname words in written order, without titles, suffixes, nickname."""
        family = tuple(self.surname.split()) if self.surname else ()
        return (*family, *self.given) if self.family_first else (*self.given, *family)

    @property
    def full(self) -> str:
        """The name without titles, suffixes and nickname."""
        return " ".join(self.words)

    @property
    def first(self) -> str | None:
        """The first given name, when the name also has a surname."""
        return self.given[0] if self.surname is not None and self.given else None

    @property
    def short(self) -> str | None:
        """First given name and surname, without middle names, when the name has both."""
        if self.first is None or self.surname is None:
            return None
        pair = (self.surname, self.first) if self.family_first else (self.first, self.surname)
        return " ".join(pair)


def _family_name_first(words: list[str]) -> bool:
    """Whether every letter of ``words`` is in a script that writes the family name first."""
    letters = [ch for word in words for ch in word if ch.isalpha()]
    return bool(letters) and all(
        unicodedata.name(ch, "").startswith(_FAMILY_NAME_FIRST_SCRIPTS) for ch in letters
    )


def split_name(name: str, *, titles: frozenset[str] = PERSON_TITLES) -> NameParts:
    """Split ``name`` into titles, given names, surname (with particles), suffixes, nickname."""
    text = normalize_typography(name).strip()
    nickname: str | None = None
    match = _NICKNAME.search(text)
    if match:
        nickname = match.group("nick").strip() or None
        text = f"{text[: match.start()]} {text[match.end() :]}".strip()
    text = _PARENTHETICAL.sub("", text).strip()
    tokens = _words(text)
    start, end = 0, len(tokens)
    while end - start > 1 and word_key(tokens[start]) in titles:
        start += 1
    while end - start > 1 and word_key(tokens[end - 1]) in NAME_SUFFIXES:
        end -= 1
    core = tokens[start:end]
    given: list[str] = core
    family: str | None = None
    family_first = _family_name_first(core)
    if len(core) > 1 and family_first:
        given, family = core[1:], core[0]
    elif len(core) > 1:
        cut = len(core) - 1
        while cut > 1 and word_key(core[cut - 1]) in NAME_PARTICLES:
            cut -= 1
        given, family = core[:cut], " ".join(core[cut:])
    return NameParts(
        original=name.strip(),
        titles=tuple(tokens[:start]),
        given=tuple(given),
        surname=family,
        suffixes=tuple(tokens[end:]),
        nickname=nickname,
        family_first=family_first,
    )


def surname(name: str, *, titles: frozenset[str] = PERSON_TITLES) -> str | None:
    """The surname of ``name`` with its particles, or None for a single name."""
    return split_name(name, titles=titles).surname


def initials(name: str) -> str:
    """The initials of ``name`` in capitals (``Ann van Berg`` -> ``AVB``); empty if uncased."""
    letters: list[str] = []
    for word in split_name(name).words:
        for part in word.split("-"):
            dotted = [piece for piece in part.split(".") if piece]
            for piece in dotted if part.count(".") > 1 else dotted[:1]:
                letters.append(next((ch for ch in piece if ch.isalpha()), ""))
    if not all(letter and letter.upper() != letter.lower() for letter in letters):
        return ""
    return "".join(letters).upper()


def read_initials(label: str) -> str | None:
    """The letters of a label made only of capital initials (``J. K.`` -> ``JK``), else None."""
    compact = label.replace(" ", "")
    if not _INITIALS.match(compact) or not compact.isupper():
        return None
    return compact.replace(".", "")


def name_forms(
    name: str, *, titles: frozenset[str] = PERSON_TITLES, first_name: bool = False
) -> tuple[str, ...]:
    """``name``, then without titles/suffixes, first + surname, [first name], surname, nickname.

    ``first_name`` offers the bare first given name (a character's or a cast entry's), which
    trivia withholds for real people.  Forms are unique, in this order.  A name that starts
    with an article ('The Lantern Spirit') names a role, not a person with a first name and a
    surname: its only other form drops the article.
    """
    words = name.split()
    if len(words) > 1 and word_key(words[0]) in LEADING_ARTICLES:
        return tuple(dict.fromkeys((name, strip_leading_article(name))))
    parts = split_name(name, titles=titles)
    forms = [parts.original, parts.full, parts.short]
    if first_name:
        forms.append(parts.first)
    forms += [parts.surname, parts.nickname]
    return tuple(dict.fromkeys(form for form in forms if form))


def is_proper_name(name: str, *, titles: frozenset[str] = CHARACTER_TITLES) -> bool:
    """Whether ``name`` is a proper name: non-empty, no word (bar particles) lowercase."""
    words = split_name(name, titles=titles).words
    for word in words:
        if word_key(word) in NAME_PARTICLES:
            continue
        letter = next((char for char in word if char.isalpha()), None)
        if letter is not None and letter.islower():
            return False
    return bool(words)


def _words(text: str) -> list[str]:
    """``text`` split into words, commas around them dropped."""
    return [word for word in (raw.strip(",") for raw in normalize_typography(text).split()) if word]


def has_company_suffix(name: str) -> bool:
    """Whether ``name`` ends in a company word ('Everly Brothers Films'): a company, no person."""
    words = _words(name)
    return len(words) > 1 and word_key(words[-1]) in COMPANY_SUFFIXES


def strip_leading_article(text: str) -> str:
    """``text`` without a leading ``The``/``A``/``An``, unless nothing else would be left."""
    words = text.strip().split()
    if len(words) > 1 and word_key(words[0]) in LEADING_ARTICLES:
        return " ".join(words[1:])
    return text.strip()


def strip_company_suffix(name: str) -> str:
    """A company's name without trailing words like ``Pictures``, ``Inc.`` or ``Ltd.``.

    A name is never cut down to nothing or to a bare article: ``The Studio`` stays whole.
    """
    words = _words(name)
    kept = 2 if words and word_key(words[0]) in LEADING_ARTICLES else 1
    while len(words) > kept and word_key(words[-1]) in COMPANY_SUFFIXES:
        words.pop()
    return " ".join(words)


def company_core(name: str) -> str:
    """A company's name without a leading article and without suffix words (its short name)."""
    return strip_company_suffix(strip_leading_article(" ".join(_words(name))))
