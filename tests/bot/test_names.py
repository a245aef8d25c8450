"""Name knowledge: splitting, surnames, initials, short forms, and every consumer agreeing."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from bot.names import (
    CHARACTER_TITLES,
    company_core,
    has_company_suffix,
    initials,
    is_proper_name,
    name_forms,
    read_initials,
    split_name,
    strip_company_suffix,
    strip_leading_article,
    surname,
)
from bot.parsing.speakers import SpeakerResolver
from bot.services.cast import name_variants
from bot.trivia.aliases import person_aliases
from bot.trivia.judge import judge


class Hard(NamedTuple):
    name: str
    titles: tuple[str, ...]
    given: tuple[str, ...]
    surname: str | None
    suffixes: tuple[str, ...]
    nickname: str | None
    initials: str


HARD_NAMES = [
    # Particles belong to the surname, capitalised or not; a first word is never a particle.
    Hard("Vincent van Gogh Jr.", (), ("Vincent",), "van Gogh", ("Jr.",), None, "VVG"),
    Hard("Rosa de la Cruz", (), ("Rosa",), "de la Cruz", (), None, "RDLC"),
    Hard("Lars von Trier", (), ("Lars",), "von Trier", (), None, "LVT"),
    Hard("Dirk Van Dorn", (), ("Dirk",), "Van Dorn", (), None, "DVD"),
    Hard("Del Hart", (), ("Del",), "Hart", (), None, "DH"),
    # Generational suffixes and post-nominals, with or without a comma.
    Hard("Mara Quill Sr.", (), ("Mara",), "Quill", ("Sr.",), None, "MQ"),
    Hard("Otto Brandt III", (), ("Otto",), "Brandt", ("III",), None, "OB"),
    Hard("Prof. Ann Lee, PhD", ("Prof.",), ("Ann",), "Lee", ("PhD",), None, "AL"),
    Hard("Tom Fenwick, A.S.C.", (), ("Tom",), "Fenwick", ("A.S.C.",), None, "TF"),
    Hard("Ida Moss, B.S.C.", (), ("Ida",), "Moss", ("B.S.C.",), None, "IM"),
    # Initials written as given names.
    Hard("J. R. R. Tolkien", (), ("J.", "R.", "R."), "Tolkien", (), None, "JRRT"),
    Hard("T.J. Miller", (), ("T.J.",), "Miller", (), None, "TJM"),
    # Hyphens: one word, every part initialled.
    Hard("Nora Hale-Burton", (), ("Nora",), "Hale-Burton", (), None, "NHB"),
    Hard("Jean-Luc Marchand", (), ("Jean-Luc",), "Marchand", (), None, "JLM"),
    # Accented, stroked and non-Latin letters; CJK names put the family name first.
    Hard("Zoë Lindgren", (), ("Zoë",), "Lindgren", (), None, "ZL"),
    Hard("Łukasz Nowicki", (), ("Łukasz",), "Nowicki", (), None, "ŁN"),
    Hard("Björk", (), ("Björk",), None, (), None, "B"),
    Hard("是枝 裕和", (), ("裕和",), "是枝", (), None, ""),
    # Titles at the front only.
    Hard("Dr. Ivo Brandt", ("Dr.",), ("Ivo",), "Brandt", (), None, "IB"),
    Hard("Sir Alan Pike", ("Sir",), ("Alan",), "Pike", (), None, "AP"),
    Hard("Dame Edith Moor", ("Dame",), ("Edith",), "Moor", (), None, "EM"),
    # A quoted nickname is set aside, straight or curly quotes.
    Hard('Dwayne "The Rock" Johnson', (), ("Dwayne",), "Johnson", (), "The Rock", "DJ"),
    Hard("Lou \u201cAce\u201d Barton", (), ("Lou",), "Barton", (), "Ace", "LB"),
    # Single names; a title or suffix alone is kept rather than leaving nothing.
    Hard("Oriel", (), ("Oriel",), None, (), None, "O"),
    Hard("Sir", (), ("Sir",), None, (), None, "S"),
]
IDS = [hard.name for hard in HARD_NAMES]


@pytest.mark.parametrize("hard", HARD_NAMES, ids=IDS)
def test_split_name(hard: Hard) -> None:
    parts = split_name(hard.name)
    assert (parts.titles, parts.given, parts.surname) == (hard.titles, hard.given, hard.surname)
    assert (parts.suffixes, parts.nickname) == (hard.suffixes, hard.nickname)
    assert surname(hard.name) == hard.surname


@pytest.mark.parametrize("hard", HARD_NAMES, ids=IDS)
def test_initials(hard: Hard) -> None:
    assert initials(hard.name) == hard.initials


WITH_SURNAME = [hard for hard in HARD_NAMES if hard.surname is not None]


@pytest.mark.parametrize("hard", WITH_SURNAME, ids=[hard.name for hard in WITH_SURNAME])
def test_every_consumer_agrees_on_the_surname(hard: Hard) -> None:
    label = hard.surname
    assert label is not None
    # Parsing: a speaker label that is the surname resolves to the person.
    assert SpeakerResolver([hard.name], "").resolve_one(label) == hard.name
    # /cast: the surname is one of the forms the entry is found by.
    assert label in name_variants(hard.name)
    # Trivia: the surname is an accepted alias, and the judge takes it as a guess.
    aliases = person_aliases(hard.name)
    assert label in aliases
    assert judge(label, aliases).correct


@pytest.mark.parametrize("hard", WITH_SURNAME, ids=[hard.name for hard in WITH_SURNAME])
def test_speaker_initials_resolve(hard: Hard) -> None:
    resolver = SpeakerResolver([hard.name], "")
    expected = hard.name if hard.initials else None
    assert resolver.resolve_one(".".join(hard.initials) or "ZZ") == expected


def test_the_disagreements_of_issue_7_are_gone() -> None:
    assert surname("Vincent van Gogh Jr.") == "van Gogh"
    assert "Ann PhD" not in name_variants("Prof. Ann Lee, PhD")
    assert "PhD" not in name_variants("Prof. Ann Lee, PhD")
    resolver = SpeakerResolver(["Prof. Ann Lee, PhD"], "")
    assert resolver.resolve_one("PhD") is None
    assert resolver.resolve_one("Lee") == "Prof. Ann Lee, PhD"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ann Lee", ("Ann Lee", "Lee")),
        ("Prof. Ann Mae Lee, PhD", ("Prof. Ann Mae Lee, PhD", "Ann Mae Lee", "Ann Lee", "Lee")),
        ('Dwayne "The Rock" Johnson', ('Dwayne "The Rock" Johnson', "Dwayne Johnson")),
        ("Ann Lee (voice)", ("Ann Lee (voice)", "Ann Lee", "Lee")),
        ("Oriel", ("Oriel",)),
    ],
)
def test_name_forms_of_a_person_leave_out_the_first_name(
    name: str, expected: tuple[str, ...]
) -> None:
    assert name_forms(name)[: len(expected)] == expected
    first = split_name(name).first
    assert first is None or first not in name_forms(name)


def test_name_forms_with_first_name_for_characters_and_cast() -> None:
    assert name_forms("Captain Nell Harrow", titles=CHARACTER_TITLES, first_name=True) == (
        "Captain Nell Harrow",
        "Nell Harrow",
        "Nell",
        "Harrow",
    )
    # A person's titles do not include ranks: an actor called Major keeps the word.
    assert surname("Captain Nell Harrow") == "Harrow"
    assert split_name("Captain Nell Harrow").given == ("Captain", "Nell")


def test_family_name_first_keeps_written_order() -> None:
    parts = split_name("山田 太郎")
    assert (parts.surname, parts.first, parts.full, parts.short) == (
        "山田",
        "太郎",
        "山田 太郎",
        "山田 太郎",
    )


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("J.K.", "JK"),
        ("J. K. L.", "JKL"),
        ("JKL", "JKL"),
        ("Ł.N.", "ŁN"),
        ("J", None),
        ("JKLMN", None),
        ("jk", None),
        ("Jo", None),
        ("J5", None),
    ],
)
def test_read_initials(label: str, expected: str | None) -> None:
    assert read_initials(label) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Guillermo del Nido", True),
        ("Dr. Moss", True),
        ("是枝 裕和", True),
        ("Zoë Lindgren", True),
        ("Man at the bar", False),
        ("passerby", False),
        ("", False),
    ],
)
def test_is_proper_name(name: str, expected: bool) -> None:
    assert is_proper_name(name) is expected


@pytest.mark.parametrize(
    ("name", "suffix_gone", "core"),
    [
        ("Northwind Pictures", "Northwind", "Northwind"),
        ("The Lantern Company", "The Lantern", "Lantern"),
        ("Blue Fern Films, Inc.", "Blue Fern", "Blue Fern"),
        ("Harbor Media Ltd.", "Harbor", "Harbor"),
        ("Pictures", "Pictures", "Pictures"),
        ("The Studio", "The Studio", "Studio"),
        ("Grey Owl LLC", "Grey Owl", "Grey Owl"),
    ],
)
def test_company_suffixes(name: str, suffix_gone: str, core: str) -> None:
    assert strip_company_suffix(name) == suffix_gone
    assert company_core(name) == core


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("The Quiet Shore", "Quiet Shore"),
        ("A Long Way", "Long Way"),
        ("An Orchard", "Orchard"),
        ("The", "The"),
        ("Theory of Sand", "Theory of Sand"),
    ],
)
def test_strip_leading_article(title: str, expected: str) -> None:
    assert strip_leading_article(title) == expected


def test_stroked_letters_fold_like_plain_ones() -> None:
    aliases = person_aliases("Łukasz Nowicki")
    assert judge("Lukasz Nowicki", aliases).correct
    assert judge("bjork", ["Björk"]).correct


def test_empty_names() -> None:
    assert split_name("  ").words == ()
    assert (surname(""), initials(""), name_forms(""), read_initials("")) == (None, "", (), None)
    assert (strip_company_suffix(""), company_core(""), strip_leading_article("")) == ("", "", "")


def test_a_name_starting_with_an_article_has_no_first_name_or_surname() -> None:
    assert name_forms("The Lantern Spirit", first_name=True) == (
        "The Lantern Spirit",
        "Lantern Spirit",
    )


def test_has_company_suffix() -> None:
    assert has_company_suffix("Everly Brothers Films")
    assert has_company_suffix("Acme Co.")
    assert not has_company_suffix("Films")
    assert not has_company_suffix("Tamsin Rook")
