"""Tests for credit questions from the infobox."""

from __future__ import annotations

from bot.trivia.questions import generate_questions
from tests.bot.trivia.questions.films import ARTICLE, by_text, lantern_keeper, ruby_sparks


def test_ruby_sparks_two_directors() -> None:
    questions = by_text(generate_questions(ruby_sparks()))
    joint = questions["Who directed Ruby Sparks?"]
    assert joint.answer == "Jonathan Dayton and Valerie Faris"
    assert {"Valerie Faris and Jonathan Dayton", "Dayton and Faris", "Faris", "Dayton"} <= set(
        joint.answers
    )
    assert "Albert Berger and Ron Yerxa" in joint.choices  # the producers: a natural pair
    for choice in joint.choices:
        if choice != joint.answer:
            assert "Dayton" not in choice
            assert "Faris" not in choice
    partner = questions["Who co-directed Ruby Sparks with Jonathan Dayton?"]
    assert partner.answers == ("Valerie Faris", "Faris")
    assert "Jonathan Dayton" not in partner.choices
    assert questions["Who co-directed Ruby Sparks with Valerie Faris?"].answer == "Jonathan Dayton"


def test_ruby_sparks_credits() -> None:
    questions = by_text(generate_questions(ruby_sparks()))
    assert questions["Who wrote Ruby Sparks?"].answers == ("Zoe Kazan", "Kazan")
    assert questions["Who composed the music for Ruby Sparks?"].answer == "Nick Urata"
    assert questions["Who was the cinematographer of Ruby Sparks?"].answer == "Matthew Libatique"
    assert questions["Who edited Ruby Sparks?"].answer == "Pamela Martin"
    distributor = questions["Which company distributed Ruby Sparks?"]
    assert distributor.answers == ("Fox Searchlight Pictures", "Fox Searchlight")
    assert distributor.choices == ()  # only two companies: no invented distractors
    studio = questions["Which production company made Ruby Sparks?"]
    assert studio.answers == ("Bona Fide Productions", "Bona Fide")
    assert distributor.source == f"{ARTICLE} § Infobox"
    assert not any("Starring" in text or "English" in text for text in questions)


def test_lantern_keeper_credits() -> None:
    questions = by_text(generate_questions(lantern_keeper()))
    directors = questions["Who directed The Lantern Keeper?"]
    assert directors.answer == "Mara Okafor, Tomás Reyes and Lin Hale"
    assert "Okafor, Reyes and Hale" in directors.answers
    assert not any("co-directed" in text for text in questions)  # three: no partner questions
    producers = questions["Name one of the producers of The Lantern Keeper."]
    assert {"Petra Wilde", "Noor Haddad", "Ito"} <= set(producers.answers)
    # The composer's surname is in the title: the question would give its answer away.
    assert not any(question.answer == "Sven Lantern" for question in questions.values())
    # "Brandt" is shared by the writer and the editor: neither gets it as an alias.
    writer = questions["Who wrote The Lantern Keeper?"]
    assert writer.answers == ("Dr. Ivo Brandt Jr.", "Ivo Brandt")
    assert questions["Who edited The Lantern Keeper?"].answers == ("Ana Brandt",)
    assert "Ana Brandt" not in writer.choices
    studios = questions["Which production companies made The Lantern Keeper?"]
    assert studios.answers[:2] == (
        "North Star Films, Inc. and Harbor Light Pictures",
        "Harbor Light Pictures and North Star Films, Inc.",
    )
    assert "North Star" in studios.answers
    partner = questions[
        "Which production company made The Lantern Keeper together with Harbor Light Pictures?"
    ]
    assert partner.answers == ("North Star Films, Inc.", "North Star")
    distributor = questions["Which company distributed The Lantern Keeper?"]
    assert distributor.answers == ("The Beacon Company", "Beacon")
    assert distributor.choices == ()
    assert not any("Some Body" in question.answers for question in questions.values())
