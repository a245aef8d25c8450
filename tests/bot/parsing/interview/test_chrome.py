"""Page furniture is recognised; sentences that merely mention photos or menus are not."""

import pytest

from bot.parsing.interview.chrome import is_byline, is_caption, is_chrome


@pytest.mark.parametrize(
    "text",
    [
        "Skip to main content",
        "Menu",
        "Share on Facebook",
        "Share this: Twitter | Facebook | Email",
        "Tweet this",
        "Related stories",
        "© 2016 Harbour Review",
    ],
)
def test_chrome(text):
    assert is_chrome(text)


@pytest.mark.parametrize(
    "text",
    ["Home is where we shot most of it.", "Share the light.", "Search for the lost boat began."],
)
def test_sentences_are_not_chrome(text):
    assert not is_chrome(text)


@pytest.mark.parametrize("text", ["By Orla Fenwick", "Posted by staff writer | July 20, 2018"])
def test_bylines(text):
    assert is_byline(text)


@pytest.mark.parametrize(
    "text",
    [
        "Photo: Lantern Row Releasing",
        "*Image credit: Studio Kiri*",
        "Ada Pym on set. (Photo: North Star Films)",
        "Ada Pym as Nell. Photo courtesy of Orbit Pictures.",
    ],
)
def test_captions(text):
    assert is_caption(text)


def test_an_answer_mentioning_a_photo_is_no_caption():
    assert not is_caption("I took a photo: it was the first frame of the film.")


@pytest.mark.parametrize(
    "text", ["Story continues below advertisement", "Continue reading below", "Scroll to continue"]
)
def test_continuation_furniture(text):
    assert is_chrome(text)
