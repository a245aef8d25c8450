"""Turning classified paragraphs into quotes, following who asked what."""

from __future__ import annotations

from dataclasses import dataclass

from bot.models import Quote
from bot.parsing.documents import Document
from bot.parsing.interview.attribution import alternating_subject, questions_are_labelled
from bot.parsing.interview.labels import strip_markup
from bot.parsing.interview.roles import Classified, Role, is_bold_question, is_question
from bot.parsing.speakers import SpeakerResolver

__all__ = ["Builder", "build"]


@dataclass
class Builder:
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

    def add(self, speakers: tuple[str, ...], item: Classified, question: str | None) -> None:
        """Record ``item`` as a quote of ``speakers`` answering ``question``."""
        self.last = Quote(
            speakers=speakers,
            text=strip_markup(item.text) if item.role is Role.PLAIN else item.text,
            source=self.source,
            position=len(self.quotes),
            line=item.paragraph.line,
            question=question,
            spoiler=self.spoiler,
        )
        self.quotes.append(self.last)

    def ask(self, text: str) -> None:
        """Record ``text`` as (part of) the question now being asked."""
        text = strip_markup(text)
        self.question = f"{self.question} {text}" if self.asking and self.question else text
        self.asking = True
        self.last = None

    def feed(self, item: Classified) -> None:
        """Take the next paragraph of the interview."""
        role = item.role
        if role is Role.MARKER:
            self.spoiler = True
        elif role is Role.CAPTION:
            if self.started:
                self.warnings.append(
                    f"{self.source}:{item.paragraph.line}: skipped a paragraph that looks like"
                    " a photo caption or credit"
                )
        elif role is Role.HEADING:
            # A sub-heading or a clip ends what was being asked and answered.
            self.last = None
            self.asking = False
        elif role is Role.ANSWER:
            self.started = True
            self.asking = False
            self.add(item.speakers, item, self.question)
        elif role is Role.INTERVIEWER:
            self.started = True
            self.ask(item.text)
        elif role is Role.PLAIN:
            self.plain(item)

    def plain(self, item: Classified) -> None:
        """An unlabelled paragraph: a continued answer, an alternating answer or a question."""
        if self.labelled_questions and self.last is not None:
            self.add(self.last.speakers, item, self.last.question)
        elif not self.started and self.alternating and is_bold_question(item):
            self.started = True
            self.ask(item.text)
        elif not self.started:
            self.question = item.text if is_question(item.text) else None
        elif self.alternating and not is_question(item.text) and self.asking:
            self.asking = False
            self.add(self.alternating, item, self.question)
        elif self.alternating and not is_question(item.text) and self.last is not None:
            self.add(self.last.speakers, item, self.last.question)
        else:
            self.ask(item.text)


def build(document: Document, items: list[Classified], resolver: SpeakerResolver) -> Builder:
    """The quotes and warnings of an interview whose paragraphs are classified."""
    labelled = questions_are_labelled(items)
    builder = Builder(
        source=document.name,
        labelled_questions=labelled,
        alternating=alternating_subject(items, labelled, resolver),
        quotes=[],
        warnings=[],
    )
    for item in items:
        builder.feed(item)
    return builder
