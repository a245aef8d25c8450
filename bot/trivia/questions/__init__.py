"""Trivia questions generated from a film's knowledge base, with no hand-written list.

One module per family: ``credits`` (from the infobox), ``cast`` (both ways), ``descriptions``
(of characters), ``quotes`` (interview attribution) and ``numbers`` (year, month, runtime, box
office, review scores).  ``film`` gathers the name pools they draw from, ``common`` holds the
draft shape and loose comparisons, ``choices`` picks and checks choices, and ``generate`` puts
it together.  Every question is checked before it is kept: its text never contains one of its
accepted answers, no two questions have the same folded text, and multiple-choice questions
have exactly four choices of which exactly one is accepted and none is loosely similar to an
accepted answer.  Output depends only on the film: choices are ordered by a hash of the
question text, never by a random generator.
"""

from bot.trivia.questions.choices import CHOICE_COUNT, DISTRACTOR_COUNT
from bot.trivia.questions.common import MIN_NAME_TOKEN_LENGTH, SIMILAR_NAME_RATIO
from bot.trivia.questions.credits import MAX_JOINT_CREDIT, PAIR
from bot.trivia.questions.descriptions import MAX_DESCRIPTION_WORDS, MIN_DESCRIPTION_WORDS
from bot.trivia.questions.generate import generate_questions
from bot.trivia.questions.numbers import (
    MONEY_FACTORS,
    MONTH_OFFSETS,
    RUNTIME_OFFSETS,
    SCORE_OFFSET_FRACTIONS,
    YEAR_OFFSETS,
)
from bot.trivia.questions.quotes import MAX_QUOTE_CHARS, MIN_QUOTE_CHARS
from bot.trivia.questions.roles import CREDIT_ROLES, CreditRole

__all__ = [
    "CHOICE_COUNT",
    "CREDIT_ROLES",
    "DISTRACTOR_COUNT",
    "MAX_DESCRIPTION_WORDS",
    "MAX_JOINT_CREDIT",
    "MAX_QUOTE_CHARS",
    "MIN_DESCRIPTION_WORDS",
    "MIN_NAME_TOKEN_LENGTH",
    "MIN_QUOTE_CHARS",
    "MONEY_FACTORS",
    "MONTH_OFFSETS",
    "PAIR",
    "RUNTIME_OFFSETS",
    "SCORE_OFFSET_FRACTIONS",
    "SIMILAR_NAME_RATIO",
    "YEAR_OFFSETS",
    "CreditRole",
    "generate_questions",
]
