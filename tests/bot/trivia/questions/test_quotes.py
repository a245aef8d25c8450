"""Tests for interview quote questions: complete quotes, wrong choices from other speakers."""

from __future__ import annotations

import pytest

from bot.models import Question, QuestionKind
from bot.trivia.questions import generate_questions
from bot.trivia.questions.quotes import (
    MAX_QUOTE_CHARS,
    MIN_QUOTE_CHARS,
    balanced_quotes,
    excerpt_of,
)
from tests.bot.trivia.questions.films import (
    HARBOR_PRESS,
    HARBOR_TALK,
    harbor_lights,
    lantern_keeper,
    ruby_sparks,
)

SPEAKERS = {"Pia Sandoval", "Omar Whitlock", "Lena Aho", "Ravi Menon"}


def _quotes(questions: tuple[Question, ...]) -> list[Question]:
    return [question for question in questions if question.kind is QuestionKind.QUOTE]


def test_two_speakers_are_too_few_for_a_question() -> None:
    """Two interviewed directors make every quote question a coin flip: none is asked."""
    assert _quotes(generate_questions(ruby_sparks())) == []
    assert _quotes(generate_questions(lantern_keeper())) == []  # three speakers, same rule


def test_kept_quotes_and_their_choices() -> None:
    questions = _quotes(generate_questions(harbor_lights()))
    assert [(q.source, q.answer, q.spoiler) for q in questions] == [
        (f"{HARBOR_TALK} § line 4", "Pia Sandoval", False),
        (f"{HARBOR_TALK} § line 8", "Lena Aho", False),
        (f"{HARBOR_TALK} § line 10", "Ravi Menon", False),
        (f"{HARBOR_PRESS} § line 3", "Lena Aho", False),
        (f"{HARBOR_PRESS} § line 5", "Omar Whitlock", True),
    ]
    for question in questions:
        assert set(question.choices) == SPEAKERS  # every wrong choice was quoted too
        excerpt = question.text.split(': "', 1)[1].removesuffix('"?')
        assert MIN_QUOTE_CHARS <= len(excerpt) <= MAX_QUOTE_CHARS
    assert questions[0].origin == "an interview in Quayside Weekly (May 2019)"
    assert questions[3].origin == 'the interview "Four people, one ferry"'


@pytest.mark.parametrize(
    "text",
    [
        "Even though the footage looked calm on the monitors.",  # a clause, no main clause
        "We told the crew, 'Nobody leaves the boat before the fog lifts.",  # quote never closed
        "Like with the gulls, we waited for weeks until the weather turned.",  # leans on before
        "The storm scenes... we froze for three nights in borrowed raincoats.",  # trails off
        "Did we? I honestly think the accordion chose the melody for us.",  # echoes a question
        "I think that was really something that we would do.",  # nothing distinctive
        "No, it was.",  # too short
        "Which is why the gulls stayed in the final version of the film.",  # depends on before
    ],
)
def test_fragments_are_not_quotes(text: str) -> None:
    assert excerpt_of(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "When my character lies to the harbor master, she is protecting her brother.",
            "When my character lies to the harbor master, she is protecting her brother.",
        ),
        (
            'There\'s "Port" and "Starboard", and the ferry sailors argue over both words daily.',
            "There's 'Port' and 'Starboard', and the ferry sailors argue over both words daily.",
        ),
        (
            "We filmed the harbor at dawn for six weeks. The gulls learned our schedule. "
            + "Then the council closed the pier for repairs and we had to rebuild everything"
            + " in a car park, which nobody in the crew will ever forget.",
            "We filmed the harbor at dawn for six weeks. The gulls learned our schedule.",
        ),
    ],
)
def test_complete_sentences_are_kept(text: str, expected: str) -> None:
    assert excerpt_of(text) == expected


@pytest.mark.parametrize(
    ("text", "balanced"),
    [
        ("She said 'go' and left.", True),
        ("The '60s sound of Calvin's records.", True),
        ("We gave her, 'You're going to snap.", False),
        ('He said "stop.', False),
        ("'Male', 'Female', and 'Both'.", True),
    ],
)
def test_balanced_quotes(text: str, balanced: bool) -> None:
    assert balanced_quotes(text) is balanced
