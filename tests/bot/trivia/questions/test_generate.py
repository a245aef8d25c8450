"""Tests for assembling the families: the rules every question obeys, order, determinism."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import groupby

import pytest

from bot.models import FilmRecord, QuestionKind
from bot.text import fold
from bot.trivia.questions import generate_questions
from bot.trivia.questions.choices import CHOICE_COUNT
from tests.bot.trivia.questions.films import (
    by_text,
    harbor_lights,
    lantern_keeper,
    paper_moons,
    ruby_sparks,
)

FILMS = (ruby_sparks, lantern_keeper, paper_moons, harbor_lights)


def _spaced(text: str) -> str:
    return " ".join(fold(text).replace("-", " ").split())


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(_spaced(phrase))}(?!\w)", _spaced(text)) is not None


@pytest.mark.parametrize("make", FILMS, ids=lambda make: make.__name__)
def test_never_rules_hold_for_every_question(make: Callable[[], FilmRecord]) -> None:
    film = make()
    questions = generate_questions(film)
    assert questions
    texts = [fold(question.text) for question in questions]
    assert len(texts) == len(set(texts)), "duplicate questions"
    for question in questions:
        assert question.film == film.slug
        assert question.source
        assert question.answers
        assert all(answer.strip() for answer in question.answers)
        for answer in question.answers:
            assert not _contains(question.text, answer), (question.text, answer)
        if not question.choices:
            continue
        folded = [_spaced(choice) for choice in question.choices]
        assert len(question.choices) == CHOICE_COUNT
        assert len(set(folded)) == CHOICE_COUNT, question.choices
        accepted = {_spaced(answer) for answer in question.answers}
        assert sum(choice in accepted for choice in folded) == 1, question
        assert question.choices.count(question.answer) == 1
        if question.kind is not QuestionKind.NUMBER:
            for choice in question.choices:
                assert choice == question.answer or not _contains(question.text, choice)


@pytest.mark.parametrize("make", FILMS, ids=lambda make: make.__name__)
def test_output_is_deterministic(make: Callable[[], FilmRecord]) -> None:
    assert generate_questions(make()) == generate_questions(make())


def test_ruby_sparks_counts_per_kind() -> None:
    counts = Counter(question.kind for question in generate_questions(ruby_sparks()))
    assert counts == {
        QuestionKind.CREDIT: 12,
        QuestionKind.ACTOR: 12,
        QuestionKind.CHARACTER: 11,
        QuestionKind.DESCRIPTION: 9,
        QuestionKind.NUMBER: 7,
    }  # no quote questions: only the two directors are interviewed


def test_paper_moons_sparse_data() -> None:
    questions = generate_questions(paper_moons())
    texts = by_text(questions)
    director = texts["Who directed Paper Moons?"]
    assert director.choices == ()  # only one other person: no invented distractors
    assert director.source == "paper-moons § Infobox"
    assert texts["Which production company made Paper Moons?"].answers == (
        "Moonbeam Studios",
        "Moonbeam",
    )
    assert "In Paper Moons, who plays the girl?" not in texts  # the clause names the character
    assert texts["Whom does Rosa Lind play in Paper Moons?"].answer == "Moon Girl"
    assert not any("newspaper" in text for text in texts)  # descriptive names are skipped
    assert all(
        question.choices == () for question in questions if question.kind is not QuestionKind.NUMBER
    )


def test_empty_film_gives_no_questions() -> None:
    assert generate_questions(FilmRecord(slug="empty", title="Empty")) == ()


def test_choices_follow_the_question_not_the_position() -> None:
    questions = generate_questions(ruby_sparks())
    positions = {
        question.choices.index(question.answer) for question in questions if question.choices
    }
    assert positions == {0, 1, 2, 3}


def test_order_is_fixed_family_by_family() -> None:
    """Any change in question order or choice order shows up here (the generator is golden)."""
    assert [
        (question.kind, question.text, question.answers, question.choices)
        for question in generate_questions(paper_moons())
    ] == [
        (QuestionKind.CREDIT, "Who directed Paper Moons?", ("Yuki Tanabe", "Tanabe"), ()),
        (
            QuestionKind.CREDIT,
            "Which production company made Paper Moons?",
            ("Moonbeam Studios", "Moonbeam"),
            (),
        ),
        (QuestionKind.ACTOR, "Who plays Moon Girl in Paper Moons?", ("Rosa Lind", "Lind"), ()),
        (
            QuestionKind.CHARACTER,
            "Whom does Rosa Lind play in Paper Moons?",
            ("Moon Girl", "Moon", "Girl"),
            (),
        ),
        (
            QuestionKind.NUMBER,
            "In what year was Paper Moons released?",
            ("2021",),
            ("2024", "2018", "2021", "2019"),
        ),
    ]
    questions = generate_questions(ruby_sparks())
    cast_kinds = {QuestionKind.ACTOR, QuestionKind.CHARACTER}
    families = [
        "cast" if question.kind in cast_kinds else question.kind.value for question in questions
    ]
    assert [family for family, _ in groupby(families)] == [
        QuestionKind.CREDIT.value,
        "cast",
        QuestionKind.DESCRIPTION.value,
        QuestionKind.NUMBER.value,
    ]
    assert [question.text for question in questions[:7]] == [
        "Who directed Ruby Sparks?",
        "Who co-directed Ruby Sparks with Valerie Faris?",
        "Who co-directed Ruby Sparks with Jonathan Dayton?",
        "Who wrote Ruby Sparks?",
        "Who produced Ruby Sparks?",
        "Who produced Ruby Sparks together with Ron Yerxa?",
        "Who produced Ruby Sparks together with Albert Berger?",
    ]
    assert questions[0].choices == (
        "Albert Berger and Ron Yerxa",
        "Jonathan Dayton and Valerie Faris",
        "Elliott Gould and Aasif Mandvi",
        "Michael Berry Jr. and Deborah Ann Woll",
    )
    actors = [question.answer for question in questions if question.kind is QuestionKind.ACTOR]
    assert actors[:3] == ["Paul Dano", "Zoe Kazan", "Antonio Banderas"]  # cast-list order


def test_every_generated_question_says_where_it_comes_from() -> None:
    questions = generate_questions(ruby_sparks())
    origins = {question.source: question.origin for question in questions}
    assert all(origins.values())
    by_question = by_text(questions)
    assert by_question["Who directed Ruby Sparks?"].origin == "the article on Ruby Sparks (infobox)"
    gross = by_question["How much did Ruby Sparks gross at the box office?"]
    assert gross.origin.startswith("the article on Ruby Sparks")
