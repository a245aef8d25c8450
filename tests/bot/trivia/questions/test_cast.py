"""Tests for cast questions both ways."""

from __future__ import annotations

from bot.models import QuestionKind
from bot.trivia.questions import generate_questions
from tests.bot.trivia.questions.films import ARTICLE, by_text, lantern_keeper, ruby_sparks


def test_ruby_sparks_cast_both_ways() -> None:
    questions = by_text(generate_questions(ruby_sparks()))
    actor = questions["Who plays Calvin Weir-Fields in Ruby Sparks?"]
    assert actor.kind is QuestionKind.ACTOR
    assert actor.answers == ("Paul Dano", "Dano")
    assert actor.source == f"{ARTICLE} § Cast"
    character = questions["Whom does Paul Dano play in Ruby Sparks?"]
    assert character.kind is QuestionKind.CHARACTER
    # "Weir-Fields" is shared by three characters: no surname alias, no Weir-Fields distractor.
    assert character.answers == ("Calvin Weir-Fields", "Calvin Weir Fields", "Calvin")
    assert not any("Weir" in choice for choice in character.choices if choice != character.answer)
    assert questions["Whom does Elliott Gould play in Ruby Sparks?"].answers == (
        "Dr. Rosenthal",
        "Rosenthal",
    )
    # The title contains the answer ("Ruby Sparks"), so this one is never asked.
    assert "Whom does Zoe Kazan play in Ruby Sparks?" not in questions
    assert questions["Who plays Ruby Tiffany Sparks in Ruby Sparks?"].answer == "Zoe Kazan"
    # A descriptive extra is not asked about.
    assert not any("Silverlake" in text or "Michael Berry" in text for text in questions)


def test_lantern_keeper_cast_skips_ambiguous_roles() -> None:
    questions = by_text(generate_questions(lantern_keeper()))
    texts = " ".join(questions)
    assert "Who plays Tom Harrow" not in texts  # two actors
    assert "Whom does Owen Marsh play" not in texts  # two roles
    assert "Herself" not in texts and "Rita Vance" not in texts  # plays herself
    assert "harbor master" not in texts  # the same clause for two characters
    assert "Whom does Hugo Dane play" not in texts  # "The Keeper" is in the title
    assert "a ghost" not in texts  # indefinite and naming nobody: not distinctive
    nell = questions["Whom does Ada Quill play in The Lantern Keeper?"]
    assert nell.answers == (
        "Captain Nell Harrow",
        "Nell Harrow",
        "Nell",
    )  # "Harrow" is shared with Tom Harrow
    keeper = questions["In The Lantern Keeper, who plays the keeper of the lighthouse?"]
    assert keeper.answer == "Ada Quill"
    assert keeper.spoiler  # the cast section is marked as a spoiler
    son = questions["In The Lantern Keeper, who plays Nell's son as a boy?"]
    assert son.answer == "Ben Osei"
    stand_in = questions["In The Lantern Keeper, who plays Hugo Dane's stand-in on the cliffs?"]
    assert "Hugo Dane" not in stand_in.choices
    assert questions["Whom does June Quill play in The Lantern Keeper?"].spoiler
    assert questions["Who plays Mayor Pike in The Lantern Keeper?"].answer == "Owen Marsh"
