"""Parsing a press interview into attributed answer paragraphs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.models import Quote
from bot.parsing.documents import Document
from bot.parsing.interview.attribution import attribute_unnamed_answers
from bot.parsing.interview.builder import build
from bot.parsing.interview.exchanges import split_turns
from bot.parsing.interview.header import header
from bot.parsing.interview.labels import split_label
from bot.parsing.interview.roles import classify
from bot.parsing.speakers import SpeakerResolver

__all__ = [
    "MIN_ANSWERS",
    "ParsedInterview",
    "interview_problem",
    "looks_like_interview",
    "parse_interview",
    "prose_text",
]

MIN_ANSWERS = 2
"""A document is an interview when at least this many paragraphs carry a speaker label."""


@dataclass(frozen=True, slots=True)
class ParsedInterview:
    """What one interview contributes: quotes and facts about the source."""

    quotes: tuple[Quote, ...]
    title: str | None
    published: dt.date | None
    outlet: str | None
    warnings: tuple[str, ...]
    problem: str | None = None
    """Why the document is no usable interview (fewer than two attributed answers), if so."""


def prose_text(document: Document) -> str:
    """The document's text without speaker labels, to find the people it names in prose.

    A label names itself, so a name seen only as a label ('Cinema Weekly:', a title such as
    'Lantern Light: An Interview') must not make that label a person.
    """
    parts = []
    for paragraph in split_turns(document.paragraphs):
        split = split_label(paragraph.text)
        parts.append(split[1] if split else paragraph.text)
    return "\n\n".join(parts)


def _problem(answers: int, dropped: bool) -> str | None:
    if answers >= MIN_ANSWERS:
        return None
    if dropped:
        return (
            "an interview whose answers ('A:') cannot be attributed: it names no one person"
            " it is with (write 'We spoke with Name' or label the answers 'Name:')"
        )
    return (
        "neither an article (no infobox) nor an interview (no answers attributed to a person,"
        " e.g. 'Name:' labels)"
    )


def interview_problem(document: Document, resolver: SpeakerResolver) -> str | None:
    """Why the document is not a usable interview, or None when it is one."""
    return parse_interview(document, resolver).problem


def looks_like_interview(document: Document, resolver: SpeakerResolver) -> bool:
    """True when enough paragraphs are answers attributed to a person."""
    return interview_problem(document, resolver) is None


def parse_interview(document: Document, resolver: SpeakerResolver) -> ParsedInterview:
    """Parse an interview document into quotes with speakers, questions and spoiler flags.

    Paragraphs are classified once; ``problem`` says when the result is no usable interview.
    """
    items, dropped = attribute_unnamed_answers(classify(document, resolver), resolver)
    title, published, publication = header(items)
    builder = build(document, items, resolver)
    warnings = builder.warnings
    if dropped:
        warnings.append(
            f"{document.name}: answers labelled 'A:' were skipped: the interview names no one"
            " person to credit them to"
        )
    if not builder.quotes:
        warnings.append(f"{document.name}: no answers found")
    return ParsedInterview(
        quotes=tuple(builder.quotes),
        title=title,
        published=published,
        outlet=publication,
        warnings=tuple(warnings),
        problem=_problem(len(builder.quotes), dropped),
    )
