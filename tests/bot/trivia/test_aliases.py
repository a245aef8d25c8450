"""Tests for answer aliases."""

from __future__ import annotations

import pytest

from bot.names import is_proper_name
from bot.names import surname as surname_of
from bot.trivia.aliases import (
    character_aliases,
    company_aliases,
    hyphen_variants,
    month_aliases,
    number_aliases,
    person_aliases,
    title_aliases,
    unique_folded,
)

CHARACTERS = (
    "Calvin Weir-Fields",
    "Ruby Tiffany Sparks",
    "Mort",
    "Gertrude",
    "Langdon Tharp",
    "Dr. Rosenthal",
    "Harry Weir-Fields",
    "Mabel",
    "Cyrus Modi",
    "Susie Weir-Fields",
    "Lila",
    "Warren",
    "Silverlake passerby",
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Paul Dano", ("Paul Dano", "Dano")),
        ("Michael Berry Jr.", ("Michael Berry Jr.", "Michael Berry", "Berry")),
        ("Michael Berry, Jr.", ("Michael Berry, Jr.", "Michael Berry", "Berry")),
        ("Deborah Ann Woll", ("Deborah Ann Woll", "Deborah Woll", "Woll")),
        ("Dr. Ivo Brandt", ("Dr. Ivo Brandt", "Ivo Brandt", "Brandt")),
        ("Guillermo del Toro", ("Guillermo del Toro", "del Toro")),
        ("Joel Ruiz-Park", ("Joel Ruiz-Park", "Joel Ruiz Park", "Ruiz-Park", "Ruiz Park")),
        ("Madonna", ("Madonna",)),
        (
            'Dwayne "The Rock" Johnson',
            ('Dwayne "The Rock" Johnson', "Dwayne Johnson", "Johnson", "The Rock"),
        ),
    ],
)
def test_person_aliases(name: str, expected: tuple[str, ...]) -> None:
    assert person_aliases(name) == expected


def test_person_first_name_is_never_an_alias() -> None:
    for name in ("Zoe Kazan", "Valerie Faris", "Deborah Ann Woll"):
        assert name.split()[0] not in person_aliases(name)


def test_person_surname_needs_to_be_unique_in_the_film() -> None:
    people = ("Zoe Kazan", "Elia Kazan", "Paul Dano", "Zoe Kazan")
    assert person_aliases("Zoe Kazan", people) == ("Zoe Kazan",)
    # The same person listed twice (writer and actor) does not make the surname ambiguous.
    assert person_aliases("Paul Dano", ("Paul Dano", "Paul Dano", "Zoe Kazan")) == (
        "Paul Dano",
        "Dano",
    )
    # A bare surname (an interview's speaker label) is the same person.
    assert person_aliases("Jonathan Dayton", ("Dayton", "Valerie Faris")) == (
        "Jonathan Dayton",
        "Dayton",
    )
    # Another person's first name equal to the surname would make it ambiguous too.
    assert person_aliases("Pamela Martin", ("Martin Long",)) == ("Pamela Martin",)


def test_character_aliases_in_a_film() -> None:
    assert character_aliases("Ruby Tiffany Sparks", CHARACTERS) == (
        "Ruby Tiffany Sparks",
        "Ruby Sparks",
        "Ruby",
        "Sparks",
    )
    assert character_aliases("Dr. Rosenthal", CHARACTERS) == ("Dr. Rosenthal", "Rosenthal")
    # "Weir-Fields" is shared by three characters.
    assert character_aliases("Calvin Weir-Fields", CHARACTERS) == (
        "Calvin Weir-Fields",
        "Calvin Weir Fields",
        "Calvin",
    )
    assert character_aliases("Mort", CHARACTERS) == ("Mort",)
    assert character_aliases("Silverlake passerby", CHARACTERS) == ("Silverlake passerby",)


def test_character_aliases_without_other_characters() -> None:
    assert character_aliases("Calvin Weir-Fields") == (
        "Calvin Weir-Fields",
        "Calvin Weir Fields",
        "Calvin",
        "Weir-Fields",
        "Weir Fields",
    )
    assert character_aliases("Captain Nell Harrow") == (
        "Captain Nell Harrow",
        "Nell Harrow",
        "Nell",
        "Harrow",
    )


def test_character_first_name_shared() -> None:
    others = ("Harry Weir-Fields", "Harry Potter")
    assert character_aliases("Harry Weir-Fields", others) == (
        "Harry Weir-Fields",
        "Harry Weir Fields",
        "Weir-Fields",
        "Weir Fields",
    )


def test_is_proper_name() -> None:
    assert is_proper_name("Dr. Rosenthal")
    assert is_proper_name("Mort")
    assert is_proper_name("Guillermo del Toro")
    assert not is_proper_name("Silverlake passerby")
    assert not is_proper_name("passerby")
    assert not is_proper_name("")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Fox Searchlight Pictures", ("Fox Searchlight Pictures", "Fox Searchlight")),
        ("Bona Fide Productions", ("Bona Fide Productions", "Bona Fide")),
        ("The Beacon Company", ("The Beacon Company", "Beacon")),
        ("North Star Films, Inc.", ("North Star Films, Inc.", "North Star")),
        ("Pictures", ("Pictures",)),
        (
            "Simon & Schuster",
            ("Simon & Schuster", "Simon and Schuster"),
        ),
    ],
)
def test_company_aliases(name: str, expected: tuple[str, ...]) -> None:
    assert company_aliases(name) == expected


def test_company_short_name_must_be_unique() -> None:
    others = ("Fox Searchlight Pictures", "Fox Searchlight Films")
    assert company_aliases("Fox Searchlight Pictures", others) == ("Fox Searchlight Pictures",)


def test_title_aliases() -> None:
    assert title_aliases("The Lord of the Rings: The Two Towers") == (
        "The Lord of the Rings: The Two Towers",
        "The Lord of the Rings",
        "Lord of the Rings: The Two Towers",
        "Lord of the Rings",
    )
    assert title_aliases("Ruby Sparks") == ("Ruby Sparks",)
    assert "Spider Man and Me" in title_aliases("Spider-Man & Me")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("79%", ("79%", "79", "79 percent")),
        ("104 minutes", ("104 minutes", "104", "104 min")),
        ("7.2/10", ("7.2/10", "7.2")),
        ("67", ("67",)),
        ("$140,822", ("$140,822", "140822", "140,822", "$140822")),
        (
            "$9.4 million",
            ("$9.4 million", "9.4 million", "$9.4M", "9.4M", "9400000", "$9,400,000"),
        ),
        ("about a week", ("about a week",)),
    ],
)
def test_number_aliases(text: str, expected: tuple[str, ...]) -> None:
    assert number_aliases(text) == expected


def test_month_aliases() -> None:
    assert month_aliases(7) == ("July", "Jul", "7")
    assert month_aliases(5) == ("May", "5")


def test_surname_of() -> None:
    assert surname_of("Michael Berry Jr.") == "Berry"
    assert surname_of("Ludwig van Beethoven") == "van Beethoven"
    assert surname_of("Cher") is None


def test_helpers() -> None:
    assert hyphen_variants("Weir-Fields") == ("Weir-Fields", "Weir Fields")
    assert hyphen_variants("Dano") == ("Dano",)
    assert unique_folded(["Zoë", "zoe", " ", "ZOE ", "Kazan"]) == ("Zoë", "Kazan")
