"""Slash lines parsed like Discord's client parses them, against synced definitions."""

from __future__ import annotations

import pytest

from console.commands import SlashError, locate, parse_slash, split_options

COMMANDS = [
    {
        "name": "trivia",
        "type": 1,
        "options": [
            {
                "name": "start",
                "type": 1,
                "options": [
                    {"name": "questions", "type": 4, "min_value": 1, "max_value": 50},
                    {
                        "name": "mode",
                        "type": 3,
                        "choices": [
                            {"name": "typed", "value": "typed"},
                            {"name": "buttons", "value": "buttons"},
                        ],
                    },
                    {"name": "spoilers", "type": 5},
                    {"name": "ratio", "type": 10, "min_value": 0.5},
                ],
            },
            {"name": "stop", "type": 1},
        ],
    },
    {
        "name": "quote",
        "type": 1,
        "options": [
            {"name": "text", "type": 3, "max_length": 20},
            {"name": "film", "type": 3, "autocomplete": True},
        ],
    },
    {
        "name": "spoilers",
        "type": 1,
        "options": [
            {"name": "channel", "type": 7, "required": True},
            {"name": "allowed", "type": 5, "required": True},
        ],
    },
    {"name": "Report", "type": 3},
]


def resolve(kind: int, raw: str) -> str:
    if raw.lstrip("#") != "general":
        raise SlashError(f"There is no channel {raw}.")
    return f"channel:{kind}"


def parse(line: str):
    return parse_slash(line, COMMANDS, resolve)


def test_options_are_typed_and_matched_by_name_or_choice() -> None:
    parsed = parse("/trivia start questions: 3 MODE: Buttons spoilers: yes ratio: 1.5")
    assert parsed.path == "trivia start"
    assert parsed.options == {"questions": 3, "mode": "buttons", "spoilers": True, "ratio": 1.5}


def test_values_keep_spaces_and_colons() -> None:
    parsed = parse("/quote text: note: a game film: ruby sparks")
    assert parsed.options == {"text": "note: a game", "film": "ruby sparks"}


def test_entities_are_resolved() -> None:
    parsed = parse("/spoilers channel: #general allowed: false")
    assert parsed.options == {"channel": "channel:7", "allowed": False}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("/", "Type a command after /; /help lists them."),
        ("/nope", "/nope is not a command here; /help lists them."),
        ("/report", "/report is not a command here; /help lists them."),
        ("/trivia", "/trivia needs one of: start, stop."),
        ("/trivia start questions: 0", "Option questions: value must be between 1 and 50."),
        ("/trivia start questions: 2.5", "Option questions: '2.5' is not a whole number."),
        ("/trivia start ratio: 0.1", "Option ratio: value must be at least 0.5."),
        ("/trivia start mode: slow", "Option mode: choose one of typed, buttons."),
        ("/trivia start spoilers: maybe", "Option spoilers: choose True or False."),
        ("/trivia start questions:", "Option questions needs a value."),
        ("/trivia start questions: 1 questions: 2", "Option questions is given twice."),
        ("/trivia start 3", "Unexpected '3': write options as name: value"),
        ("/trivia stop now", "/trivia stop takes no options."),
        ("/quote text: " + "x" * 21, "Option text: must be 0-20 characters long."),
        ("/spoilers allowed: true", "Option channel is required."),
        ("/spoilers channel: #nowhere allowed: true", "There is no channel #nowhere."),
    ],
)
def test_bad_lines_say_what_is_wrong(line: str, message: str) -> None:
    with pytest.raises(SlashError) as caught:
        parse(line)
    assert str(caught.value).startswith(message)


def test_split_options_keeps_leading_text() -> None:
    assert split_options(" hello a: 1 b:2", ["a", "b"]) == ("hello", [("a", "1"), ("b", "2")])
    assert split_options("x: 1", []) == ("x: 1", [])


def test_locate_finds_what_is_being_typed() -> None:
    assert locate("/tri", COMMANDS).partial == "tri"
    assert locate("/tri", COMMANDS).path == []
    spot = locate("/trivia st", COMMANDS)
    assert (spot.path, spot.partial) == (["trivia"], "st")
    spot = locate("/trivia start mode: ty", COMMANDS)
    assert spot.option is not None and spot.option["name"] == "mode"
    assert spot.partial == "ty"
    spot = locate("/trivia start questions: 3 mo", COMMANDS)
    assert spot.option is None and spot.partial == "mo" and spot.given == {"questions": "3"}
    spot = locate("/quote film: ru", COMMANDS)
    assert spot.option is not None and spot.option["name"] == "film"
    assert locate("/trivia nope x", COMMANDS).node is None
