"""Tests for character description questions."""

from __future__ import annotations

from bot.models import QuestionKind
from bot.trivia.questions import generate_questions
from tests.bot.trivia.questions.films import by_text, ruby_sparks


def test_ruby_sparks_descriptions() -> None:
    questions = by_text(generate_questions(ruby_sparks()))
    descriptions = {
        text: question.answer
        for text, question in questions.items()
        if question.kind is QuestionKind.DESCRIPTION
    }
    assert descriptions == {
        "In Ruby Sparks, who plays the carefree boyfriend of Calvin's mother?": "Antonio Banderas",
        "In Ruby Sparks, who plays Calvin's mother?": "Annette Bening",
        "In Ruby Sparks, who plays a novelist friend of Calvin?": "Steve Coogan",
        "In Ruby Sparks, who plays Calvin's therapist?": "Elliott Gould",
        "In Ruby Sparks, who plays Calvin's older brother?": "Chris Messina",
        "In Ruby Sparks, who plays a fan of Calvin's?": "Alia Shawkat",
        "In Ruby Sparks, who plays Calvin's publicist?": "Aasif Mandvi",
        "In Ruby Sparks, who plays Harry's wife?": "Toni Trucks",
        "In Ruby Sparks, who plays Calvin's ex-girlfriend?": "Deborah Ann Woll",
    }
