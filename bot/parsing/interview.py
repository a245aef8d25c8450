"""Parsing a press interview into attributed answer paragraphs."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from enum import Enum, auto

from bot.models import Quote
from bot.parsing.documents import Document, Paragraph
from bot.parsing.speakers import (
    ANSWER_LABELS,
    INTERVIEWER_LABELS,
    SpeakerResolver,
    looks_like_label,
)
from bot.parsing.spoilers import is_spoiler_marker
from bot.parsing.values import parse_date
from bot.text import fold

__all__ = [
    "MIN_ANSWERS",
    "ParsedInterview",
    "looks_like_interview",
    "parse_interview",
    "prose_text",
]

MIN_ANSWERS = 2
"""A document is an interview when at least this many paragraphs carry a speaker label."""

MAX_HEADER_CHARS = 160
"""Title and date lines at the top of an interview are short."""

_LABEL = re.compile(r"^(?P<label>[^:]{1,60}?)\s*:\s*(?P<rest>\S.*)$", re.DOTALL)
_STAGE_DIRECTION = re.compile(r"^[\[(][^\])]*[\])]$")
_FOOTER_JUNK = re.compile(
    r"^(?:no more articles|advertisement|related(?: articles| stories)?:?|read more\b.*|"
    r"share (?:this|on)\b.*|follow us\b.*|sign up\b.*|subscribe\b.*|"
    r"copyright\b.*|©.*|all rights reserved\.?|comments?|more from\b.*)$",
    re.IGNORECASE,
)
_MAX_FOOTER_CHARS = 80
_TERMINAL_PUNCTUATION = (".", "!", "?", '"', "'", ")", "]", "-")
_MARKUP = re.compile(r"[*_~`#>]+")
_OPENING_MARKUP = re.compile(r"^[*_]+")
_EDITORIAL_NOTE = re.compile(r"^(?:editor'?s'?\s+)?note\s*:", re.IGNORECASE)
"""'Note: this interview has been edited...' describes the text; it is no one's line."""


class _Role(Enum):
    ANSWER = auto()
    INTERVIEWER = auto()
    PLAIN = auto()
    SKIP = auto()
    MARKER = auto()


@dataclass(frozen=True, slots=True)
class _Classified:
    paragraph: Paragraph
    role: _Role
    text: str
    speakers: tuple[str, ...] = ()
    label: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedInterview:
    """What one interview contributes: quotes and facts about the source."""

    quotes: tuple[Quote, ...]
    title: str | None
    published: dt.date | None
    outlet: str | None
    warnings: tuple[str, ...]


def _strip_markup(text: str) -> str:
    return _MARKUP.sub("", text).strip()


def _split_label(text: str) -> tuple[str, str] | None:
    match = _LABEL.match(text)
    if match is None:
        return None
    raw_label, rest = match.group("label"), match.group("rest").strip()
    label = _strip_markup(raw_label)
    if not looks_like_label(label):
        return None
    # '**Name:** text' puts the closing markup after the colon: it belongs to the label.
    opening = _OPENING_MARKUP.match(raw_label.strip())
    if opening and rest.startswith(opening.group(0)):
        rest = rest[len(opening.group(0)) :].strip()
    if not rest:
        return None
    return label, rest


def prose_text(document: Document) -> str:
    """The document's text without speaker labels, to find the people it names in prose.

    A label names itself, so a name seen only as a label ('Cinema Weekly:', a title such as
    'Lantern Light: An Interview') must not make that label a person.
    """
    parts = []
    for paragraph in document.paragraphs:
        split = _split_label(paragraph.text)
        parts.append(split[1] if split else paragraph.text)
    return "\n\n".join(parts)


@functools.lru_cache(maxsize=4)
def _attributed(document: Document, resolver: SpeakerResolver) -> tuple[list[_Classified], bool]:
    """The classified paragraphs, computed once for the test and the parse of one document."""
    return _attribute_unnamed_answers(_classify(document, resolver), resolver)


def looks_like_interview(document: Document, resolver: SpeakerResolver) -> bool:
    """True when enough paragraphs are answers attributed to a person."""
    items, _ = _attributed(document, resolver)
    answers = sum(1 for item in items if item.role is _Role.ANSWER)
    return answers >= MIN_ANSWERS


def _classify(document: Document, resolver: SpeakerResolver) -> list[_Classified]:
    labelled: list[tuple[Paragraph, str, str]] = []
    classified: list[_Classified] = []
    for paragraph in document.paragraphs:
        text = paragraph.text
        plain = _strip_markup(text)
        if is_spoiler_marker(plain) and _split_label(text) is None:
            classified.append(_Classified(paragraph, _Role.MARKER, text))
            continue
        if (
            _STAGE_DIRECTION.match(plain)
            or _EDITORIAL_NOTE.match(plain)
            or (len(plain) <= _MAX_FOOTER_CHARS and _FOOTER_JUNK.match(plain))
        ):
            classified.append(_Classified(paragraph, _Role.SKIP, text))
            continue
        split = _split_label(text)
        if split is None:
            classified.append(_Classified(paragraph, _Role.PLAIN, text))
            continue
        label, rest = split
        if fold(label) in INTERVIEWER_LABELS:
            classified.append(_Classified(paragraph, _Role.INTERVIEWER, rest, label=label))
            continue
        if fold(label) in ANSWER_LABELS:
            # Attributed once the whole document is known (see _attribute_unnamed_answers).
            classified.append(_Classified(paragraph, _Role.ANSWER, rest, label=label))
            continue
        speakers = resolver.resolve(label)
        if speakers:
            classified.append(_Classified(paragraph, _Role.ANSWER, rest, speakers, label))
            continue
        labelled.append((paragraph, label, rest))
        classified.append(_Classified(paragraph, _Role.PLAIN, text, label=label))
    return _demote_title_labels(_promote_outlet_labels(classified, labelled, resolver))


def _demote_title_labels(items: list[_Classified]) -> list[_Classified]:
    """'Name: a conversation' above the first question is a title line, not an answer.

    Before anything is asked, a labelled paragraph that is short and does not end like a
    sentence is part of the header.
    """
    result: list[_Classified] = []
    in_header = True
    for item in items:
        asks = item.role is _Role.INTERVIEWER or (
            item.role is _Role.PLAIN and item.text.rstrip().endswith("?")
        )
        sentence = item.text.rstrip().endswith(_TERMINAL_PUNCTUATION)
        if asks or (item.role is _Role.ANSWER and sentence):
            in_header = False
        if (
            in_header
            and item.role is _Role.ANSWER
            and item.speakers
            and len(item.paragraph.text) <= MAX_HEADER_CHARS
        ):
            result.append(_Classified(item.paragraph, _Role.PLAIN, item.paragraph.text))
            continue
        result.append(item)
    return result


def _asking_labels(classified: list[_Classified], resolver: SpeakerResolver) -> set[str]:
    """Labels that only ever ask, of people known only from the text (e.g. 'Cinema Weekly')."""
    asked: dict[str, bool] = {}
    for item in classified:
        if item.role is not _Role.ANSWER or len(item.speakers) != 1 or item.label is None:
            continue
        if resolver.is_credited(item.speakers[0]):
            continue
        key = fold(item.label)
        asked[key] = asked.get(key, True) and item.text.rstrip().endswith("?")
    return {label for label, only_questions in asked.items() if only_questions}


def _promote_outlet_labels(
    classified: list[_Classified],
    unknown: list[tuple[Paragraph, str, str]],
    resolver: SpeakerResolver,
) -> list[_Classified]:
    """A label that asks questions and is no credited person (an outlet) marks the interviewer.

    An unknown label qualifies when it asks once; a label that reads like a name but belongs to
    no credited person qualifies when every one of its paragraphs is a question.
    """
    outlets = {fold(label) for _, label, rest in unknown if rest.rstrip().endswith("?")}
    askers = _asking_labels(classified, resolver)
    result: list[_Classified] = []
    for item in classified:
        if item.role is _Role.PLAIN and item.label and fold(item.label) in outlets:
            _, _, rest = item.text.partition(":")
            result.append(
                _Classified(item.paragraph, _Role.INTERVIEWER, rest.strip(), label=item.label)
            )
        elif item.role is _Role.ANSWER and item.label and fold(item.label) in askers:
            result.append(
                _Classified(item.paragraph, _Role.INTERVIEWER, item.text, label=item.label)
            )
        else:
            result.append(item)
    return result


def _attribute_unnamed_answers(
    items: list[_Classified], resolver: SpeakerResolver
) -> tuple[list[_Classified], bool]:
    """Give 'A:' answers to the interview's one subject; drop them when there is none.

    The subject is the only person answering under their own name, or, when nobody does,
    the only credited person the document names. Returns the items and whether any
    unnamed answer had to be dropped.
    """
    unnamed = [item for item in items if item.role is _Role.ANSWER and not item.speakers]
    if not unnamed:
        return items, False
    named = {s for item in items if item.role is _Role.ANSWER for s in item.speakers}
    subject: tuple[str, ...] | None = None
    if len(named) == 1:
        subject = tuple(named)
    elif not named and len(resolver.mentioned_credited()) == 1:
        subject = resolver.mentioned_credited()
    result: list[_Classified] = []
    for item in items:
        if item.role is _Role.ANSWER and not item.speakers:
            if subject is None:
                result.append(_Classified(item.paragraph, _Role.SKIP, item.text, label=item.label))
            else:
                result.append(
                    _Classified(item.paragraph, _Role.ANSWER, item.text, subject, item.label)
                )
        else:
            result.append(item)
    return result, subject is None


def _questions_are_labelled(items: list[_Classified]) -> bool:
    """True when the document labels its questions (then unlabelled lines continue answers).

    Labelled questions anywhere (the first one comes before any answer) are weighed against
    the unlabelled paragraphs between answers that ask something.
    """
    first_answer = next((i for i, item in enumerate(items) if item.role is _Role.ANSWER), None)
    if first_answer is None:
        return False
    interviewer = sum(1 for item in items if item.role is _Role.INTERVIEWER)
    asking = sum(
        1
        for item in items[first_answer:]
        if item.role is _Role.PLAIN and item.text.rstrip().endswith("?")
    )
    return interviewer > asking


def _header(items: list[_Classified]) -> tuple[str | None, dt.date | None]:
    title: str | None = None
    published: dt.date | None = None
    for item in items:
        if item.role in (_Role.ANSWER, _Role.INTERVIEWER):
            break
        text = item.text
        if len(text) > MAX_HEADER_CHARS:
            continue
        found = parse_date(text)
        if found is not None and published is None:
            published = found
        elif (
            title is None
            and found is None
            and item.role is _Role.PLAIN
            and not text.endswith((".", ":", "?"))
        ):
            title = _strip_markup(text)
    return title, published


def parse_interview(document: Document, resolver: SpeakerResolver) -> ParsedInterview:
    """Parse an interview document into quotes with speakers, questions and spoiler flags."""
    items, dropped = _attributed(document, resolver)
    labelled_questions = _questions_are_labelled(items)
    title, published = _header(items)
    quotes: list[Quote] = []
    warnings: list[str] = []
    question: str | None = None
    asking = False
    spoiler = False
    last: Quote | None = None
    started = False
    for item in items:
        role = item.role
        if role is _Role.MARKER:
            spoiler = True
            continue
        if role is _Role.SKIP:
            continue
        if role is _Role.PLAIN and labelled_questions and last is not None:
            last = Quote(
                speakers=last.speakers,
                text=item.text,
                source=document.name,
                position=len(quotes),
                line=item.paragraph.line,
                question=last.question,
                spoiler=spoiler,
            )
            quotes.append(last)
            continue
        if role is _Role.ANSWER:
            started = True
            asking = False
            last = Quote(
                speakers=item.speakers,
                text=item.text,
                source=document.name,
                position=len(quotes),
                line=item.paragraph.line,
                question=question,
                spoiler=spoiler,
            )
            quotes.append(last)
            continue
        if not started and role is _Role.PLAIN:
            opening = item.text if item.text.rstrip().endswith("?") else None
            question = opening
            continue
        started = True
        question = f"{question} {item.text}" if asking and question else item.text
        asking = True
        last = None
    outlet = next(
        (
            item.label
            for item in items
            if item.role is _Role.INTERVIEWER
            and item.label
            and fold(item.label) not in INTERVIEWER_LABELS
        ),
        None,
    )
    if dropped:
        warnings.append(
            f"{document.name}: answers labelled 'A:' were skipped: the interview names no one"
            " person to credit them to"
        )
    if not quotes:
        warnings.append(f"{document.name}: no answers found")
    return ParsedInterview(
        quotes=tuple(quotes),
        title=title,
        published=published,
        outlet=outlet,
        warnings=tuple(warnings),
    )
