"""Number questions: release year and month, runtime, box office and review scores."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Final

from bot.dates import DATE_KEYS, RELEASE_KEYS, DatedEvent, dated_events
from bot.models import FilmRecord, QuestionKind
from bot.text import fold
from bot.trivia.aliases import MONTH_NAMES, month_aliases, number_aliases, unique_folded
from bot.trivia.questions.common import FIGURE, Draft, Entity, figure
from bot.trivia.questions.film import FilmContext

__all__ = [
    "MONEY_FACTORS",
    "MONTH_OFFSETS",
    "RUNTIME_OFFSETS",
    "SCORE_OFFSET_FRACTIONS",
    "YEAR_OFFSETS",
    "number_drafts",
]

YEAR_OFFSETS: Final = (-3, -2, -1, 1, 2, 3)
"""Candidate distractor offsets for a year, in years."""

MONTH_OFFSETS: Final = (-3, -2, -1, 1, 2, 3)
"""Candidate distractor offsets for a release month, in months (same year only)."""

MONTHS_PER_YEAR: Final = 12
"""Months in a year."""

RUNTIME_OFFSETS: Final = (-17, -11, -6, 5, 9, 14)
"""Candidate distractor offsets for a runtime, in minutes."""

MONEY_FACTORS: Final = (0.45, 0.65, 0.8, 1.3, 1.7, 2.4)
"""Candidate distractor factors for a sum of money."""

MONEY_QUESTIONS: Final = {
    "gross": "How much did {title} gross at the box office?",
    "box office": "How much did {title} gross at the box office?",
    "worldwide gross": "How much did {title} gross at the box office?",
    "budget": "What was the budget of {title}?",
}
"""Question templates by folded money key; other sums (opening weekend, ...) are skipped."""

SCORE_OFFSET_FRACTIONS: Final = (-0.14, -0.09, -0.05, 0.04, 0.08, 0.13)
"""Candidate distractor offsets for a review score, as fractions of the score's scale."""

PERCENT_SCALE: Final = 100.0
"""Scale of percentages and of scores without a ``/N`` denominator above ``SMALL_SCALE``."""

SMALL_SCALE: Final = 10.0
"""Scale of scores such as ``7.2/10`` (assumed when a score is at most this)."""

SCORE_PHRASES: Final = (
    ("approval", "approval rating"),
    ("metascore", "score"),
    ("weighted", "score"),
    ("score", "score"),
    ("average", "average rating"),
)
"""(word in the metric, what the question calls it), first match wins; others are skipped."""


def _renumber(text: str, value: float) -> str:
    """``text`` with its first number replaced by ``value``, written in the same style."""
    match = FIGURE.search(text)
    if match is None:
        return text
    written = match.group()
    decimals = len(written.split(".")[1]) if "." in written else 0
    grouping = "," if "," in written else ""
    new = f"{value:{grouping}.{decimals}f}"
    return f"{text[: match.start()]}{new}{text[match.end() :]}"


def _number_draft(
    text: str,
    answer: str,
    aliases: Iterable[str],
    choices: Iterable[str],
    source: str,
    spoiler: bool,
) -> Draft:
    """A NUMBER question; ``choices`` are candidate distractors."""
    return Draft(
        text=text,
        answers=unique_folded((answer, *aliases)),
        kind=QuestionKind.NUMBER,
        spoiler=spoiler,
        source=source,
        entity=Entity.NUMBER,
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


def _release_events(film: FilmRecord) -> tuple[DatedEvent, ...]:
    """Every dated event of every date field ('Premiere', 'Released'), in infobox order.

    An event without a place of its own is named by its field when that is no plain release.
    """
    events: list[DatedEvent] = []
    for field in film.infobox:
        if field.key.casefold() not in DATE_KEYS:
            continue
        own = field.key if field.key.casefold() not in RELEASE_KEYS else None
        events.extend(replace(e, event=e.event or own) for e in dated_events(field.values))
    return tuple(events)


def _date_drafts(ctx: FilmContext, source: str) -> Iterator[Draft]:
    """Release year and month; with several dated events, each question names its event.

    A distractor is never another of the film's true dates (a festival year or month).
    """
    film = ctx.record
    title = film.title
    events = _release_events(film)
    dated = {event.date for event in events}
    release = film.release_date or (events[0].date if events else None)
    event = events[0].event if len(dated) > 1 and events and events[0].date == release else None
    where = f" ({event})" if event else ""
    true_years = {date.year for date in dated}
    year = release.year if release else film.year
    if year is not None:
        yield _number_draft(
            f"In what year was {title} released{where}?",
            str(year),
            (),
            (str(year + o) for o in YEAR_OFFSETS if year + o not in true_years),
            source,
            spoiler=False,
        )
    if release is None:
        return
    month = release.month
    true_months = {date.month for date in dated if date.year == release.year}
    others = (
        MONTH_NAMES[month + offset - 1]
        for offset in MONTH_OFFSETS
        if 1 <= month + offset <= MONTHS_PER_YEAR and month + offset not in true_months
    )
    yield _number_draft(
        f"In which month of {release.year} was {title} released{where}?",
        MONTH_NAMES[month - 1],
        (*month_aliases(month), f"{MONTH_NAMES[month - 1]} {release.year}"),
        others,
        source,
        spoiler=False,
    )


def number_drafts(ctx: FilmContext) -> Iterator[Draft]:
    """Release year and month, runtime, box office and review scores."""
    film = ctx.record
    title = film.title
    infobox = f"{ctx.article} § Infobox"
    yield from _date_drafts(ctx, infobox)
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
    for money in film.money:
        template = MONEY_QUESTIONS.get(fold(money.key))
        written = figure(money.text)
        if template is None or written is None:
            continue
        in_infobox = any(fold(item.key) == fold(money.key) for item in film.infobox)
        section = None if in_infobox else ctx.section(text=money.text)
        yield _number_draft(
            template.format(title=title),
            money.text,
            number_aliases(money.text),
            (_renumber(money.text, written * factor) for factor in MONEY_FACTORS),
            ctx.section_source(section, "Infobox"),
            spoiler=bool(section and section.spoiler),
        )
    for score in film.reviews:
        written = figure(score.text)
        if written is None:
            continue
        phrase = next((label for word, label in SCORE_PHRASES if word in fold(score.metric)), None)
        if phrase is None:  # counts of reviews are not scores worth asking about
            continue
        scale = _score_scale(score.text, written)
        candidates = (
            _renumber(score.text, written + fraction * scale)
            for fraction in SCORE_OFFSET_FRACTIONS
            if 0 <= written + fraction * scale <= scale
        )
        section = ctx.section(text=score.text)
        yield _number_draft(
            f"What is the {phrase} of {title} on {score.aggregator}?",
            score.text,
            number_aliases(score.text),
            candidates,
            ctx.section_source(section, "Reception"),
            spoiler=bool(section and section.spoiler),
        )
