"""Parsing a press interview into attributed answer paragraphs."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import Enum, auto

from bot.models import Quote
from bot.parsing.chrome import is_byline, is_caption, is_chrome
from bot.parsing.documents import Document, Paragraph
from bot.parsing.exchanges import split_turns
from bot.parsing.labels import split_label, strip_markup
from bot.parsing.speakers import (
    ANSWER_LABELS,
    INTERVIEWER_LABELS,
    SpeakerResolver,
)
from bot.parsing.spoilers import is_spoiler_notice
from bot.parsing.subjects import intro_subjects
from bot.parsing.values import parse_date
from bot.text import fold

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

MAX_HEADER_CHARS = 160
"""Title and date lines at the top of an interview are short."""

MAX_SUBHEADING_CHARS = 80
"""A bold line between sections of an interview is a short phrase."""

_STAGE_DIRECTION = re.compile(r"^[\[(][^\])]*[\])]$")
_CLIP = re.compile(
    r"^[\[(]\s*(?:soundbite|sound ?bite|clip|film clip|excerpt|begin (?:video )?clip|"
    r"archival|archive recording|music)\b",
    re.IGNORECASE,
)
"""'(SOUNDBITE OF FILM, "X")' opens a film clip: its lines are the film's, not answers."""
_CLIP_LINE = re.compile(r"^\(\s*as\s", re.IGNORECASE)
"""'(As Nell) I can own the apples' is dialogue from a clip, spoken in character."""
_ROLE_LABEL = re.compile(
    r"^(?P<name>.+?),\s*(?P<role>host|byline|anchor|presenter|interviewer|moderator|"
    r"correspondent|reporter)$",
    re.IGNORECASE,
)
"""Radio transcripts label the host once as 'DELPHINE MARR, HOST'."""
_EDITORIAL_NOTE = re.compile(r"^(?:editor'?s'?\s+)?note\s*:", re.IGNORECASE)
"""'Note: this interview has been edited...' describes the text; it is no one's line."""
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s")
_BOLD_ONLY = re.compile(r"^(?:\*\*|__)(?P<text>[^*_].*?)(?:\*\*|__)$")
_PUBLISHED_IN = re.compile(
    r"^(?i:originally\s+|first\s+)?(?i:published|appeared|posted)\s+(?i:in|on|by)\s+"
    r"(?P<outlet>[A-Z][^,;|]*?)(?=\s*[,;|]|\s+on\s|\s*$)"
)
_OUTLET_WORDS = frozenset(
    {
        "review", "weekly", "daily", "magazine", "times", "post", "news", "radio", "journal",
        "film", "films", "cinema", "online", "blog", "podcast", "tv", "press", "gazette",
        "tribune", "herald", "observer", "guardian", "reporter", "stage", "screen", "variety",
        "monthly", "quarterly", "digest", "chronicle", "network", "channel", "media", "bulletin",
        "wire", "express", "mail", "telegraph", "independent", "insider", "collective", "club",
    }
)  # fmt: skip
"""Words that make a label a publication ('Cinema Weekly'), not a person."""
_TERMINAL_PUNCTUATION = (".", "!", "?", '"', "'", ")", "]", "-")


class _Role(Enum):
    ANSWER = auto()
    INTERVIEWER = auto()
    PLAIN = auto()
    SKIP = auto()
    MARKER = auto()
    CAPTION = auto()
    HEADING = auto()


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


def _is_question(text: str) -> bool:
    plain = strip_markup(text)
    return plain.rstrip().endswith("?")


def _display(name: str) -> str:
    """'HOLLIS GREER' from a transcript reads 'Hollis Greer'."""
    return name.title() if name.isupper() else name


def _furniture(text: str, plain: str) -> _Role | None:
    """SKIP, CAPTION or HEADING for paragraphs that are no one's words, else None."""
    if (
        _STAGE_DIRECTION.match(plain)
        or _EDITORIAL_NOTE.match(plain)
        or is_chrome(plain)
        or is_byline(plain)
    ):
        return _Role.SKIP
    if is_caption(plain):
        return _Role.CAPTION
    if _MARKDOWN_HEADING.match(text):
        return _Role.HEADING
    bold = _BOLD_ONLY.match(text)
    if bold and len(plain) <= MAX_SUBHEADING_CHARS and not plain.endswith(_TERMINAL_PUNCTUATION):
        return _Role.HEADING
    return None


class _Classifier:
    """Gives every paragraph of one interview its role."""

    def __init__(self, resolver: SpeakerResolver) -> None:
        self.resolver = resolver
        self.hosts: set[str] = set()
        self.in_clip = False
        self.unknown: list[tuple[Paragraph, str, str]] = []

    def _host(self, label: str) -> bool:
        role = _ROLE_LABEL.match(label)
        if role is not None:
            name = role.group("name")
            self.hosts.update({fold(name), fold(name.split()[-1])})
            return True
        return fold(label) in self.hosts

    def item(self, paragraph: Paragraph) -> _Classified:
        text = paragraph.text
        plain = strip_markup(text)
        split = split_label(text)
        if split is None and is_spoiler_notice(plain):
            return _Classified(paragraph, _Role.MARKER, text)
        if _CLIP.match(plain):
            self.in_clip = True
            return _Classified(paragraph, _Role.HEADING, text)
        if (
            split is None
            or is_chrome(plain)
            or is_caption(split[0])
            or _EDITORIAL_NOTE.match(plain)
        ):
            role = _furniture(text, plain)
            return _Classified(paragraph, role or _Role.PLAIN, text)
        label, rest = split
        if self._host(label) or fold(label) in INTERVIEWER_LABELS:
            self.in_clip = False
            return _Classified(paragraph, _Role.INTERVIEWER, rest, label=label)
        if self.in_clip or _CLIP_LINE.match(rest):
            return _Classified(paragraph, _Role.SKIP, text, label=label)
        if fold(label) in ANSWER_LABELS:
            # Attributed once the whole document is known (see _attribute_unnamed_answers).
            return _Classified(paragraph, _Role.ANSWER, rest, label=label)
        speakers = self.resolver.resolve(label)
        if speakers:
            shown = tuple(_display(name) for name in speakers)
            return _Classified(paragraph, _Role.ANSWER, rest, shown, label)
        self.unknown.append((paragraph, label, rest))
        return _Classified(paragraph, _Role.PLAIN, text, label=label)


def _classify(document: Document, resolver: SpeakerResolver) -> list[_Classified]:
    classifier = _Classifier(resolver)
    classified = [classifier.item(p) for p in split_turns(document.paragraphs)]
    promoted = _promote_outlet_labels(classified, classifier.unknown, resolver)
    return _demote_title_labels(promoted)


def _demote_title_labels(items: list[_Classified]) -> list[_Classified]:
    """'Name: a conversation' above the first question is a title line, not an answer.

    Before anything is asked, a labelled paragraph that is short and does not end like a
    sentence is part of the header.
    """
    result: list[_Classified] = []
    in_header = True
    for item in items:
        asks = item.role is _Role.INTERVIEWER or (
            item.role is _Role.PLAIN and _is_question(item.text)
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
        asked[key] = asked.get(key, True) and _is_question(item.text)
    return {label for label, only_questions in asked.items() if only_questions}


def _promote_outlet_labels(
    classified: list[_Classified],
    unknown: list[tuple[Paragraph, str, str]],
    resolver: SpeakerResolver,
) -> list[_Classified]:
    """A label that asks questions and is no credited person marks the interviewer.

    An unknown label qualifies when it asks once; a label that reads like a name but belongs to
    no credited person qualifies when every one of its paragraphs is a question.
    """
    askers = {fold(label) for _, label, rest in unknown if _is_question(rest)}
    askers |= _asking_labels(classified, resolver)
    result: list[_Classified] = []
    for item in classified:
        label = item.label
        if label and fold(label) in askers and item.role in (_Role.PLAIN, _Role.ANSWER):
            split = split_label(item.paragraph.text)
            rest = split[1] if split else item.text
            result.append(_Classified(item.paragraph, _Role.INTERVIEWER, rest, label=label))
        else:
            result.append(item)
    return result


def _subject(items: list[_Classified], resolver: SpeakerResolver) -> tuple[str, ...] | None:
    """The one person the interview is with, or None when that is not clear.

    The only person answering under their own name; else the one person the introduction
    names after 'we spoke with'; else the only credited person the document names.
    """
    named = {s for item in items if item.role is _Role.ANSWER for s in item.speakers}
    if len(named) == 1:
        return tuple(named)
    if named:
        return None
    exchange = (_Role.ANSWER, _Role.INTERVIEWER)
    first = next((i for i, item in enumerate(items) if item.role in exchange), len(items))
    intro = [item.text for item in items[:first] if item.role is _Role.PLAIN]
    subjects = intro_subjects(intro)
    if len(subjects) == 1:
        name = subjects[0]
        resolved = _credited_match(name, resolver) or resolver.resolve_one(name)
        return (_display(resolved or name),)
    if len(resolver.mentioned_credited()) == 1:
        return resolver.mentioned_credited()
    return None


def _credited_match(name: str, resolver: SpeakerResolver) -> str | None:
    """The credited spelling of ``name``, which may differ in a final full stop ('Jr.')."""
    bare = name.rstrip(".")
    return next((v for v in (name, bare, f"{bare}.") if resolver.is_credited(v)), None)


def _attribute_unnamed_answers(
    items: list[_Classified], resolver: SpeakerResolver
) -> tuple[list[_Classified], bool]:
    """Give 'A:' answers to the interview's one subject; drop them when there is none.

    Returns the items and whether any unnamed answer had to be dropped.
    """
    unnamed = [item for item in items if item.role is _Role.ANSWER and not item.speakers]
    if not unnamed:
        return items, False
    subject = _subject(items, resolver)
    result: list[_Classified] = []
    for item in items:
        if item.role is _Role.ANSWER and not item.speakers:
            role = _Role.SKIP if subject is None else _Role.ANSWER
            result.append(_Classified(item.paragraph, role, item.text, subject or (), item.label))
        else:
            result.append(item)
    return result, subject is None


def interview_problem(document: Document, resolver: SpeakerResolver) -> str | None:
    """Why the document is not a usable interview, or None when it is one."""
    items, dropped = _attribute_unnamed_answers(_classify(document, resolver), resolver)
    if len(_build(document, items).quotes) >= MIN_ANSWERS:
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


def looks_like_interview(document: Document, resolver: SpeakerResolver) -> bool:
    """True when enough paragraphs are answers attributed to a person."""
    return interview_problem(document, resolver) is None


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
        1 for item in items[first_answer:] if item.role is _Role.PLAIN and _is_question(item.text)
    )
    return interviewer > asking


def _header(items: list[_Classified]) -> tuple[str | None, dt.date | None, str | None]:
    """Title, publication date and publication from the lines above the first exchange."""
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    for item in items:
        if item.role in (_Role.ANSWER, _Role.INTERVIEWER):
            break
        text = item.paragraph.text if item.role is _Role.SKIP else item.text
        if len(text) > MAX_HEADER_CHARS:
            continue
        plain = strip_markup(text)
        found = parse_date(plain)
        if found is not None and published is None:
            published = found
        named = _PUBLISHED_IN.match(plain)
        if named and outlet is None:
            outlet = named.group("outlet").strip()
        elif (
            title is None
            and found is None
            and item.role in (_Role.PLAIN, _Role.HEADING)
            and not plain.endswith((".", ":", "?"))
        ):
            title = plain
    return title, published, outlet


def _looks_like_outlet(label: str) -> bool:
    words = [fold(word) for word in label.split()]
    return words[0] == "the" or any(word in _OUTLET_WORDS for word in words)


def _outlet(items: list[_Classified]) -> str | None:
    """The publication that asks the questions ('Cinema Weekly:'), never a person's name."""
    return next(
        (
            item.label
            for item in items
            if item.role is _Role.INTERVIEWER
            and item.label
            and fold(item.label) not in INTERVIEWER_LABELS
            and _ROLE_LABEL.match(item.label) is None
            and _looks_like_outlet(item.label)
        ),
        None,
    )


@dataclass
class _Builder:
    """Turns classified paragraphs into quotes, following who asked what."""

    source: str
    labelled_questions: bool
    alternating: tuple[str, ...] | None
    quotes: list[Quote]
    warnings: list[str]
    question: str | None = None
    asking: bool = False
    spoiler: bool = False
    last: Quote | None = None
    started: bool = False

    def add(self, speakers: tuple[str, ...], item: _Classified, question: str | None) -> None:
        self.last = Quote(
            speakers=speakers,
            text=strip_markup(item.text) if item.role is _Role.PLAIN else item.text,
            source=self.source,
            position=len(self.quotes),
            line=item.paragraph.line,
            question=question,
            spoiler=self.spoiler,
        )
        self.quotes.append(self.last)

    def ask(self, text: str) -> None:
        text = strip_markup(text)
        self.question = f"{self.question} {text}" if self.asking and self.question else text
        self.asking = True
        self.last = None

    def feed(self, item: _Classified) -> None:
        role = item.role
        if role is _Role.MARKER:
            self.spoiler = True
        elif role is _Role.CAPTION:
            if self.started:
                self.warnings.append(
                    f"{self.source}:{item.paragraph.line}: skipped a paragraph that looks like"
                    " a photo caption or credit"
                )
        elif role is _Role.HEADING:
            # A sub-heading or a clip ends what was being asked and answered.
            self.last = None
            self.asking = False
        elif role is _Role.ANSWER:
            self.started = True
            self.asking = False
            self.add(item.speakers, item, self.question)
        elif role is _Role.INTERVIEWER:
            self.started = True
            self.ask(item.text)
        elif role is _Role.PLAIN:
            self.plain(item)

    def plain(self, item: _Classified) -> None:
        if self.labelled_questions and self.last is not None:
            self.add(self.last.speakers, item, self.last.question)
        elif not self.started:
            self.question = item.text if _is_question(item.text) else None
        elif self.alternating and not _is_question(item.text) and self.asking:
            self.asking = False
            self.add(self.alternating, item, self.question)
        elif self.alternating and not _is_question(item.text) and self.last is not None:
            self.add(self.last.speakers, item, self.last.question)
        else:
            self.ask(item.text)


def _alternating_subject(items: list[_Classified], labelled: bool) -> tuple[str, ...] | None:
    """In 'labels on the first exchange only' interviews, who answers the unlabelled questions."""
    if labelled:
        return None
    named = {item.speakers for item in items if item.role is _Role.ANSWER}
    if len(named) != 1:
        return None
    first = next(i for i, item in enumerate(items) if item.role is _Role.ANSWER)
    later = [item for item in items[first:] if item.role is _Role.PLAIN]
    asked = sum(1 for item in later if _is_question(item.text))
    return next(iter(named)) if asked and len(later) > asked else None


def _build(document: Document, items: list[_Classified]) -> _Builder:
    labelled = _questions_are_labelled(items)
    builder = _Builder(
        source=document.name,
        labelled_questions=labelled,
        alternating=_alternating_subject(items, labelled),
        quotes=[],
        warnings=[],
    )
    for item in items:
        builder.feed(item)
    return builder


def parse_interview(document: Document, resolver: SpeakerResolver) -> ParsedInterview:
    """Parse an interview document into quotes with speakers, questions and spoiler flags."""
    items, dropped = _attribute_unnamed_answers(_classify(document, resolver), resolver)
    title, published, named_outlet = _header(items)
    builder = _build(document, items)
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
        outlet=named_outlet or _outlet(items),
        warnings=tuple(warnings),
    )
