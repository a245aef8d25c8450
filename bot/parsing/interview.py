"""Parsing a press interview into attributed answer paragraphs."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum, auto

from bot.models import Quote
from bot.parsing.documents import Document, Paragraph
from bot.parsing.speakers import (
    INTERVIEWER_LABELS,
    SpeakerResolver,
    looks_like_label,
)
from bot.parsing.spoilers import is_spoiler_marker
from bot.parsing.values import parse_date
from bot.text import fold

__all__ = ["MIN_ANSWERS", "ParsedInterview", "looks_like_interview", "parse_interview"]

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
_MARKUP = re.compile(r"[*_~`#>]+")


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
    label = _strip_markup(match.group("label"))
    if not looks_like_label(label):
        return None
    return label, match.group("rest").strip()


def looks_like_interview(document: Document, resolver: SpeakerResolver) -> bool:
    """True when enough paragraphs start with a label that resolves to a person."""
    answers = 0
    for paragraph in document.paragraphs:
        split = _split_label(paragraph.text)
        if split and resolver.resolve(split[0]):
            answers += 1
            if answers >= MIN_ANSWERS:
                return True
    return False


def _classify(document: Document, resolver: SpeakerResolver) -> list[_Classified]:
    labelled: list[tuple[Paragraph, str, str]] = []
    classified: list[_Classified] = []
    for paragraph in document.paragraphs:
        text = paragraph.text
        plain = _strip_markup(text)
        if is_spoiler_marker(plain) and _split_label(text) is None:
            classified.append(_Classified(paragraph, _Role.MARKER, text))
            continue
        if _STAGE_DIRECTION.match(plain) or (
            len(plain) <= _MAX_FOOTER_CHARS and _FOOTER_JUNK.match(plain)
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
        speakers = resolver.resolve(label)
        if speakers:
            classified.append(_Classified(paragraph, _Role.ANSWER, rest, speakers, label))
            continue
        labelled.append((paragraph, label, rest))
        classified.append(_Classified(paragraph, _Role.PLAIN, text, label=label))
    return _promote_outlet_labels(classified, labelled)


def _promote_outlet_labels(
    classified: list[_Classified], unknown: list[tuple[Paragraph, str, str]]
) -> list[_Classified]:
    """An unknown label that asks a question (an outlet's name) marks the interviewer's lines."""
    outlets = {fold(label) for _, label, rest in unknown if rest.rstrip().endswith("?")}
    result: list[_Classified] = []
    for item in classified:
        if item.role is _Role.PLAIN and item.label and fold(item.label) in outlets:
            _, _, rest = item.text.partition(":")
            result.append(
                _Classified(item.paragraph, _Role.INTERVIEWER, rest.strip(), label=item.label)
            )
        else:
            result.append(item)
    return result


def _questions_are_labelled(items: list[_Classified]) -> bool:
    """True when the document labels its questions (then unlabelled lines continue answers)."""
    first_answer = next((i for i, item in enumerate(items) if item.role is _Role.ANSWER), None)
    if first_answer is None:
        return False
    body = items[first_answer:]
    interviewer = sum(1 for item in body if item.role is _Role.INTERVIEWER)
    plain = sum(1 for item in body if item.role is _Role.PLAIN)
    return interviewer > plain


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
        elif title is None and found is None and not text.endswith((".", ":")):
            title = _strip_markup(text)
    return title, published


def parse_interview(document: Document, resolver: SpeakerResolver) -> ParsedInterview:
    """Parse an interview document into quotes with speakers, questions and spoiler flags."""
    items = _classify(document, resolver)
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
    if not quotes:
        warnings.append(f"{document.name}: no answers found")
    return ParsedInterview(
        quotes=tuple(quotes),
        title=title,
        published=published,
        outlet=outlet,
        warnings=tuple(warnings),
    )
