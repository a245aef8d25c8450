"""Tests for number questions (year, month, runtime, money, review scores)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from bot.models import InfoboxField
from bot.trivia.questions import generate_questions
from bot.trivia.questions.choices import CHOICE_COUNT
from tests.bot.trivia.questions.films import ARTICLE, by_text, lantern_keeper, ruby_sparks


def test_ruby_sparks_numbers() -> None:
    questions = by_text(generate_questions(ruby_sparks()))
    year = questions["In what year was Ruby Sparks released?"]
    assert year.answers == ("2012",)
    assert all(abs(int(choice) - 2012) <= 3 for choice in year.choices)
    month = questions["In which month of 2012 was Ruby Sparks released?"]
    assert month.answer == "July"
    assert "July 2012" in month.answers
    runtime = questions["How long is Ruby Sparks, in minutes?"]
    assert runtime.answers[:2] == ("104 minutes", "104")
    assert all(choice.endswith(" minutes") for choice in runtime.choices)
    gross = questions["How much did Ruby Sparks gross at the box office?"]
    assert gross.answer == "$9.4 million"
    assert "9.4" not in gross.answers  # a different value: the judge calls it close
    assert all(re.fullmatch(r"\$\d+\.\d million", choice) for choice in gross.choices)
    approval = questions["What is the approval rating of Ruby Sparks on Rotten Tomatoes?"]
    assert approval.answers == ("79%", "79", "79 percent")
    assert approval.source == f"{ARTICLE} § Critical response"
    assert all(choice.endswith("%") for choice in approval.choices)
    average = questions["What is the average rating of Ruby Sparks on Rotten Tomatoes?"]
    assert all(re.fullmatch(r"\d\.\d/10", choice) for choice in average.choices)
    metacritic = questions["What is the score of Ruby Sparks on Metacritic?"]
    assert metacritic.answer == "67"
    assert all(0 <= int(choice) <= 100 for choice in metacritic.choices)


def test_lantern_keeper_numbers() -> None:
    questions = by_text(generate_questions(lantern_keeper()))
    runtime = questions["How long is The Lantern Keeper, in minutes?"]
    assert all(int(choice.split()[0]) > 0 for choice in runtime.choices)
    month = questions["In which month of 1998 was The Lantern Keeper released?"]
    assert month.answer == "January"
    assert len(month.choices) == CHOICE_COUNT
    budget = questions["What was the budget of The Lantern Keeper?"]
    assert budget.answer == "$1,250,000"
    assert all(re.fullmatch(r"\$\d{1,3}(,\d{3})+", choice) for choice in budget.choices)
    assert budget.source == "010_lantern.txt § Infobox"
    gross = questions["How much did The Lantern Keeper gross at the box office?"]
    assert gross.source == "010_lantern.txt § Box office"
    assert all(choice.startswith("£") for choice in gross.choices)
    assert not any("Opening weekend" in text for text in questions)
    approval = questions["What is the approval rating of The Lantern Keeper on Rotten Tomatoes?"]
    assert all(int(choice.rstrip("%")) <= 100 for choice in approval.choices)
    letterboxd = questions["What is the average rating of The Lantern Keeper on Letterboxd?"]
    assert all(0 <= float(choice.split("/")[0]) <= 5 for choice in letterboxd.choices)
    assert all(choice.endswith("/5") for choice in letterboxd.choices)


def test_several_release_dates_name_the_event_and_are_never_wrong_choices() -> None:
    infobox = (
        InfoboxField(
            "Release dates",
            ("March 9, 2015 (Harbour Film Festival)", "November 20, 2015 (Canada)"),
            7,
        ),
    )
    film = dataclasses.replace(
        lantern_keeper(), infobox=infobox, release_date=dt.date(2015, 3, 9), year=2015
    )
    questions = by_text(generate_questions(film))
    month = questions[
        "In which month of 2015 was The Lantern Keeper released (Harbour Film Festival)?"
    ]
    assert month.answer == "March"
    assert "November" not in month.choices
    year = questions["In what year was The Lantern Keeper released (Harbour Film Festival)?"]
    assert year.answers == ("2015",)


def test_a_festival_year_is_not_a_wrong_choice_for_the_release_year() -> None:
    infobox = (
        InfoboxField(
            "Released", ("December 1, 2014 (Harbour Film Festival)", "May 2, 2015 (Canada)"), 7
        ),
    )
    film = dataclasses.replace(
        lantern_keeper(), infobox=infobox, release_date=dt.date(2014, 12, 1), year=2014
    )
    questions = by_text(generate_questions(film))
    year = questions["In what year was The Lantern Keeper released (Harbour Film Festival)?"]
    assert year.answers == ("2014",)
    assert "2015" not in year.choices


def test_a_premiere_field_names_its_event_and_its_date_is_no_wrong_choice() -> None:
    infobox = (
        InfoboxField("Premiere", ("April 4, 2015",), 6),
        InfoboxField("Released", ("June 5, 2015",), 7),
    )
    film = dataclasses.replace(
        lantern_keeper(), infobox=infobox, release_date=dt.date(2015, 4, 4), year=2015
    )
    questions = by_text(generate_questions(film))
    month = questions["In which month of 2015 was The Lantern Keeper released (Premiere)?"]
    assert month.answer == "April"
    assert "June" not in month.choices
