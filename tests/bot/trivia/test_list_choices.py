"""Wrong choices for hand-written questions: same kind, same list, never an accepted answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.models import Question, QuestionKind
from bot.trivia.custom import load_trivia_list
from bot.trivia.list_choices import AnswerKind, answer_kind, with_choices

LISTS = Path(__file__).parent / "lists"


def _question(text: str, *answers: str) -> Question:
    return Question(text, answers, (), QuestionKind.CUSTOM, False, "q.yaml", "")


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ("1931", AnswerKind.YEAR),
        ("612", AnswerKind.NUMBER),
        ("1.85", AnswerKind.NUMBER),
        ("2,400", AnswerKind.NUMBER),
        ("C", AnswerKind.SYMBOL),
        ("Fe", AnswerKind.SYMBOL),
        ("Maud Keller", AnswerKind.NAME),
        ("Auteur", AnswerKind.NAME),
        ("the director", AnswerKind.TEXT),
        ("🍿", AnswerKind.TEXT),
    ],
)
def test_answer_kinds(answer: str, kind: AnswerKind) -> None:
    assert answer_kind(answer) is kind


def test_choices_never_hold_another_accepted_answer() -> None:
    questions = with_choices(
        (
            _question("Who ran the booth?", "Maud Keller", "Maud Keler"),
            _question("Who ran the booth before her?", "Maud Kellers"),  # judged as Maud Keller
            _question("Who painted the ceiling?", "Osric Vale"),
            _question("Who sold tickets?", "Ida Brenner"),
            _question("Who played the organ?", "Felix Oduya"),
        )
    )
    first = questions[0]
    assert set(first.choices) == {"Maud Keller", "Osric Vale", "Ida Brenner", "Felix Oduya"}
    for question in questions:
        if question.choices:
            assert question.choices.count(question.answer) == 1
            others = [choice for choice in question.choices if choice != question.answer]
            assert not {choice.casefold() for choice in others} & {
                answer.casefold() for answer in question.answers
            }


def test_too_few_of_a_kind_leaves_the_question_typed_only() -> None:
    questions = with_choices(
        (
            _question("Who ran the booth?", "Maud Keller"),
            _question("Who painted the ceiling?", "Osric Vale"),
            _question("Which year did it open?", "1931"),
        )
    )
    assert [question.choices for question in questions[:2]] == [(), ()]
    assert len(questions[2].choices) == 4  # years are completed with nearby years


def test_the_same_list_gives_the_same_choices() -> None:
    trivia = load_trivia_list(LISTS / "one_char.yaml", name="one_char")
    first, second = with_choices(trivia.questions), with_choices(trivia.questions)
    assert first == second
    for question in first:
        assert sorted(question.choices) == ["B", "C", "K", "X"]
