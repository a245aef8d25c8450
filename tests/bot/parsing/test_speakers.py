"""Resolving speaker labels to the film's people."""

import pytest

from bot.parsing.speakers import SpeakerResolver, looks_like_label, names_in_text

CREDITED = ["Hannah Lindqvist", "Iris Calloway", "Tomas Reyes", "Michael Berry Jr.", "Cher"]
TEXT = "We met Hannah Lindqvist and Iris Calloway, and the editor Nils Okafor."


@pytest.fixture
def resolver():
    return SpeakerResolver(CREDITED, TEXT)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Hannah Lindqvist", "Hannah Lindqvist"),
        ("hannah lindqvist", "Hannah Lindqvist"),
        ("Lindqvist", "Hannah Lindqvist"),
        ("H.L.", "Hannah Lindqvist"),
        ("HL", "Hannah Lindqvist"),
        ("H. L.", "Hannah Lindqvist"),
        ("I.C.", "Iris Calloway"),
        ("Berry", "Michael Berry Jr."),
        ("Reyes", "Tomas Reyes"),
        ("Okafor", "Nils Okafor"),
        ("Nils Okafor", "Nils Okafor"),
    ],
)
def test_resolve_one(resolver, label, expected):
    assert resolver.resolve_one(label) == expected


@pytest.mark.parametrize("label", ["A", "Q", "Unknown", "Hannah", "Cher", "Calloway Lindqvist"])
def test_unknown_labels(resolver, label):
    assert resolver.resolve_one(label) is None


@pytest.mark.parametrize(
    "label",
    [
        "Lindqvist and Calloway",
        "Lindqvist & Calloway",
        "Hannah Lindqvist / Iris Calloway",
        "H.L., I.C.",
    ],
)
def test_joint_labels(resolver, label):
    assert resolver.resolve(label) == ("Hannah Lindqvist", "Iris Calloway")


def test_joint_label_with_an_unknown_part(resolver):
    assert resolver.resolve("Lindqvist and Somebody") is None


def test_credited_and_mentioned_people_win_ties():
    resolver = SpeakerResolver(["Ada Brun", "Bo Brun"], "An interview with Ada Brun, the director.")
    assert resolver.resolve_one("Brun") == "Ada Brun"
    assert resolver.mentioned_credited() == ("Ada Brun",)


def test_same_surname_and_same_rank_is_ambiguous():
    resolver = SpeakerResolver(["Ada Brun", "Bo Brun"], "Ada Brun and Bo Brun talk.")
    assert resolver.resolve_one("Brun") is None
    assert resolver.resolve_one("Bo Brun") == "Bo Brun"


def test_is_credited(resolver):
    assert resolver.is_credited("hannah lindqvist")
    assert not resolver.is_credited("Nils Okafor")


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Hannah Lindqvist", True),
        ("JD", True),
        ("The Film Stage", True),
        ("Dayton and Faris", True),
        ("Here's the thing", False),
        ("here", False),
        ("5", False),
        ("Why (really)", False),
        ("One Two Three Four Five Six Seven", False),
        ("", False),
    ],
)
def test_looks_like_label(label, expected):
    assert looks_like_label(label) is expected


def test_names_in_text():
    found = names_in_text("The Film Stage met Hannah Lindqvist and Mo J. Whitfield.")
    assert "Hannah Lindqvist" in found
    assert "Mo J. Whitfield" in found
    assert not any(name.startswith("The ") for name in found)


def test_labels_with_particles_suffixes_and_titles():
    resolver = SpeakerResolver(["Ines van Dam Jr.", "Prof. Olu Baker, PhD", "Rafa de la Sol"], "")
    assert resolver.resolve_one("van Dam") == "Ines van Dam Jr."
    assert resolver.resolve_one("Baker") == "Prof. Olu Baker, PhD"
    assert resolver.resolve_one("PhD") is None
    assert resolver.resolve_one("O.B.") == "Prof. Olu Baker, PhD"
    assert resolver.resolve("Van Dam and de la Sol") == ("Ines van Dam Jr.", "Rafa de la Sol")
