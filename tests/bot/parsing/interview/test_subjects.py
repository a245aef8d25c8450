"""The people an interview's introduction says it is with."""

import pytest

from bot.parsing.interview.subjects import intro_subjects


@pytest.mark.parametrize(
    ("intro", "expected"),
    [
        ("Bo Lind sat down with director Ada Pym Jr. to talk about it.", ("Ada Pym Jr.",)),
        ("We spoke with Ada Pym and composer Cy Moss about the film.", ("Ada Pym", "Cy Moss")),
        ("My guest today is the actor Di Rowe, who plays the eldest.", ("Di Rowe",)),
        ("Cinema Weekly talks to the director and her star.", ()),
        ("Ada Pym made a film.", ()),
    ],
)
def test_intro_subjects(intro, expected):
    assert intro_subjects([intro]) == expected
