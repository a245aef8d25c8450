"""The role of every paragraph of an interview: answer, question, furniture or marker."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, auto

from bot.parsing.documents import Document, Paragraph
from bot.parsing.interview.chrome import is_byline, is_caption, is_chrome
from bot.parsing.interview.exchanges import split_turns
from bot.parsing.interview.labels import split_label, strip_markup
from bot.parsing.speakers import ANSWER_LABELS, INTERVIEWER_LABELS, SpeakerResolver
from bot.parsing.spoilers import is_spoiler_notice
from bot.text import fold

__all__ = [
    "MAX_HEADER_CHARS",
    "MAX_SUBHEADING_CHARS",
    "MIN_PULL_QUOTE_CHARS",
    "ROLE_LABEL",
    "Classified",
    "Role",
    "classify",
    "display_name",
    "is_bold_question",
    "is_question",
]

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
_CLIP_LINE = re.compile(r"^\(\s*(?:as\s|singing|sings|vocali[sz]ing|humming)", re.IGNORECASE)
"""'(As Nell) I can own the apples' or '(Singing) ...' is a clip's line, not an answer."""
ROLE_LABEL = re.compile(
    r"^(?P<name>.+?),\s*(?P<role>host|byline|anchor|presenter|interviewer|moderator|"
    r"correspondent|reporter)$",
    re.IGNORECASE,
)
"""Radio transcripts label the host once as 'DELPHINE MARR, HOST'."""
_EDITORIAL_NOTE = re.compile(r"^(?:editor'?s'?\s+)?note\s*:", re.IGNORECASE)
"""'Note: this interview has been edited...' describes the text; it is no one's line."""
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s")
_BOLD_ONLY = re.compile(r"^(?:\*\*|__)(?P<text>[^*_].*?)(?:\*\*|__)$")
_PULL_QUOTE = re.compile(r"^[\"'](?P<inner>.+?)[.,!?]?[\"']$")
MIN_PULL_QUOTE_CHARS = 20
"""A pull quote repeats at least this much of an answer."""
_TERMINAL_PUNCTUATION = (".", "!", "?", '"', "'", ")", "]", "-")


class Role(Enum):
    """What a paragraph of an interview is."""

    ANSWER = auto()
    INTERVIEWER = auto()
    PLAIN = auto()
    SKIP = auto()
    MARKER = auto()
    CAPTION = auto()
    HEADING = auto()


@dataclass(frozen=True, slots=True)
class Classified:
    """A paragraph with its role, its text without the label, its speakers and label."""

    paragraph: Paragraph
    role: Role
    text: str
    speakers: tuple[str, ...] = ()
    label: str | None = None


def is_bold_question(item: Classified) -> bool:
    """True for an unlabelled question written in bold ('**Why the sea?**')."""
    return (
        item.role is Role.PLAIN
        and item.label is None
        and _BOLD_ONLY.match(item.text) is not None
        and is_question(item.text)
    )


def is_question(text: str) -> bool:
    """True when the paragraph asks something (it ends with '?', markup aside)."""
    plain = strip_markup(text)
    return plain.rstrip().endswith("?")


def display_name(name: str) -> str:
    """'HOLLIS GREER' from a transcript reads 'Hollis Greer'."""
    return name.title() if name.isupper() else name


def _furniture(text: str, plain: str) -> Role | None:
    """SKIP, CAPTION or HEADING for paragraphs that are no one's words, else None."""
    if (
        _STAGE_DIRECTION.match(plain)
        or _EDITORIAL_NOTE.match(plain)
        or is_chrome(plain)
        or is_byline(plain)
    ):
        return Role.SKIP
    if is_caption(plain):
        return Role.CAPTION
    if _MARKDOWN_HEADING.match(text):
        return Role.HEADING
    bold = _BOLD_ONLY.match(text)
    if bold and len(plain) <= MAX_SUBHEADING_CHARS and not plain.endswith(_TERMINAL_PUNCTUATION):
        return Role.HEADING
    return None


class _Classifier:
    """Gives every paragraph of one interview its role."""

    def __init__(self, resolver: SpeakerResolver) -> None:
        self.resolver = resolver
        self.hosts: set[str] = set()
        self.in_clip = False
        self.unknown: list[tuple[Paragraph, str, str]] = []

    def _host(self, label: str) -> bool:
        role = ROLE_LABEL.match(label)
        if role is not None:
            name = role.group("name")
            self.hosts.update({fold(name), fold(name.split()[-1])})
            return True
        return fold(label) in self.hosts

    def _first_name(self, label: str) -> tuple[str, ...] | None:
        """'Hollis:' for the one credited person named in full whose first name it is."""
        if len(label.split()) != 1:
            return None
        matches = [
            name
            for name in self.resolver.mentioned_credited()
            if len(name.split()) > 1 and fold(name.split()[0]) == fold(label)
        ]
        return (matches[0],) if len(matches) == 1 else None

    def item(self, paragraph: Paragraph) -> Classified:
        """The role of one speaker turn."""
        text = paragraph.text
        plain = strip_markup(text)
        split = split_label(text)
        if split is None and is_spoiler_notice(plain):
            return Classified(paragraph, Role.MARKER, text)
        if _CLIP.match(plain):
            self.in_clip = True
            return Classified(paragraph, Role.HEADING, text)
        if (
            split is None
            or is_chrome(plain)
            or is_caption(split[0])
            or _EDITORIAL_NOTE.match(plain)
        ):
            role = _furniture(text, plain)
            if role is None and self.in_clip:
                role = Role.SKIP  # a lyric or a line of the clip, written without a label
            return Classified(paragraph, role or Role.PLAIN, text)
        label, rest = split
        if self._host(label) or fold(label) in INTERVIEWER_LABELS:
            self.in_clip = False
            return Classified(paragraph, Role.INTERVIEWER, rest, label=label)
        if _CLIP_LINE.match(rest) or (self.in_clip and not self.resolver.resolve(label)):
            return Classified(paragraph, Role.SKIP, text, label=label)
        self.in_clip = False  # a known person speaking as themselves ends the clip
        if fold(label) in ANSWER_LABELS:
            # Attributed once the whole document is known (see attribute_unnamed_answers).
            return Classified(paragraph, Role.ANSWER, rest, label=label)
        speakers = self.resolver.resolve(label) or self._first_name(label)
        if speakers:
            shown = tuple(display_name(name) for name in speakers)
            return Classified(paragraph, Role.ANSWER, rest, shown, label)
        self.unknown.append((paragraph, label, rest))
        return Classified(paragraph, Role.PLAIN, text, label=label)


def classify(document: Document, resolver: SpeakerResolver) -> list[Classified]:
    """Every speaker turn of the document with its role."""
    classifier = _Classifier(resolver)
    classified = [classifier.item(p) for p in split_turns(document.paragraphs)]
    promoted = _promote_outlet_labels(classified, classifier.unknown, resolver)
    return _skip_pull_quotes(_demote_title_labels(promoted))


def _skip_pull_quotes(items: list[Classified]) -> list[Classified]:
    """A quoted line that repeats words from elsewhere in the page is a pull quote: skipped."""
    texts = [fold(item.text) for item in items]
    result: list[Classified] = []
    for index, item in enumerate(items):
        quoted = _PULL_QUOTE.match(strip_markup(item.text)) if item.role is Role.PLAIN else None
        inner = fold(quoted.group("inner")) if quoted else ""
        repeated = len(inner) >= MIN_PULL_QUOTE_CHARS and any(
            inner in text for other, text in enumerate(texts) if other != index
        )
        result.append(Classified(item.paragraph, Role.SKIP, item.text) if repeated else item)
    return result


def _demote_title_labels(items: list[Classified]) -> list[Classified]:
    """'Name: a conversation' above the first question is a title line, not an answer.

    Before anything is asked, a labelled paragraph that is short and does not end like a
    sentence is part of the header.
    """
    result: list[Classified] = []
    in_header = True
    for item in items:
        asks = item.role is Role.INTERVIEWER or (item.role is Role.PLAIN and is_question(item.text))
        sentence = item.text.rstrip().endswith(_TERMINAL_PUNCTUATION)
        if asks or (item.role is Role.ANSWER and sentence):
            in_header = False
        if (
            in_header
            and item.role is Role.ANSWER
            and item.speakers
            and len(item.paragraph.text) <= MAX_HEADER_CHARS
        ):
            result.append(Classified(item.paragraph, Role.PLAIN, item.paragraph.text))
            continue
        result.append(item)
    return result


def _asking_labels(classified: list[Classified], resolver: SpeakerResolver) -> set[str]:
    """Labels that only ever ask, of people known only from the text (e.g. 'Cinema Weekly')."""
    asked: dict[str, bool] = {}
    for item in classified:
        if item.role is not Role.ANSWER or len(item.speakers) != 1 or item.label is None:
            continue
        if resolver.is_credited(item.speakers[0]):
            continue
        key = fold(item.label)
        asked[key] = asked.get(key, True) and is_question(item.text)
    return {label for label, only_questions in asked.items() if only_questions}


def _promote_outlet_labels(
    classified: list[Classified],
    unknown: list[tuple[Paragraph, str, str]],
    resolver: SpeakerResolver,
) -> list[Classified]:
    """A label that asks questions and is no credited person marks the interviewer.

    An unknown label qualifies when it asks once; a label that reads like a name but belongs to
    no credited person qualifies when every one of its paragraphs is a question.
    """
    askers = {fold(label) for _, label, rest in unknown if is_question(rest)}
    askers |= _asking_labels(classified, resolver)
    result: list[Classified] = []
    for item in classified:
        label = item.label
        if label and fold(label) in askers and item.role in (Role.PLAIN, Role.ANSWER):
            split = split_label(item.paragraph.text)
            rest = split[1] if split else item.text
            result.append(Classified(item.paragraph, Role.INTERVIEWER, rest, label=label))
        else:
            result.append(item)
    return result
