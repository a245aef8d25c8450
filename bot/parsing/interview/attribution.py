"""Who answers: the interview's one subject for 'A:' answers and unlabelled exchanges."""

from __future__ import annotations

from bot.parsing.interview.roles import (
    Classified,
    Role,
    display_name,
    is_bold_question,
    is_question,
)
from bot.parsing.interview.subjects import intro_subjects
from bot.parsing.speakers import SpeakerResolver

__all__ = [
    "MIN_BOLD_QUESTIONS",
    "alternating_subject",
    "attribute_unnamed_answers",
    "questions_are_labelled",
]

MIN_BOLD_QUESTIONS = 2
"""An interview without any speaker label is read when it asks at least this many in bold."""


def _subject(items: list[Classified], resolver: SpeakerResolver) -> tuple[str, ...] | None:
    """The one person the interview is with, or None when that is not clear.

    The only person answering under their own name; else the one person the introduction
    names after 'we spoke with'; else the only credited person the document names.
    """
    named = {s for item in items if item.role is Role.ANSWER for s in item.speakers}
    if len(named) == 1:
        return tuple(named)
    if named:
        return None
    exchange = (Role.ANSWER, Role.INTERVIEWER)
    first = next((i for i, item in enumerate(items) if item.role in exchange), len(items))
    return _intro_subject(items[:first], resolver)


def _intro_subject(intro: list[Classified], resolver: SpeakerResolver) -> tuple[str, ...] | None:
    """The one person the introduction says the interview is with, else the one credited."""
    subjects = intro_subjects(item.text for item in intro if item.role is Role.PLAIN)
    if len(subjects) == 1:
        name = subjects[0]
        resolved = _credited_match(name, resolver) or resolver.resolve_one(name)
        return (display_name(resolved or name),)
    if len(resolver.mentioned_credited()) == 1:
        return resolver.mentioned_credited()
    return None


def _credited_match(name: str, resolver: SpeakerResolver) -> str | None:
    """The credited spelling of ``name``, which may differ in a final full stop ('Jr.')."""
    bare = name.rstrip(".")
    return next((v for v in (name, bare, f"{bare}.") if resolver.is_credited(v)), None)


def attribute_unnamed_answers(
    items: list[Classified], resolver: SpeakerResolver
) -> tuple[list[Classified], bool]:
    """Give 'A:' answers to the interview's one subject; drop them when there is none.

    Returns the items and whether any unnamed answer had to be dropped.
    """
    unnamed = [item for item in items if item.role is Role.ANSWER and not item.speakers]
    if not unnamed:
        return items, False
    subject = _subject(items, resolver)
    result: list[Classified] = []
    for item in items:
        if item.role is Role.ANSWER and not item.speakers:
            role = Role.SKIP if subject is None else Role.ANSWER
            result.append(Classified(item.paragraph, role, item.text, subject or (), item.label))
        else:
            result.append(item)
    return result, subject is None


def questions_are_labelled(items: list[Classified]) -> bool:
    """True when the document labels its questions (then unlabelled lines continue answers).

    Labelled questions anywhere (the first one comes before any answer) are weighed against
    the unlabelled paragraphs between answers that ask something.
    """
    first_answer = next((i for i, item in enumerate(items) if item.role is Role.ANSWER), None)
    if first_answer is None:
        return False
    interviewer = sum(1 for item in items if item.role is Role.INTERVIEWER)
    asking = sum(
        1 for item in items[first_answer:] if item.role is Role.PLAIN and is_question(item.text)
    )
    return interviewer > asking


def alternating_subject(
    items: list[Classified], labelled: bool, resolver: SpeakerResolver
) -> tuple[str, ...] | None:
    """Who answers the unlabelled questions of an interview that labels few or no turns.

    With labels on the first exchange only, the one person who answered under their name.
    With no labels at all, questions in bold and the person the introduction names.
    """
    if labelled:
        return None
    named = {item.speakers for item in items if item.role is Role.ANSWER}
    if not named:
        bold = [i for i, item in enumerate(items) if is_bold_question(item)]
        if len(bold) < MIN_BOLD_QUESTIONS:
            return None
        return _intro_subject(items[: bold[0]], resolver)
    if len(named) != 1:
        return None
    first = next(i for i, item in enumerate(items) if item.role is Role.ANSWER)
    later = [item for item in items[first:] if item.role is Role.PLAIN]
    asked = sum(1 for item in later if is_question(item.text))
    return next(iter(named)) if asked and len(later) > asked else None
