"""Which headings, markers and cast descriptions count as spoilers."""

import pytest

from bot.parsing.spoilers import (
    description_reveals_plot,
    is_spoiler_heading,
    is_spoiler_marker,
    is_spoiler_notice,
)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Plot", True),
        ("Plot summary", True),
        ("Synopsis", True),
        ("Ending", True),
        ("Cast", False),
        ("Production", False),
        ("Box office", False),
    ],
)
def test_spoiler_headings(heading, expected):
    assert is_spoiler_heading(heading) is expected


@pytest.mark.parametrize(
    "marker",
    [
        "SPOILER WARNING",
        "*** Spoilers below ***",
        "[Spoilers follow]",
        "**Spoilers ahead**",
        "Spoiler alert!",
    ],
)
def test_spoiler_markers(marker):
    assert is_spoiler_marker(marker)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Spoilsport",
        "We talked about everything, including spoilers, so read this after you have seen it.",
        "The ending is sad.",
    ],
)
def test_not_spoiler_markers(text):
    assert not is_spoiler_marker(text)


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("the keeper, who eventually leaves the island", True),
        ("a sailor who dies in the storm", True),
        ("her brother, who turns out to be the thief", True),
        ("the ferryman", False),
        ("a young novelist who struggles with writer's block", False),
    ],
)
def test_descriptions_that_reveal_the_plot(description, expected):
    assert description_reveals_plot(description) is expected


@pytest.mark.parametrize(
    "text",
    [
        "This interview contains spoilers for Salt Meridian, so read on only if you saw it.",
        "Warning: major spoilers below.",
        "Spoilers for the ending follow.",
    ],
)
def test_spoiler_notices_as_sentences(text):
    assert is_spoiler_notice(text)


@pytest.mark.parametrize(
    "text",
    [
        "The result is incredibly spoiler heavy, but the discussion is still worthwhile.",
        "I hate spoilers, so I will not say more than that about it.",
        "Before we start: this conversation discusses the ending of the film in detail.",
    ],
)
def test_sentences_that_are_no_notices(text):
    assert not is_spoiler_notice(text)
