"""Questions over the made-up films in real-page layouts carry no parsing debris.

Every question text, answer and choice generated for the films under
tests/bot/parsing/documents is free of title disambiguators, qualifiers, labels and name
fragments (a suffix, an article, a company word or a label on its own).
"""

from __future__ import annotations

import re

import pytest

from bot.models import FilmRecord, Question
from bot.parsing import parse_seeds
from bot.trivia.questions import generate_questions
from tests.bot.parsing.corpus import DOCUMENTS

DISAMBIGUATOR = re.compile(r"\((?:[^()]*\s)?(?:film|movie)\)", re.IGNORECASE)
QUALIFIER = re.compile(
    r"\b(?:uncredited|credited as|voice|associate \w+|A\.?S\.?C\.?|B\.?S\.?C\.?)\b|\(|\)",
)
LABEL = re.compile(r"\b[A-Z][a-z]+(?: by)?:|\b(?i:and others)\b|\b(?i:et al)\b")
FRAGMENTS = frozenset(
    {"jr", "jr.", "sr", "sr.", "iii", "the", "a", "an", "and", "films", "pictures", "works"}
)


@pytest.fixture(scope="module")
def films() -> tuple[FilmRecord, ...]:
    kb = parse_seeds(DOCUMENTS)
    assert kb.failures == ()
    return kb.films


@pytest.fixture(scope="module")
def questions(films: tuple[FilmRecord, ...]) -> list[Question]:
    return [q for film in films for q in generate_questions(film)]


def events(films: tuple[FilmRecord, ...]) -> set[str]:
    """'(Cannes)' in a date question names the event: the only parentheses allowed."""
    found = set()
    for film in films:
        for field in film.infobox:
            found.update(re.findall(r"\(([^()]+)\)", " ".join(field.values)))
    return found


def test_every_film_yields_questions(films, questions):
    assert {q.film for q in questions} == {film.slug for film in films}
    assert len(questions) > 40


def test_no_disambiguator_anywhere(questions):
    for q in questions:
        for text in (q.text, *q.answers, *q.choices):
            assert not DISAMBIGUATOR.search(text), (q.text, text)


def test_no_qualifier_or_label_in_answers_and_choices(questions):
    for q in questions:
        for text in (*q.answers, *q.choices):
            assert not QUALIFIER.search(text), (q.text, text)
            assert not LABEL.search(text), (q.text, text)


def test_question_texts_name_events_but_no_qualifiers(films, questions):
    allowed = events(films)
    for q in questions:
        for inside in re.findall(r"\(([^()]*)\)", q.text):
            assert inside in allowed, q.text
        assert not re.search(r"A\.S\.C\.|B\.S\.C\.|\bet al\b|\band others\b", q.text), q.text
        assert not LABEL.search(q.text), q.text


def test_no_name_fragment_as_an_answer_or_choice(questions):
    for q in questions:
        for text in (*q.answers, *q.choices):
            assert text.casefold() not in FRAGMENTS, (q.text, text)
            for part in re.split(r" and | & ", text):
                assert part.casefold() not in FRAGMENTS, (q.text, text)
