"""One film's record plus the name pools every family draws answers and distractors from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from bot.models import DocumentKind, FilmRecord, Section, SourceDocument
from bot.names import CHARACTER_TITLES, PERSON_TITLES, has_company_suffix
from bot.text import fold
from bot.trivia.aliases import (
    ShortForms,
    character_aliases,
    company_aliases,
    person_aliases,
    unique_folded,
)
from bot.trivia.questions.roles import role_of

__all__ = ["SOURCE_SEPARATOR", "FilmContext", "film_context"]

SOURCE_SEPARATOR: Final = " § "
"""Between a document's file name and the place in it, in ``Question.source``."""

MAX_ORIGIN_TITLE_CHARS: Final = 60
"""Longest document title quoted in a question's origin; longer ones are cut at a word."""

STARRING_KEYS: Final = frozenset({"starring", "cast"})
"""Infobox keys (folded) listing actors, who join the cast as answers and distractors."""


@dataclass(frozen=True, slots=True)
class FilmContext:
    """The film plus the name pools the generator draws answers and distractors from."""

    record: FilmRecord
    article: str
    crew: tuple[str, ...]
    actors: tuple[str, ...]
    speakers: tuple[str, ...]
    characters: tuple[str, ...]
    companies: tuple[str, ...]
    people: tuple[str, ...] = field(init=False)
    """Every real person named in the film's data."""
    _people_forms: ShortForms = field(init=False, repr=False)
    _character_forms: ShortForms = field(init=False, repr=False)

    def __post_init__(self) -> None:
        """Index the pools' short forms once, so aliases cost the same for any cast size."""
        people = unique_folded((*self.crew, *self.actors, *self.speakers))
        object.__setattr__(self, "people", people)
        object.__setattr__(self, "_people_forms", ShortForms(people, PERSON_TITLES))
        characters = ShortForms(self.characters, CHARACTER_TITLES)
        object.__setattr__(self, "_character_forms", characters)

    def person_answers(self, name: str) -> tuple[str, ...]:
        """A person's name and aliases, short forms unique among the film's people.

        A company credited in a person's role ('Producers: Everly Brothers Films') gets a
        company's aliases, never a 'surname' that is its suffix ('Films').
        """
        if has_company_suffix(name):
            return company_aliases(name, self.companies)
        return person_aliases(name, self._people_forms)

    def character_answers(self, name: str) -> tuple[str, ...]:
        """A character's name and aliases, short forms unique among the film's characters."""
        return character_aliases(name, self._character_forms)

    def company_answers(self, name: str) -> tuple[str, ...]:
        """A company's name and aliases, short forms unique among the film's companies."""
        return company_aliases(name, self.companies)

    def section_source(self, section: Section | None, fallback: str) -> str:
        """``document § heading`` for a section of the article."""
        return f"{self.article} § {section.title if section else fallback}"

    def origin(self, source: str) -> str:
        """Where a ``document § place`` source comes from, in words players understand."""
        name, _, place = source.partition(SOURCE_SEPARATOR)
        document = next((doc for doc in self.record.sources if doc.name == name), None)
        if document is not None and document.kind is DocumentKind.INTERVIEW:
            return _interview_origin(document)
        article = f"the article on {self.record.title}"
        if not place or place.startswith("line "):
            return article
        if fold(place) == "infobox":
            return f"{article} (infobox)"
        return f'{article}, section "{place}"'

    def section(self, *, title: str | None = None, text: str | None = None) -> Section | None:
        """The first section with this heading (folded) or containing this text."""
        for section in self.record.sections:
            if title is not None and fold(section.title) == fold(title):
                return section
            if text is not None and fold(text) in fold(section.text):
                return section
        return None


def _short_title(title: str) -> str:
    """``title`` cut at a word end to at most ``MAX_ORIGIN_TITLE_CHARS`` characters."""
    if len(title) <= MAX_ORIGIN_TITLE_CHARS:
        return title
    cut = title[: MAX_ORIGIN_TITLE_CHARS - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f"{cut}…"


def _interview_origin(document: SourceDocument) -> str:
    """``an interview in The Outlet (August 2012)`` or ``the interview "Title"``."""
    when = f" ({document.published:%B %Y})" if document.published else ""
    if document.publication:
        return f"an interview in {document.publication}{when}"
    if document.title:
        return f'the interview "{_short_title(document.title)}"{when}'
    return f"an interview{when}"


def _article_name(film: FilmRecord) -> str:
    """File name of the film's article (the source of kind ARTICLE), else of any source."""
    for source in film.sources:
        if source.kind is DocumentKind.ARTICLE:
            return source.name
    return film.sources[0].name if film.sources else film.slug


def film_context(film: FilmRecord) -> FilmContext:
    """Gather the film's name pools, in document order."""
    crew: list[str] = []
    companies: list[str] = []
    starring: list[str] = []
    for item in film.infobox:
        role = role_of(item.key)
        if role is not None:
            (companies if role.company else crew).extend(item.values)
        elif fold(item.key) in STARRING_KEYS:
            starring.extend(item.values)
    actors = [member.actor for member in film.cast] + starring
    speakers = [speaker for quote in film.quotes for speaker in quote.speakers]
    return FilmContext(
        record=film,
        article=_article_name(film),
        crew=unique_folded(crew),
        actors=unique_folded(actors),
        speakers=unique_folded(speakers),
        characters=unique_folded(member.character for member in film.cast),
        companies=unique_folded(companies),
    )
