"""Typed records of the knowledge base: what the parsers produce and the database stores."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from bot.errors import SeedError
from bot.trivia.models import Question

__all__ = [
    "CastEntry",
    "CastMember",
    "DocumentKind",
    "FilmFailure",
    "FilmInfo",
    "FilmRecord",
    "FilmSummary",
    "InfoboxField",
    "KnowledgeBase",
    "LeaderboardEntry",
    "MoneyFigure",
    "Quote",
    "ReviewScore",
    "Section",
    "SourceDocument",
    "StoredQuote",
]


class DocumentKind(StrEnum):
    """What a seed document is, detected from its content."""

    ARTICLE = "article"
    INTERVIEW = "interview"


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One seed file and what is known about where it came from."""

    name: str
    kind: DocumentKind
    title: str | None = None
    publication: str | None = None
    url: str | None = None
    published: dt.date | None = None

    @property
    def label(self) -> str:
        """Human-readable name of the source: publication or title, else the file name."""
        return self.publication or self.title or self.name


@dataclass(frozen=True, slots=True)
class InfoboxField:
    """One ``- Key: value`` line of an article's infobox, list values split."""

    key: str
    values: tuple[str, ...]
    line: int
    notes: tuple[str | None, ...] = ()
    """Per value, a qualifier written beside it ('associate producer', 'A.S.C.'), if any."""


@dataclass(frozen=True, slots=True)
class MoneyFigure:
    """A sum of money as written in the source and as a number."""

    key: str
    text: str
    amount: float


@dataclass(frozen=True, slots=True)
class ReviewScore:
    """A review aggregator's figure for the film, e.g. an approval rating."""

    aggregator: str
    metric: str
    value: float
    text: str


@dataclass(frozen=True, slots=True)
class CastMember:
    """An actor and the character they play, with the article's description."""

    actor: str
    character: str
    description: str | None
    position: int
    spoiler: bool = False
    note: str | None = None
    """A qualifier written beside the names: 'uncredited', 'voice', 'credited as X', a language."""


@dataclass(frozen=True, slots=True)
class Section:
    """A section or subsection of an article; ``path`` holds its headings from the top."""

    path: tuple[str, ...]
    text: str
    position: int
    spoiler: bool

    @property
    def title(self) -> str:
        """The section's own heading."""
        return self.path[-1]


@dataclass(frozen=True, slots=True)
class Quote:
    """One answer paragraph of an interview, attributed to its speakers."""

    speakers: tuple[str, ...]
    text: str
    source: str
    position: int
    line: int
    question: str | None
    spoiler: bool


@dataclass(frozen=True, slots=True)
class FilmRecord:
    """Everything parsed about one film from its seed folder."""

    slug: str
    title: str
    year: int | None
    infobox: tuple[InfoboxField, ...]
    runtime_minutes: int | None
    release_date: dt.date | None
    money: tuple[MoneyFigure, ...]
    reviews: tuple[ReviewScore, ...]
    lead: str
    sections: tuple[Section, ...]
    cast: tuple[CastMember, ...]
    quotes: tuple[Quote, ...]
    sources: tuple[SourceDocument, ...]
    warnings: tuple[str, ...] = ()
    trivia: tuple[Question, ...] = ()
    """Hand-written questions from the film's ``trivia.yaml``, if it has one."""

    def credit(self, key: str) -> tuple[str, ...]:
        """Values of the infobox field ``key`` (case-insensitive), or an empty tuple."""
        wanted = key.casefold()
        for item in self.infobox:
            if item.key.casefold() == wanted:
                return item.values
        return ()

    @property
    def credits(self) -> dict[str, tuple[str, ...]]:
        """The infobox as a mapping of lowercased key to values."""
        return {item.key.casefold(): item.values for item in self.infobox}


@dataclass(frozen=True, slots=True)
class FilmFailure:
    """A film folder that could not be loaded, and whether its previous content was kept."""

    slug: str
    error: SeedError
    kept: bool = False

    def __str__(self) -> str:
        outcome = "previous content kept" if self.kept else "not loaded"
        return f"{self.slug} ({outcome}): {self.error}"


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """All films parsed from a seeds folder, and the folders that failed (a film fails alone)."""

    films: tuple[FilmRecord, ...] = field(default_factory=tuple)
    failures: tuple[FilmFailure, ...] = field(default_factory=tuple)

    def film(self, slug: str) -> FilmRecord | None:
        """The film with this slug, if any."""
        return next((film for film in self.films if film.slug == slug), None)


@dataclass(frozen=True, slots=True)
class FilmSummary:
    """A film's identity, for lists and autocomplete."""

    slug: str
    title: str
    year: int | None

    @property
    def display(self) -> str:
        """Title with the year, e.g. 'Title (2012)'."""
        return f"{self.title} ({self.year})" if self.year else self.title


@dataclass(frozen=True, slots=True)
class FilmInfo:
    """What the database knows about a film besides its cast, sections and quotes."""

    summary: FilmSummary
    infobox: tuple[InfoboxField, ...]
    runtime_minutes: int | None
    release_date: dt.date | None
    money: tuple[MoneyFigure, ...]
    reviews: tuple[ReviewScore, ...]
    lead: str

    def credit(self, key: str) -> tuple[str, ...]:
        """Values of the infobox field ``key`` (case-insensitive), or an empty tuple."""
        wanted = key.casefold()
        return next((f.values for f in self.infobox if f.key.casefold() == wanted), ())


@dataclass(frozen=True, slots=True)
class CastEntry:
    """A cast member together with the film it belongs to."""

    film: FilmSummary
    member: CastMember


@dataclass(frozen=True, slots=True)
class StoredQuote:
    """A quote as stored, with its film and full source."""

    id: int
    film: FilmSummary
    quote: Quote
    source: SourceDocument


@dataclass(frozen=True, slots=True)
class LeaderboardEntry:
    """One player's standing: points, correct answers and competition rank."""

    rank: int
    user_id: int
    points: int
    correct: int
