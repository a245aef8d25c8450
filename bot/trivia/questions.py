"""Trivia questions generated from a film's knowledge base, with no hand-written list.

Families: credits from the infobox, cast both ways, character descriptions, interview quote
attribution and numbers (year, month, runtime, box office, review scores).  Every question is
checked before it is kept: its text never contains one of its accepted answers, no two questions
have the same folded text, and multiple-choice questions have exactly four choices of which
exactly one is accepted and none is loosely similar to an accepted answer.  Output depends only
on the film: choices are ordered by a hash of the question text, never by a random generator.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Final

from rapidfuzz import fuzz

from bot.models import CastMember, DocumentKind, FilmRecord, Quote, Section
from bot.text import fold, normalize_typography
from bot.trivia.aliases import (
    CHARACTER_TITLES,
    COMPANY_SUFFIXES,
    LEADING_ARTICLES,
    MONTH_NAMES,
    PERSON_TITLES,
    character_aliases,
    company_aliases,
    is_proper_name,
    month_aliases,
    number_aliases,
    person_aliases,
    short_forms,
    surname_of,
    unique_folded,
)
from bot.trivia.models import Question, QuestionKind

__all__ = [
    "CHOICE_COUNT",
    "CREDIT_ROLES",
    "DISTRACTOR_COUNT",
    "MAX_DESCRIPTION_WORDS",
    "MAX_JOINT_CREDIT",
    "MAX_QUOTE_CHARS",
    "MIN_DESCRIPTION_WORDS",
    "MIN_NAME_TOKEN_LENGTH",
    "MIN_QUOTE_CHARS",
    "MONEY_FACTORS",
    "MONTH_OFFSETS",
    "PAIR",
    "RUNTIME_OFFSETS",
    "SCORE_OFFSET_FRACTIONS",
    "SIMILAR_NAME_RATIO",
    "YEAR_OFFSETS",
    "CreditRole",
    "generate_questions",
]

CHOICE_COUNT: Final = 4
"""Choices of a multiple-choice question: the canonical answer and the distractors."""

DISTRACTOR_COUNT: Final = CHOICE_COUNT - 1
"""Wrong choices a multiple-choice question needs; with fewer, choices are left empty."""

MAX_JOINT_CREDIT: Final = 3
"""Most names a joint credit answer (``A, B and C``) may list; more become "name one of"."""

MIN_QUOTE_CHARS: Final = 40
"""Shortest quote excerpt worth asking about, in characters."""

MAX_QUOTE_CHARS: Final = 180
"""Longest quote excerpt shown in a question, in characters."""

MIN_DESCRIPTION_WORDS: Final = 2
"""Fewest words a character description clause needs to be asked about."""

MAX_DESCRIPTION_WORDS: Final = 8
"""Most words a character description clause may have to be asked about."""

MIN_NAME_TOKEN_LENGTH: Final = 3
"""Shortest part of a speaker's name that disqualifies a quote mentioning it."""

SIMILAR_NAME_RATIO: Final = 85.0
"""Similarity (0-100) from which a distractor is too close to an accepted answer."""

YEAR_OFFSETS: Final = (-3, -2, -1, 1, 2, 3)
"""Candidate distractor offsets for a year, in years."""

MONTH_OFFSETS: Final = (-3, -2, -1, 1, 2, 3)
"""Candidate distractor offsets for a release month, in months (same year only)."""

RUNTIME_OFFSETS: Final = (-17, -11, -6, 5, 9, 14)
"""Candidate distractor offsets for a runtime, in minutes."""

MONEY_FACTORS: Final = (0.45, 0.65, 0.8, 1.3, 1.7, 2.4)
"""Candidate distractor factors for a sum of money."""

SCORE_OFFSET_FRACTIONS: Final = (-0.14, -0.09, -0.05, 0.04, 0.08, 0.13)
"""Candidate distractor offsets for a review score, as fractions of the score's scale."""

PERCENT_SCALE: Final = 100.0
"""Scale of percentages and of scores without a ``/N`` denominator above ``SMALL_SCALE``."""

SMALL_SCALE: Final = 10.0
"""Scale of scores such as ``7.2/10`` (assumed when a score is at most this)."""

SELF_ROLES: Final = frozenset({"himself", "herself", "themselves", "themself", "self"})
"""Character names meaning the actor plays themselves: no cast questions for these."""

QUOTE_OPENERS: Final = frozenset(
    {
        "and",
        "but",
        "so",
        "or",
        "because",
        "yes",
        "yeah",
        "yea",
        "no",
        "well",
        "oh",
        "absolutely",
        "exactly",
        "right",
        "also",
        "then",
        "that",
        "that's",
        "this",
        "it",
        "it's",
        "which",
        "he",
        "she",
        "they",
        "him",
        "her",
        "them",
    }
)
"""First words that make a quote depend on what came before it: such quotes are skipped."""

MONTHS_PER_YEAR: Final = 12
"""Months in a year."""

PAIR: Final = 2
"""Size of a two-person credit, which also gets "who co-directed with" questions."""


class _Entity(Enum):
    """What an answer names; decides how distractors are compared with it."""

    PERSON = "person"
    CHARACTER = "character"
    COMPANY = "company"
    NUMBER = "number"


@dataclass(frozen=True, slots=True)
class CreditRole:
    """How to ask about one infobox credit; templates use ``{title}`` and ``{partner}``."""

    keys: tuple[str, ...]
    company: bool
    single: str
    joint: str
    partner: str
    one_of: str


CREDIT_ROLES: Final = (
    CreditRole(
        keys=("director", "directors", "directed by"),
        company=False,
        single="Who directed {title}?",
        joint="Who directed {title}?",
        partner="Who co-directed {title} with {partner}?",
        one_of="Name one of the directors of {title}.",
    ),
    CreditRole(
        keys=("writer", "writers", "written by", "screenplay", "screenplay by"),
        company=False,
        single="Who wrote {title}?",
        joint="Who wrote {title}?",
        partner="Who co-wrote {title} with {partner}?",
        one_of="Name one of the writers of {title}.",
    ),
    CreditRole(
        keys=("producer", "producers", "produced by"),
        company=False,
        single="Who produced {title}?",
        joint="Who produced {title}?",
        partner="Who produced {title} together with {partner}?",
        one_of="Name one of the producers of {title}.",
    ),
    CreditRole(
        keys=("music", "music by", "composer", "score", "score by"),
        company=False,
        single="Who composed the music for {title}?",
        joint="Who composed the music for {title}?",
        partner="Who composed the music for {title} together with {partner}?",
        one_of="Name one of the composers of the music for {title}.",
    ),
    CreditRole(
        keys=("cinematography", "cinematographer", "director of photography"),
        company=False,
        single="Who was the cinematographer of {title}?",
        joint="Who were the cinematographers of {title}?",
        partner="Who shared the cinematography of {title} with {partner}?",
        one_of="Name one of the cinematographers of {title}.",
    ),
    CreditRole(
        keys=("editing", "edited by", "editor", "film editing"),
        company=False,
        single="Who edited {title}?",
        joint="Who edited {title}?",
        partner="Who edited {title} together with {partner}?",
        one_of="Name one of the editors of {title}.",
    ),
    CreditRole(
        keys=("distributor", "distributors", "distributed by"),
        company=True,
        single="Which company distributed {title}?",
        joint="Which companies distributed {title}?",
        partner="Which company distributed {title} together with {partner}?",
        one_of="Name one of the companies that distributed {title}.",
    ),
    CreditRole(
        keys=("studio", "studios", "production company", "production companies"),
        company=True,
        single="Which production company made {title}?",
        joint="Which production companies made {title}?",
        partner="Which production company made {title} together with {partner}?",
        one_of="Name one of the production companies of {title}.",
    ),
)
"""Infobox credits asked about; keys are compared folded, other keys are skipped."""

_ROLE_BY_KEY: Final = {key: role for role in CREDIT_ROLES for key in role.keys}
_STARRING_KEYS: Final = frozenset({"starring", "cast"})
_MONEY_QUESTIONS: Final = {
    "gross": "How much did {title} gross at the box office?",
    "box office": "How much did {title} gross at the box office?",
    "worldwide gross": "How much did {title} gross at the box office?",
    "budget": "What was the budget of {title}?",
}
_SCORE_PHRASES: Final = (
    ("approval", "approval rating"),
    ("metascore", "score"),
    ("weighted", "score"),
    ("score", "score"),
    ("average", "average rating"),
)
_JOINT_SEPARATOR: Final = re.compile(r",\s*|\s+(?:and|&)\s+")
_FIGURE: Final = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SENTENCE_END: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z'\"])")
_CLAUSE_END: Final = re.compile(
    r"[,;:(]|(?<!\bDr)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bSt)\.(?:\s|$)|\s[-–—]\s"
    r"|\s+(?:(?:in|to|with|for|of|from|by|on|at|about|through)\s+)?"
    r"(?:who|whom|whose|which|that|where|when)\b",
    re.IGNORECASE,
)
_WORD: Final = re.compile(r"[\w']+")


# --------------------------------------------------------------------------- helpers


def _hash_key(seed: str, item: str) -> str:
    """A stable pseudo-random sort key for ``item`` within the question ``seed``."""
    return hashlib.sha256(f"{fold(seed)}\x00{fold(item)}".encode()).hexdigest()


def _spaced(text: str) -> str:
    """Folded ``text`` with hyphens as spaces, for word-level comparisons."""
    return re.sub(r"\s+", " ", fold(text).replace("-", " ")).strip()


def _mentions(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words, ignoring case, accents, hyphens."""
    needle = _spaced(phrase)
    if not needle:
        return False
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", _spaced(text)) is not None


def _joined(names: Sequence[str]) -> str:
    """``A``, ``A and B`` or ``A, B and C``."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _members(answer: str) -> tuple[str, ...]:
    """The names a joint answer lists (``A and B`` gives ``A``, ``B``)."""
    return tuple(part for part in _JOINT_SEPARATOR.split(answer) if part.strip())


def _name_keys(name: str, entity: _Entity) -> frozenset[str]:
    """Folded short forms of a (possibly joint) name, for the loose similarity check."""
    if entity is _Entity.COMPANY:
        return frozenset({_spaced(name), _spaced(_company_core(name))})
    titles = PERSON_TITLES if entity is _Entity.PERSON else CHARACTER_TITLES
    keys: set[str] = set()
    for member in _members(name) or (name,):
        keys |= {_spaced(form) for form in short_forms(member, titles=titles)}
    return frozenset(keys)


def _company_core(name: str) -> str:
    """A company's name without leading article and suffix words, for comparisons."""
    words = [word.strip(",.") for word in fold(name).split()]
    if len(words) > 1 and words[0] in LEADING_ARTICLES:
        words.pop(0)
    while len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
        words.pop()
    return " ".join(words)


def _figure(text: str) -> float | None:
    """The first number written in ``text``."""
    match = _FIGURE.search(text)
    return float(match.group().replace(",", "")) if match else None


def _loosely_equal(first: str, second: str, entity: _Entity) -> bool:
    """Whether a player could mistake ``first`` for ``second`` (or a judge confuse them)."""
    if _spaced(first) == _spaced(second):
        return True
    if entity is _Entity.NUMBER:
        figures = (_figure(first), _figure(second))
        return figures[0] is not None and figures[0] == figures[1]
    if _name_keys(first, entity) & _name_keys(second, entity):
        return True
    return fuzz.ratio(_spaced(first), _spaced(second)) >= SIMILAR_NAME_RATIO


def _renumber(text: str, value: float) -> str:
    """``text`` with its first number replaced by ``value``, written in the same style."""
    match = _FIGURE.search(text)
    if match is None:
        return text
    written = match.group()
    decimals = len(written.split(".")[1]) if "." in written else 0
    grouping = "," if "," in written else ""
    new = f"{value:{grouping}.{decimals}f}"
    return f"{text[: match.start()]}{new}{text[match.end() :]}"


@dataclass(frozen=True, slots=True)
class _Draft:
    """A question before its choices are picked and it is checked."""

    text: str
    answers: tuple[str, ...]
    kind: QuestionKind
    spoiler: bool
    source: str
    entity: _Entity
    pools: tuple[tuple[str, ...], ...]


# --------------------------------------------------------------------------- film context


@dataclass(frozen=True, slots=True)
class _Film:
    """The film plus the name pools the generator draws answers and distractors from."""

    record: FilmRecord
    article: str
    crew: tuple[str, ...]
    actors: tuple[str, ...]
    speakers: tuple[str, ...]
    characters: tuple[str, ...]
    companies: tuple[str, ...]

    @property
    def people(self) -> tuple[str, ...]:
        """Every real person named in the film's data."""
        return unique_folded((*self.crew, *self.actors, *self.speakers))

    def person_answers(self, name: str) -> tuple[str, ...]:
        """A person's name and aliases, short forms unique among the film's people."""
        return person_aliases(name, self.people)

    def character_answers(self, name: str) -> tuple[str, ...]:
        """A character's name and aliases, short forms unique among the film's characters."""
        return character_aliases(name, self.characters)

    def company_answers(self, name: str) -> tuple[str, ...]:
        """A company's name and aliases, short forms unique among the film's companies."""
        return company_aliases(name, self.companies)

    def section_source(self, section: Section | None, fallback: str) -> str:
        """``document § heading`` for a section of the article."""
        return f"{self.article} § {section.title if section else fallback}"


def _article_name(film: FilmRecord) -> str:
    """File name of the film's article (the source of kind ARTICLE), else of any source."""
    for source in film.sources:
        if source.kind is DocumentKind.ARTICLE:
            return source.name
    return film.sources[0].name if film.sources else film.slug


def _is_proper(character: str) -> bool:
    """Whether a character has a real name (not ``Man at the bar`` or ``Himself``)."""
    return fold(character) not in SELF_ROLES and is_proper_name(character)


def _context(film: FilmRecord) -> _Film:
    """Gather the film's name pools, in document order."""
    crew: list[str] = []
    companies: list[str] = []
    starring: list[str] = []
    for item in film.infobox:
        key = fold(item.key)
        role = _ROLE_BY_KEY.get(key)
        if role is not None:
            (companies if role.company else crew).extend(item.values)
        elif key in _STARRING_KEYS:
            starring.extend(item.values)
    actors = [member.actor for member in film.cast] + starring
    speakers = [speaker for quote in film.quotes for speaker in quote.speakers]
    return _Film(
        record=film,
        article=_article_name(film),
        crew=unique_folded(crew),
        actors=unique_folded(actors),
        speakers=unique_folded(speakers),
        characters=unique_folded(member.character for member in film.cast),
        companies=unique_folded(companies),
    )


def _section(
    film: FilmRecord, *, title: str | None = None, text: str | None = None
) -> Section | None:
    """The first section with this heading (folded) or containing this text."""
    for section in film.sections:
        if title is not None and fold(section.title) == fold(title):
            return section
        if text is not None and fold(text) in fold(section.text):
            return section
    return None


# --------------------------------------------------------------------------- credits


def _credit_drafts(ctx: _Film) -> Iterator[_Draft]:
    """Who directed, wrote, produced, scored, shot, edited, distributed and made the film."""
    film = ctx.record
    for item in film.infobox:
        role = _ROLE_BY_KEY.get(fold(item.key))
        values = unique_folded(item.values)
        if role is not None and values:
            yield from _role_drafts(ctx, role, values)


def _role_drafts(ctx: _Film, role: CreditRole, values: tuple[str, ...]) -> Iterator[_Draft]:
    """The questions about one credit: single, joint or "name one of", and partner questions."""
    title = ctx.record.title
    entity = _Entity.COMPANY if role.company else _Entity.PERSON
    answers_of = ctx.company_answers if role.company else ctx.person_answers
    singles = (ctx.companies,) if role.company else (ctx.crew, ctx.actors)

    def draft(text: str, answers: Iterable[str], pools: Sequence[Sequence[str]]) -> _Draft:
        return _Draft(
            text=text,
            answers=unique_folded(answers),
            kind=QuestionKind.CREDIT,
            spoiler=False,
            source=f"{ctx.article} § Infobox",
            entity=entity,
            pools=tuple(tuple(pool) for pool in pools),
        )

    if len(values) == 1:
        yield draft(role.single.format(title=title), answers_of(values[0]), singles)
        return
    if len(values) <= MAX_JOINT_CREDIT:
        groups = [
            unique_folded(item.values)
            for item in ctx.record.infobox
            if (other := _ROLE_BY_KEY.get(fold(item.key))) is not None
            and other.company == role.company
        ]
        yield draft(
            role.joint.format(title=title),
            _joint_answers(values, answers_of, company=role.company, others=ctx.people),
            _joint_pools(values, groups, singles, entity, role.joint),
        )
    else:
        answers = [alias for value in values for alias in answers_of(value)]
        yield draft(role.one_of.format(title=title), answers, singles)
    if len(values) == PAIR:
        for target, partner in (values, values[::-1]):
            text = role.partner.format(title=title, partner=partner)
            yield draft(text, answers_of(target), singles)


def _joint_answers(
    values: Sequence[str],
    answers_of: Callable[[str], tuple[str, ...]],
    *,
    company: bool,
    others: Sequence[str],
) -> tuple[str, ...]:
    """``A and B`` first, then the other order, surnames only, and each name on its own."""
    forms = [_joined(values)]
    if len(values) == PAIR:
        forms.append(_joined(values[::-1]))
    if not company:
        surnames = [surname_of(value) for value in values]
        unique = all(
            surname is not None and surname in person_aliases(value, others)
            for surname, value in zip(surnames, values, strict=True)
        )
        if unique:
            short = [surname for surname in surnames if surname is not None]
            forms.append(_joined(short))
            if len(short) == PAIR:
                forms.append(_joined(short[::-1]))
    forms.extend(alias for value in values for alias in answers_of(value))
    return unique_folded(forms)


def _joint_pools(
    values: Sequence[str],
    groups: Sequence[Sequence[str]],
    singles: Sequence[Sequence[str]],
    entity: _Entity,
    seed: str,
) -> tuple[tuple[str, ...], ...]:
    """Distractors for a joint credit: other credits of the same size, then made-up groups."""
    size = len(values)
    natural = [_joined(group) for group in groups if len(group) == size]
    pool = unique_folded(name for single in singles for name in single)
    outsiders = [
        name
        for name in sorted(pool, key=lambda name: _hash_key(seed, name))
        if not any(_loosely_equal(name, value, entity) for value in values)
    ]
    made_up = [
        _joined(outsiders[start : start + size])
        for start in range(0, len(outsiders) - size + 1, size)
    ]
    return (tuple(natural), tuple(made_up))


# --------------------------------------------------------------------------- cast


def _cast_source(ctx: _Film) -> tuple[str, bool]:
    """Where cast lines come from and whether that section is a spoiler."""
    section = _section(ctx.record, title="Cast")
    return ctx.section_source(section, "Cast"), bool(section and section.spoiler)


def _cast_drafts(ctx: _Film) -> Iterator[_Draft]:
    """``Who plays <character>?`` and ``Whom does <actor> play?`` for unambiguous pairs."""
    film = ctx.record
    source, section_spoiler = _cast_source(ctx)
    members = [
        member for member in film.cast if member.actor.strip() and _is_proper(member.character)
    ]
    actors_of: dict[str, set[str]] = {}
    characters_of: dict[str, set[str]] = {}
    for member in film.cast:
        actors_of.setdefault(_spaced(member.character), set()).add(_spaced(member.actor))
        characters_of.setdefault(_spaced(member.actor), set()).add(_spaced(member.character))
    proper_characters = tuple(unique_folded(member.character for member in members))
    for member in members:
        spoiler = member.spoiler or section_spoiler
        if len(actors_of[_spaced(member.character)]) == 1:
            yield _Draft(
                text=f"Who plays {member.character} in {film.title}?",
                answers=ctx.person_answers(member.actor),
                kind=QuestionKind.ACTOR,
                spoiler=spoiler,
                source=source,
                entity=_Entity.PERSON,
                pools=(ctx.actors,),
            )
        if len(characters_of[_spaced(member.actor)]) == 1:
            yield _Draft(
                text=f"Whom does {member.actor} play in {film.title}?",
                answers=ctx.character_answers(member.character),
                kind=QuestionKind.CHARACTER,
                spoiler=spoiler,
                source=source,
                entity=_Entity.CHARACTER,
                pools=(proper_characters,),
            )


def _clause(description: str) -> str:
    """The first clause of a description: up to the first comma, ``who``, ``whom``, ..."""
    text = normalize_typography(description).strip()
    match = _CLAUSE_END.search(text)
    return (text[: match.start()] if match else text).strip(" .")


def _distinctive(clause: str, character_words: frozenset[str]) -> bool:
    """Whether a clause points at one person: definite, possessive or naming a character."""
    words = clause.split()
    if not MIN_DESCRIPTION_WORDS <= len(words) <= MAX_DESCRIPTION_WORDS:
        return False
    if fold(words[0]) == "the" or "'s" in fold(clause):
        return True
    return any(fold(word.strip("'")) in character_words for word in _WORD.findall(clause))


def _description_drafts(ctx: _Film) -> Iterator[_Draft]:
    """``In <title>, who plays <first clause of the character's description>?``."""
    film = ctx.record
    source, section_spoiler = _cast_source(ctx)
    character_words = frozenset(
        fold(word)
        for character in ctx.characters
        for word in _WORD.findall(character)
        if word[0].isupper() and len(word) >= MIN_NAME_TOKEN_LENGTH
    )
    clauses: dict[str, list[CastMember]] = {}
    for member in film.cast:
        if member.description and member.actor.strip():
            clause = _clause(member.description)
            clauses.setdefault(_spaced(clause), []).append(member)
    for members in clauses.values():
        if len({_spaced(member.actor) for member in members}) != 1:
            continue  # the same clause describes two people: ambiguous
        member = members[0]
        clause = _clause(member.description or "")
        if not _distinctive(clause, character_words):
            continue
        if any(_mentions(clause, alias) for alias in ctx.character_answers(member.character)):
            continue  # names the character: that is the plain cast question again
        first, _, rest = clause.partition(" ")
        if fold(first) in LEADING_ARTICLES:
            clause = f"{first.lower()} {rest}"
        yield _Draft(
            text=f"In {film.title}, who plays {clause}?",
            answers=ctx.person_answers(member.actor),
            kind=QuestionKind.DESCRIPTION,
            spoiler=member.spoiler or section_spoiler,
            source=source,
            entity=_Entity.PERSON,
            pools=(ctx.actors,),
        )


# --------------------------------------------------------------------------- quotes


def _excerpt(text: str) -> str | None:
    """A short, self-contained opening of a quote, or None when there is none."""
    text = normalize_typography(text).strip().replace('"', "'")
    if "[" in text or not text[:1].isupper():
        return None
    excerpt = ""
    for sentence in _SENTENCE_END.split(text):
        candidate = f"{excerpt} {sentence}".strip()
        if len(candidate) > MAX_QUOTE_CHARS:
            break
        excerpt = candidate
    if len(excerpt) < MIN_QUOTE_CHARS or excerpt.endswith("...") or excerpt[-1] not in ".!?":
        return None
    opener = _WORD.match(excerpt)
    if opener is None or fold(opener.group()) in QUOTE_OPENERS:
        return None
    return excerpt


def _names_speaker(excerpt: str, speaker: str, answers: Iterable[str]) -> bool:
    """Whether the excerpt names its speaker (any alias or any longer part of the name)."""
    parts = [word for word in _WORD.findall(speaker) if len(word) >= MIN_NAME_TOKEN_LENGTH]
    return any(_mentions(excerpt, item) for item in (*answers, *parts))


def _quote_drafts(ctx: _Film) -> Iterator[_Draft]:
    """``Who said: "..."?`` for short, self-contained quotes with a single speaker."""
    film = ctx.record
    quote: Quote
    for quote in film.quotes:
        if len(quote.speakers) != 1:
            continue
        speaker = quote.speakers[0]
        excerpt = _excerpt(quote.text)
        answers = ctx.person_answers(speaker)
        if excerpt is None or _names_speaker(excerpt, speaker, answers):
            continue
        yield _Draft(
            text=f'In an interview about {film.title}, who said: "{excerpt}"?',
            answers=answers,
            kind=QuestionKind.QUOTE,
            spoiler=quote.spoiler,
            source=f"{quote.source} § line {quote.line}",
            entity=_Entity.PERSON,
            pools=(ctx.speakers, ctx.crew, ctx.actors),
        )


# --------------------------------------------------------------------------- numbers


def _number_draft(
    text: str,
    answer: str,
    aliases: Iterable[str],
    choices: Iterable[str],
    source: str,
    spoiler: bool,
) -> _Draft:
    """A NUMBER question; ``choices`` are candidate distractors."""
    return _Draft(
        text=text,
        answers=unique_folded((answer, *aliases)),
        kind=QuestionKind.NUMBER,
        spoiler=spoiler,
        source=source,
        entity=_Entity.NUMBER,
        pools=(tuple(choices),),
    )


def _score_scale(text: str, value: float) -> float:
    """The top of a review score's scale: ``/N`` if written, else 10 or 100."""
    match = re.search(r"/\s*(\d+(?:\.\d+)?)", text)
    if match:
        return float(match.group(1))
    if "%" in text or value > SMALL_SCALE:
        return PERCENT_SCALE
    return SMALL_SCALE


def _number_drafts(ctx: _Film) -> Iterator[_Draft]:
    """Release year and month, runtime, box office and review scores."""
    film = ctx.record
    title = film.title
    infobox = f"{ctx.article} § Infobox"
    year = film.release_date.year if film.release_date else film.year
    if year is not None:
        yield _number_draft(
            f"In what year was {title} released?",
            str(year),
            (),
            (str(year + offset) for offset in YEAR_OFFSETS),
            infobox,
            spoiler=False,
        )
    if film.release_date is not None:
        month = film.release_date.month
        others = (
            MONTH_NAMES[month + offset - 1]
            for offset in MONTH_OFFSETS
            if 1 <= month + offset <= MONTHS_PER_YEAR
        )
        yield _number_draft(
            f"In which month of {film.release_date.year} was {title} released?",
            MONTH_NAMES[month - 1],
            (*month_aliases(month), f"{MONTH_NAMES[month - 1]} {film.release_date.year}"),
            others,
            infobox,
            spoiler=False,
        )
    if film.runtime_minutes is not None:
        minutes = film.runtime_minutes
        answer = f"{minutes} minutes"
        yield _number_draft(
            f"How long is {title}, in minutes?",
            answer,
            number_aliases(answer),
            (f"{minutes + offset} minutes" for offset in RUNTIME_OFFSETS if minutes + offset > 0),
            infobox,
            spoiler=False,
        )
    for figure in film.money:
        template = _MONEY_QUESTIONS.get(fold(figure.key))
        written = _figure(figure.text)
        if template is None or written is None:
            continue
        in_infobox = any(fold(item.key) == fold(figure.key) for item in film.infobox)
        section = None if in_infobox else _section(film, text=figure.text)
        yield _number_draft(
            template.format(title=title),
            figure.text,
            number_aliases(figure.text),
            (_renumber(figure.text, written * factor) for factor in MONEY_FACTORS),
            ctx.section_source(section, "Infobox"),
            spoiler=bool(section and section.spoiler),
        )
    for score in film.reviews:
        written = _figure(score.text)
        if written is None:
            continue
        phrase = next((label for word, label in _SCORE_PHRASES if word in fold(score.metric)), None)
        if phrase is None:  # counts of reviews are not scores worth asking about
            continue
        scale = _score_scale(score.text, written)
        candidates = (
            _renumber(score.text, written + fraction * scale)
            for fraction in SCORE_OFFSET_FRACTIONS
            if 0 <= written + fraction * scale <= scale
        )
        section = _section(film, text=score.text)
        yield _number_draft(
            f"What is the {phrase} of {title} on {score.aggregator}?",
            score.text,
            number_aliases(score.text),
            candidates,
            ctx.section_source(section, "Reception"),
            spoiler=bool(section and section.spoiler),
        )


# --------------------------------------------------------------------------- assembly


def _choices(draft: _Draft, answers: tuple[str, ...]) -> tuple[str, ...]:
    """The canonical answer and three distractors in hash order, or () if too few exist."""
    picked: list[str] = []
    for pool in draft.pools:
        for candidate in sorted(unique_folded(pool), key=lambda item: _hash_key(draft.text, item)):
            if len(picked) == DISTRACTOR_COUNT:
                break
            if any(_loosely_equal(candidate, answer, draft.entity) for answer in answers):
                continue
            if any(_spaced(candidate) == _spaced(other) for other in picked):
                continue
            if draft.entity is not _Entity.NUMBER and _mentions(draft.text, candidate):
                continue
            picked.append(candidate)
    if len(picked) < DISTRACTOR_COUNT:
        return ()
    return tuple(sorted((answers[0], *picked), key=lambda item: _hash_key(draft.text, item)))


def _sound(question: Question) -> bool:
    """The rules every generated question obeys (text, answers and choices)."""
    if not question.answers or any(_mentions(question.text, answer) for answer in question.answers):
        return False
    if not question.choices:
        return True
    accepted = {_spaced(answer) for answer in question.answers}
    folded = [_spaced(choice) for choice in question.choices]
    return (
        len(question.choices) == CHOICE_COUNT
        and len(set(folded)) == CHOICE_COUNT
        and sum(choice in accepted for choice in folded) == 1
        and _spaced(question.answer) in folded
    )


def generate_questions(film: FilmRecord) -> tuple[Question, ...]:
    """Every question the film's knowledge base supports, in a fixed order."""
    ctx = _context(film)
    drafts = (
        *_credit_drafts(ctx),
        *_cast_drafts(ctx),
        *_description_drafts(ctx),
        *_quote_drafts(ctx),
        *_number_drafts(ctx),
    )
    seen: set[str] = set()
    questions: list[Question] = []
    for draft in drafts:
        key = _spaced(draft.text)
        if key in seen or not draft.answers:
            continue
        question = Question(
            text=draft.text,
            answers=draft.answers,
            choices=_choices(draft, draft.answers),
            kind=draft.kind,
            spoiler=draft.spoiler,
            source=draft.source,
            film=film.slug,
        )
        if _sound(question):
            seen.add(key)
            questions.append(question)
    return tuple(questions)
