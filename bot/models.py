"""Typed records of the knowledge base: what the parsers produce and the database stores.

The bottom layer: every other module of ``bot/`` may import these, and this imports none of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from bot.errors import printable_path

__all__ = [
    "CastEntry",
    "CastMember",
    "DocumentKind",
    "FilmFailure",
    "FilmRecord",
    "FilmSummary",
    "InfoboxField",
    "KnowledgeBase",
    "LeaderboardEntry",
    "ListSettings",
    "MoneyFigure",
    "Question",
    "QuestionKind",
    "Quote",
    "ReviewScore",
    "Section",
    "SourceDocument",
    "StoredList",
    "StoredQuote",
    "TriviaList",
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


class QuestionKind(StrEnum):
    """The family a trivia question belongs to; used for balancing rounds and for review."""

    CREDIT = "credit"
    ACTOR = "actor"
    CHARACTER = "character"
    DESCRIPTION = "description"
    QUOTE = "quote"
    NUMBER = "number"
    CUSTOM = "custom"


@dataclass(frozen=True, slots=True)
class Question:
    """One trivia question; ``answers[0]`` is the canonical answer, the rest are aliases."""

    text: str
    answers: tuple[str, ...]
    choices: tuple[str, ...]
    kind: QuestionKind
    spoiler: bool
    source: str
    film: str
    origin: str = ""
    """Where the fact comes from, in words for players (``an interview in The Outlet``), or ""."""

    @property
    def answer(self) -> str:
        """The canonical answer shown at the reveal."""
        return self.answers[0]


@dataclass(frozen=True, slots=True)
class ListSettings:
    """Round settings a list asks for in its ``CONFIG`` (Red's keys, mapped); None: default."""

    seconds: float | None = None
    """Seconds per question (Red's ``delay``)."""
    idle_seconds: float | None = None
    """Stop the round after this long without a correct answer (Red's ``timeout``)."""
    max_score: int | None = None
    """The round ends as soon as someone has this many points (Red's ``max_score``)."""
    reveal_answer: bool = True
    """Show the answer when nobody gets it (Red's ``reveal_answer``)."""
    use_spoilers: bool = False
    """Reveal answers inside spoiler tags (Red's ``use_spoilers``)."""
    spoiler: bool = False
    """Every question is about the plot and hidden unless spoilers are on (this bot's key)."""


@dataclass(frozen=True, slots=True)
class TriviaList:
    """A hand-written list in Red-DiscordBot's format, with what its header says."""

    name: str
    questions: tuple[Question, ...]
    author: str | None = None
    description: str | None = None
    settings: ListSettings = field(default_factory=ListSettings)
    warnings: tuple[str, ...] = ()
    """Problems Red tolerates, as ``file:line: message``; the list loads regardless."""
    film: str = ""
    """The film whose own ``trivia.yaml`` this is, or "" for a list that is its own topic."""
    text: str = ""
    """The YAML as written, which is what is stored and read again."""


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
class FilmRecord:
    """What is known about one film; fields nobody filled in stay empty.

    The one shape for a film everywhere: the article parser fills the details, sections
    and cast; the seed loader adds quotes, sources, warnings and trivia; the database reads
    back the whole record, or (``Database.film_info``) the details alone.
    """

    slug: str
    title: str
    year: int | None = None
    infobox: tuple[InfoboxField, ...] = ()
    runtime_minutes: int | None = None
    release_date: dt.date | None = None
    money: tuple[MoneyFigure, ...] = ()
    reviews: tuple[ReviewScore, ...] = ()
    lead: str = ""
    sections: tuple[Section, ...] = ()
    cast: tuple[CastMember, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sources: tuple[SourceDocument, ...] = ()
    warnings: tuple[str, ...] = ()
    trivia: tuple[Question, ...] = ()
    """Hand-written questions from the film's ``trivia.yaml``, if it has one."""

    @property
    def summary(self) -> FilmSummary:
        """The film's identity: slug, title and year."""
        return FilmSummary(slug=self.slug, title=self.title, year=self.year)

    def credit(self, key: str) -> tuple[str, ...]:
        """Values of the infobox field ``key`` (case-insensitive), or an empty tuple."""
        wanted = key.casefold()
        return next((f.values for f in self.infobox if f.key.casefold() == wanted), ())

    @property
    def credits(self) -> dict[str, tuple[str, ...]]:
        """The infobox as a mapping of lowercased key to values."""
        return {item.key.casefold(): item.values for item in self.infobox}


@dataclass(frozen=True, slots=True)
class StoredList:
    """A list as the database keeps it: its YAML text, read again on use."""

    guild_id: int
    """The server that uploaded it, or ``OWNER_LISTS`` (0) for the owner's lists from seeds."""
    name: str
    film: str
    text: str


@dataclass(frozen=True, slots=True)
class FilmFailure:
    """A film folder that could not be loaded: the file, line and reason, and what was kept."""

    slug: str
    path: str
    message: str
    line: int | None = None
    kept: bool = False
    """True when the film's previously loaded content stays in place."""

    @property
    def where(self) -> str:
        """``path:line`` (or the path alone) of the problem."""
        path = printable_path(self.path)  # one line, whatever the file is called
        return f"{path}:{self.line}" if self.line is not None else path

    def __str__(self) -> str:
        outcome = "previous content kept" if self.kept else "not loaded"
        return f"{self.slug} ({outcome}): {self.where}: {self.message}"


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """All films parsed from a seeds folder, and the folders that failed (a film fails alone)."""

    films: tuple[FilmRecord, ...] = field(default_factory=tuple)
    lists: tuple[TriviaList, ...] = field(default_factory=tuple)
    """The owner's trivia lists: ``seeds/trivia/*.yaml`` and each film's own ``trivia.yaml``."""
    failures: tuple[FilmFailure, ...] = field(default_factory=tuple)
    warnings: tuple[str, ...] = ()
    """What the walk of the seeds folder skipped (symlinks out of it, FIFOs, bad names)."""

    def film(self, slug: str) -> FilmRecord | None:
        """The film with this slug, if any."""
        return next((film for film in self.films if film.slug == slug), None)


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
    """One player's standing: points, correct answers, games played and competition rank."""

    rank: int
    user_id: int
    points: int
    correct: int
    games: int = 0
    """Finished rounds in which the player scored."""

    @property
    def average(self) -> float | None:
        """Points per game played, or None before a finished game is on record."""
        return self.points / self.games if self.games else None
