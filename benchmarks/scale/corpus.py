"""A deterministic synthetic archive written as seed documents in the seeds' own formats.

Each film gets an article (title, infobox, lead, sections, cast list) and several press
interviews (a header, questions labelled ``Q:`` or with an outlet's name, answers labelled with
full names, surnames, initials or joint labels, an occasional spoiler marker). Answers are made
of a Zipf-distributed vocabulary (a fixed list of common English words on top, then made-up
content words), phrases that recur across the whole archive, film titles and names of people
who work on several films, so quotes compete with each other as in a real archive.

Every answer paragraph is one quote once parsed; the generator records the few it was asked to
remember (``targets``) so queries can be made from them.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

__all__ = [
    "ANSWERS_PER_INTERVIEW",
    "COMMON_WORDS",
    "Corpus",
    "CorpusSpec",
    "Remembered",
    "write_corpus",
]

ANSWERS_PER_INTERVIEW = 125
"""Answer paragraphs per interview; eight interviews make a film of 1,000 quotes."""

INTERVIEWS_PER_FILM = 8
MIN_ANSWERS_PER_INTERVIEW = 4
CONTENT_WORDS = 30_000
PEOPLE = 4_000
PHRASES = 400
CAST_PER_FILM = 6
PHRASE_SHARE = 0.2
"""Chance that a sentence carries one of the archive's recurring phrases."""
PHRASE_COMMON_WORDS = 60
PHRASE_RARE_WORDS = 500
NAME_SHARE = 0.12
TITLE_SHARE = 0.05
CONTINUATION_SHARE = 0.08
"""Chance that an answer runs on into a second, unlabelled paragraph."""
SPOILER_INTERVIEW_SHARE = 0.3
JOINT_SPEAKERS = 2
JOINT_SHARE = 0.05
"""Chance that an answer of a two-person interview is labelled with both names."""

_COMMON_TEXT = (
    "the and i to a of that it we was in you is so it's for with this but on just like "
    "they be what there were he she really think had all about at have as one do out "
    "because not my when our know very me up would them then his her from an or if "
    "film movie people story time way lot thing things kind make made going get got "
    "see saw want wanted felt feel say said work worked working character scene scenes "
    "could more how some also even did didn't don't can can't where which who other "
    "into over back first idea always never still much many well little big good great "
    "new old right together each every something someone everything actually maybe "
    "sort look looked shoot shot shooting day days camera set actors actor script"
)
COMMON_WORDS = tuple(_COMMON_TEXT.split())
"""The most frequent words, in rank order; made-up words follow them in the Zipf ranking."""

_ONSETS: tuple[str, ...] = (
    "b",
    "br",
    "c",
    "cl",
    "d",
    "dr",
    "f",
    "fl",
    "g",
    "gr",
    "h",
    "j",
    "k",
    "l",
    "m",
    "n",
)
_ONSETS += ("p", "pl", "r", "s", "st", "sh", "t", "tr", "th", "v", "w", "z", "ch", "sk")
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "ou", "io", "y")
_CODAS = ("", "", "", "n", "r", "l", "s", "t", "m", "nd", "st", "ck", "ng", "rt")
_OUTLETS: tuple[str, ...] = (
    "The Reel Ledger",
    "Frame Rate Weekly",
    "Cinema Quarterly",
    "The Screening Room",
)
_OUTLETS += ("Lens and Light", "Marquee Daily", "The Film Desk", "Projector Magazine")
_QUESTION_OPENERS = (
    "How did you approach",
    "What drew you to",
    "Can you talk about",
    "Where did the idea for",
    "Why did you decide on",
    "Tell me about",
    "What was it like working on",
    "How long did you spend on",
)
_MONTHS = ("January", "March", "April", "June", "July", "September", "October", "November")


def _word(rng: random.Random) -> str:
    syllables = rng.choice((1, 2, 2, 2, 3))
    parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables)]
    return "".join(parts) + rng.choice(_CODAS)


def _distinct_words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    words: dict[str, None] = {}
    while len(words) < count:
        word = _word(rng)
        if word not in taken and "spoil" not in word and len(word) >= 2:
            words[word] = None
    return list(words)


@dataclass(frozen=True, slots=True)
class CorpusSpec:
    """How big an archive to write; the same spec always writes the same bytes."""

    quotes: int
    seed: int = 2012
    targets: int = 300
    """How many answers (chosen evenly at random) to remember for queries."""

    @property
    def films(self) -> int:
        """Films in the archive: about one per thousand quotes, at least one."""
        per_film = self.answers_per_interview * INTERVIEWS_PER_FILM
        return max(1, -(-self.quotes // per_film))

    @property
    def answers_per_interview(self) -> int:
        """`ANSWERS_PER_INTERVIEW`, or fewer for an archive smaller than one film."""
        return max(
            MIN_ANSWERS_PER_INTERVIEW,
            min(ANSWERS_PER_INTERVIEW, -(-self.quotes // INTERVIEWS_PER_FILM)),
        )


@dataclass(frozen=True, slots=True)
class Remembered:
    """One answer kept for making queries: its text, the question before it, its film."""

    text: str
    question: str
    film_title: str
    film_slug: str
    following: tuple[str, ...] = ()
    """Every answer given to the same question (all acceptable for a query about it)."""


@dataclass(slots=True)
class Corpus:
    """What was written: where, how much, and the remembered answers."""

    folder: Path
    films: int = 0
    documents: int = 0
    quotes: int = 0
    bytes: int = 0
    remembered: list[Remembered] = field(default_factory=list)
    slugs: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    words: tuple[str, ...]
    cumulative: tuple[float, ...]
    phrases: tuple[str, ...]
    first_names: tuple[str, ...]
    surnames: tuple[str, ...]


def _lexicon(rng: random.Random) -> _Lexicon:
    taken = set(COMMON_WORDS)
    content = _distinct_words(rng, CONTENT_WORDS, taken)
    words = (*COMMON_WORDS, *content)
    cumulative = tuple(accumulate(1.0 / (rank + 1.5) for rank in range(len(words))))
    phrases = []
    for _ in range(PHRASES):
        # Idioms: common words around one word of middling frequency ('at the end of the day').
        chosen = [rng.choice(COMMON_WORDS[:PHRASE_COMMON_WORDS]) for _ in range(rng.randint(2, 4))]
        chosen.insert(rng.randrange(len(chosen) + 1), rng.choice(content[:PHRASE_RARE_WORDS]))
        phrases.append(" ".join(chosen))
    names = _distinct_words(rng, 1200, taken | set(content))
    return _Lexicon(
        words=words,
        cumulative=cumulative,
        phrases=tuple(phrases),
        first_names=tuple(n.capitalize() for n in names[:400]),
        surnames=tuple(n.capitalize() for n in names[400:]),
    )


@dataclass(frozen=True, slots=True)
class _Film:
    slug: str
    title: str
    year: int
    directors: tuple[str, ...]
    writer: str
    cast: tuple[tuple[str, str], ...]
    """(actor, character) pairs."""


class _Writer:
    """Writes films one at a time, drawing everything from one seeded random stream."""

    def __init__(self, spec: CorpusSpec, folder: Path) -> None:
        self._rng = random.Random(spec.seed)  # noqa: S311 - synthetic data, not security
        self._lex = _lexicon(self._rng)
        people: dict[str, None] = {}
        while len(people) < PEOPLE:
            first = self._rng.choice(self._lex.first_names)
            people[f"{first} {self._rng.choice(self._lex.surnames)}"] = None
        self._people = tuple(people)
        self._corpus = Corpus(folder=folder)
        self._spec = spec
        self._per_interview = spec.answers_per_interview
        total = spec.films * INTERVIEWS_PER_FILM * self._per_interview
        chosen = self._rng.sample(range(total), min(spec.targets, total))
        self._targets = frozenset(chosen)
        self._answer_number = 0

    def _words(self, count: int) -> list[str]:
        return self._rng.choices(self._lex.words, cum_weights=self._lex.cumulative, k=count)

    def _sentence(self, film: _Film, names: Sequence[str]) -> str:
        rng = self._rng
        words = self._words(rng.randint(5, 16))
        roll = rng.random()
        if roll < PHRASE_SHARE:
            words.insert(rng.randrange(len(words) + 1), rng.choice(self._lex.phrases))
        elif roll < PHRASE_SHARE + NAME_SHARE:
            words.insert(rng.randrange(len(words) + 1), rng.choice(names))
        elif roll < PHRASE_SHARE + NAME_SHARE + TITLE_SHARE:
            words.insert(rng.randrange(len(words) + 1), film.title)
        text = " ".join(words)
        return text[0].upper() + text[1:] + rng.choice((".", ".", ".", "!", "?"))

    def _answer(self, film: _Film, names: Sequence[str]) -> str:
        return " ".join(self._sentence(film, names) for _ in range(self._rng.randint(1, 4)))

    def _question(self, film: _Film) -> str:
        rng = self._rng
        subject = " ".join(self._words(rng.randint(3, 8)))
        if rng.random() < 0.3:
            subject += f" in {film.title}"
        return f"{rng.choice(_QUESTION_OPENERS)} {subject}?"

    def _film(self, number: int) -> _Film:
        rng = self._rng
        title_words = rng.sample(self._lex.words[200:6000], rng.randint(1, 3))
        title = " ".join(["The", *title_words] if rng.random() < 0.3 else title_words).title()
        people = rng.sample(self._people, 3 + CAST_PER_FILM)
        characters = [rng.choice(self._lex.first_names) for _ in range(CAST_PER_FILM)]
        return _Film(
            slug=f"film-{number:05d}",
            title=title,
            year=rng.randint(1960, 2025),
            directors=tuple(people[:2]),
            writer=people[2],
            cast=tuple(zip(people[3:], characters, strict=True)),
        )

    def _article(self, film: _Film) -> str:
        rng = self._rng
        starring = ", ".join(actor for actor, _ in film.cast)
        lead = " ".join(self._sentence(film, film.directors) for _ in range(3))
        plot = " ".join(self._sentence(film, [c for _, c in film.cast]) for _ in range(6))
        production = " ".join(self._sentence(film, film.directors) for _ in range(4))
        cast_lines = "\n".join(
            f"- {actor} as {character}, {' '.join(self._words(4))}"
            for actor, character in film.cast
        )
        return (
            f"= {film.title} =\n\n"
            f"- Director: {', '.join(film.directors)}\n"
            f"- Writer: {film.writer}\n"
            f"- Starring: {starring}\n"
            f"- Released: {film.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
            f"- Runtime: {rng.randint(80, 160)} minutes\n"
            f"- Country: United States\n\n"
            f"{film.title} is a {film.year} film directed by {' and '.join(film.directors)}. "
            f"{lead}\n\n==Plot==\n\n{plot}\n\n==Production==\n\n{production}\n\n"
            f"==Cast==\n\n{cast_lines}\n\n==Reception==\n\n"
            f"On Rotten Tomatoes, the film holds an approval rating of {rng.randint(20, 99)}%"
            f" based on {rng.randint(20, 200)} reviews.\n"
        )

    def _labels(self, people: Sequence[str], style: int) -> list[tuple[str, ...]]:
        """Per speaker, the labels used after the first answer (which always uses the full name)."""
        if style == 0:
            return [(name,) for name in people]
        if style == 1:
            return [(name.split()[-1],) for name in people]
        initials = ["".join(w[0] for w in name.split()) for name in people]
        if len(set(initials)) == len(initials):
            return [(name, label) for name, label in zip(people, initials, strict=True)]
        return [(name.split()[-1],) for name in people]

    def _interview(self, film: _Film, index: int) -> str:
        rng = self._rng
        credited = [*film.directors, *(actor for actor, _ in film.cast)]
        people = rng.sample(credited, rng.randint(1, 3))
        surnames = [name.split()[-1] for name in people]
        if len(set(surnames)) != len(surnames):
            people = people[:1]
        style = rng.randrange(3)
        credited_surnames = [name.split()[-1] for name in credited]
        if any(credited_surnames.count(name.split()[-1]) > 1 for name in people):
            style = 0  # two credited people share the surname: only full names are clear
        labels = self._labels(people, style)
        outlet = rng.choice(_OUTLETS)
        asker = "Q" if rng.random() < 0.6 else outlet
        date = f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}, {film.year}"
        intro = (
            f"We sat down with {' and '.join(people)} to talk about {film.title}. "
            + self._sentence(film, people)
        )
        parts = [f"{film.title}: {' '.join(self._words(3)).title()}", date, intro]
        spoiler_at = (
            rng.randrange(self._per_interview // 2, self._per_interview)
            if rng.random() < SPOILER_INTERVIEW_SHARE
            else None
        )
        used = [False] * len(people)
        answered = 0
        while answered < self._per_interview:
            question = self._question(film)
            parts.append(f"{asker}: {question}")
            answers: list[str] = []
            pending: list[int] = []
            for _ in range(rng.choice((1, 1, 1, 2))):
                if answered >= self._per_interview:
                    break
                if answered == spoiler_at:
                    parts.append("**Spoilers ahead**")
                speaker = rng.randrange(len(people))
                joint = len(people) == JOINT_SPEAKERS and rng.random() < JOINT_SHARE
                if joint and style == 0:
                    label = " and ".join(people)
                elif joint:
                    label = " and ".join(name.split()[-1] for name in people)
                elif not used[speaker]:
                    label = people[speaker]
                else:
                    label = rng.choice(labels[speaker])
                used[speaker] = used[speaker] or not joint
                text = self._answer(film, [*people, *credited[:2]])
                parts.append(f"{label}: {text}")
                answers.append(text)
                pending.append(self._answer_number)
                self._answer_number += 1
                answered += 1
                if answered < self._per_interview and rng.random() < CONTINUATION_SHARE:
                    more = self._answer(film, people)
                    parts.append(more)
                    answers.append(more)
                    pending.append(self._answer_number)
                    self._answer_number += 1
                    answered += 1
            for number, text in zip(pending, answers, strict=True):
                if number in self._targets:
                    self._corpus.remembered.append(
                        Remembered(
                            text=text,
                            question=question,
                            film_title=film.title,
                            film_slug=film.slug,
                            following=tuple(answers),
                        )
                    )
        return "\n\n".join(parts) + "\n"

    def _write(self, path: Path, text: str) -> None:
        data = text.encode("utf-8")
        path.write_bytes(data)
        self._corpus.bytes += len(data)
        self._corpus.documents += 1

    def films(self) -> Iterator[str]:
        """Write each film's folder in turn, yielding its slug."""
        for number in range(self._spec.films):
            film = self._film(number)
            folder = self._corpus.folder / film.slug
            folder.mkdir(parents=True, exist_ok=True)
            self._write(folder / "000_article.txt", self._article(film))
            for index in range(INTERVIEWS_PER_FILM):
                self._write(folder / f"{index + 1:03d}_interview.txt", self._interview(film, index))
            self._corpus.films += 1
            self._corpus.slugs.append(film.slug)
            yield film.slug
        self._corpus.quotes = self._answer_number

    @property
    def corpus(self) -> Corpus:
        """What has been written so far."""
        return self._corpus


def write_corpus(spec: CorpusSpec, folder: Path) -> Corpus:
    """Write the archive described by ``spec`` under ``folder`` (one sub-folder per film)."""
    writer = _Writer(spec, folder)
    for _ in writer.films():
        pass
    return writer.corpus
