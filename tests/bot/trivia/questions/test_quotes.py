"""Tests for interview quote questions."""

from __future__ import annotations

from bot.models import QuestionKind
from bot.trivia.questions import generate_questions
from bot.trivia.questions.quotes import MAX_QUOTE_CHARS, MIN_QUOTE_CHARS
from tests.bot.trivia.questions.films import HUFF, STAGE, lantern_keeper, ruby_sparks


def test_ruby_sparks_quotes() -> None:
    quotes = [
        question
        for question in generate_questions(ruby_sparks())
        if question.kind is QuestionKind.QUOTE
    ]
    assert {question.answer for question in quotes} == {"Jonathan Dayton", "Valerie Faris"}
    for question in quotes:
        excerpt = question.text.split(': "', 1)[1].removesuffix('"?')
        assert MIN_QUOTE_CHARS <= len(excerpt) <= MAX_QUOTE_CHARS
        assert "Valerie" not in excerpt or question.answer != "Valerie Faris"
        assert "[" not in excerpt
        assert {"Jonathan Dayton", "Valerie Faris"} <= set(question.choices)
    by_line = {question.source: question for question in quotes}
    assert by_line[f"{STAGE} § line 176"].spoiler
    assert not by_line[f"{STAGE} § line 15"].spoiler
    long_quote = by_line[f"{HUFF} § line 11"]
    assert long_quote.text.endswith('we have final cut."?')  # first sentence only
    texts = " ".join(question.text for question in quotes)
    assert "I do too" not in texts  # too short
    assert "That was a key role" not in texts  # depends on what came before
    assert "Valerie and I" not in texts  # names its speaker


def test_lantern_keeper_quotes() -> None:
    quotes = [
        question
        for question in generate_questions(lantern_keeper())
        if question.kind is QuestionKind.QUOTE
    ]
    assert [(question.answer, question.spoiler) for question in quotes] == [
        ("Lin Hale", True),
        ("Tomás Reyes", False),
    ]
    assert {"Mara Okafor", "Tomás Reyes", "Lin Hale"} <= set(quotes[0].choices)
    assert all(question.source.startswith("011_interview.txt § line ") for question in quotes)
