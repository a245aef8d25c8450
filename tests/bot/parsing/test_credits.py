"""Infobox values split into people and companies, with suffixes and qualifiers kept aside."""

import pytest

from bot.parsing.credits import split_credit, split_run_together, strip_trailing_period


def items(value):
    return [(item.name, item.note) for item in split_credit(value).items]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Iris Calloway, Dev Anand Rao", [("Iris Calloway", None), ("Dev Anand Rao", None)]),
        (
            "Ada Brun and Bo Brun; Cy Brun",
            [("Ada Brun", None), ("Bo Brun", None), ("Cy Brun", None)],
        ),
        ("Odile Marchetti & Sam Whitcombe", [("Odile Marchetti", None), ("Sam Whitcombe", None)]),
        ("$1,200,000", [("$1,200,000", None)]),
        ("Canada, ", [("Canada", None)]),
        ("Ike Marlowe, Jr.", [("Ike Marlowe Jr.", None)]),
        ("Ike Marlowe Jr., Bea Lott", [("Ike Marlowe Jr.", None), ("Bea Lott", None)]),
        ("Rolf Anders, A.S.C.", [("Rolf Anders", "A.S.C.")]),
        ("Rolf Anders BSC and Ada Pym", [("Rolf Anders", "BSC"), ("Ada Pym", None)]),
        ("Dane Cole III, Vi Moss", [("Dane Cole III", None), ("Vi Moss", None)]),
        ("Ada Pym (associate producer)", [("Ada Pym", "associate producer")]),
        ("Ada Pym, (associate producer)", [("Ada Pym", "associate producer")]),
        ("Ada Pym (co-producer, uncredited)", [("Ada Pym", "co-producer, uncredited")]),
        ("Orbit Films (United States)", [("Orbit Films", "United States")]),
        ("Twelve Oaks and a Mule Works", [("Twelve Oaks and a Mule Works", None)]),
        ("Gable and Finch", [("Gable and Finch", None)]),
        ("Rook & Wren Pictures", [("Rook & Wren Pictures", None)]),
        (
            "North Star Films and Orbit Pictures",
            [("North Star Films", None), ("Orbit Pictures", None)],
        ),
        ("Ada Pym and Bo Lind", [("Ada Pym", None), ("Bo Lind", None)]),
        ("Dialogues: Ravi Sen", [("Ravi Sen", None)]),
        ("Screenplay: Ada Pym Story: Bo Lind", [("Ada Pym", None), ("Bo Lind", None)]),
        ("Ada Pym, Bo Lind, and others.", [("Ada Pym", None), ("Bo Lind", None)]),
        ("Ada Pym et al.", [("Ada Pym", None)]),
        ("Ada Pym, et al.", [("Ada Pym", None)]),
        ("Acme Co.", [("Acme Co.", None)]),
        ("Ada Pym.", [("Ada Pym", None)]),
    ],
)
def test_split_credit(value, expected):
    assert items(value) == expected


def test_run_together_names_split_on_names_the_document_states():
    split = split_run_together(
        "Ada Pym Bo T. Lind Cy Moss Di Rowe", ["Bo T. Lind", "Cy Moss", "Ada Pym", "Di Rowe"]
    )
    assert split is not None
    assert [item.name for item in split.items] == ["Ada Pym", "Bo T. Lind", "Cy Moss", "Di Rowe"]
    assert not split.unsure


def test_run_together_gaps_become_names_but_are_unsure():
    split = split_run_together("Ada Pym Bo Lind Cy Moss", ["Ada Pym", "Cy Moss"])
    assert split is not None
    assert [item.name for item in split.items] == ["Ada Pym", "Bo Lind", "Cy Moss"]
    assert split.unsure


def test_run_together_without_any_known_name_is_left_whole_and_unsure():
    split = split_run_together("Ada Pym Bo Lind Moss", [])
    assert split is None  # five words, nothing to anchor on: may well be one long name
    split = split_run_together("Ada Pym Bo Lind Cy Moss Di Rowe", [])
    assert split is not None
    assert split.unsure
    assert [item.name for item in split.items] == ["Ada Pym Bo Lind Cy Moss Di Rowe"]


@pytest.mark.parametrize(
    "value", ["Ada Pym", "Twelve Oaks and a Mule Works", "Great Northern Lantern Pictures"]
)
def test_not_run_together(value):
    assert split_run_together(value, ["Ada Pym"]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nurse Kim.", "Nurse Kim"),
        ("Bo Lind Jr.", "Bo Lind Jr."),
        ("Ada J.", "Ada J."),
        ("x,", "x"),
    ],
)
def test_strip_trailing_period(text, expected):
    assert strip_trailing_period(text) == expected
