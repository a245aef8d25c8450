"""Assembly: every family's drafts, in a fixed order, deduplicated, with choices, checked."""

from __future__ import annotations

from bot.models import FilmRecord, Question
from bot.trivia.questions.cast import cast_drafts
from bot.trivia.questions.choices import ChoicePicker, is_sound
from bot.trivia.questions.common import spaced
from bot.trivia.questions.credits import credit_drafts
from bot.trivia.questions.descriptions import description_drafts
from bot.trivia.questions.film import film_context
from bot.trivia.questions.numbers import number_drafts
from bot.trivia.questions.quotes import quote_drafts

__all__ = ["generate_questions"]


def generate_questions(film: FilmRecord) -> tuple[Question, ...]:
    """Every question the film's knowledge base supports, in a fixed order."""
    ctx = film_context(film)
    drafts = (
        *credit_drafts(ctx),
        *cast_drafts(ctx),
        *description_drafts(ctx),
        *quote_drafts(ctx),
        *number_drafts(ctx),
    )
    picker = ChoicePicker()
    seen: set[str] = set()
    questions: list[Question] = []
    for draft in drafts:
        key = spaced(draft.text)
        if key in seen or not draft.answers:
            continue
        question = Question(
            text=draft.text,
            answers=draft.answers,
            choices=picker.pick(draft),
            kind=draft.kind,
            spoiler=draft.spoiler,
            source=draft.source,
            film=film.slug,
            origin=ctx.origin(draft.source),
        )
        if is_sound(question):
            seen.add(key)
            questions.append(question)
    return tuple(questions)
