"""Tests for what the question families share: loose comparisons and stable keys."""

from __future__ import annotations

import pytest

from bot.trivia.questions.common import Entity, figure, hash_key, loosely_equal, mentions, spaced


def test_spaced_and_mentions_ignore_case_accents_and_hyphens() -> None:
    assert spaced("  Jean-Luc  PICARD ") == "jean luc picard"
    assert mentions("A film by Tomás Reyes-Ortiz.", "tomas reyes ortiz")
    assert not mentions("Reyesville is a town.", "Reyes")
    assert not mentions("anything", "  ")


def test_figure_reads_the_first_written_number() -> None:
    assert figure("$1,250,000 budget") == 1_250_000.0
    assert figure("7.2/10") == 7.2
    assert figure("no digits") is None


@pytest.mark.parametrize(
    ("first", "second", "entity", "expected"),
    [
        ("North Star Films, Inc.", "The North Star Company", Entity.COMPANY, True),
        ("North Star Films", "Harbor Light Pictures", Entity.COMPANY, False),
        ("Mara Okafor", "Okafor", Entity.PERSON, True),
        ("Mara Okafor and Lin Hale", "Lin Hale", Entity.PERSON, True),
        ("Mara Okafor", "Lin Hale", Entity.PERSON, False),
        ("Jon Smithe", "John Smithe", Entity.PERSON, True),  # one letter apart: too similar
        ("Captain Nell Harrow", "Nell", Entity.CHARACTER, True),
        ("$9.4 million", "$9.40 million", Entity.NUMBER, True),
        ("$9.4 million", "$12.2 million", Entity.NUMBER, False),
    ],
)
def test_loosely_equal(first: str, second: str, entity: Entity, expected: bool) -> None:
    assert loosely_equal(first, second, entity) is expected
    assert loosely_equal(second, first, entity) is expected


def test_hash_key_is_stable_and_depends_on_the_question() -> None:
    assert hash_key("Who directed X?", "Ana") == hash_key("who directed x?", "ANA")
    assert hash_key("Who directed X?", "Ana") != hash_key("Who wrote X?", "Ana")
