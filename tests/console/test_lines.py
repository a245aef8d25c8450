"""The console's own words: as NAME:, #channel, click, reveal, wait, complete, help, quit."""

from __future__ import annotations

import pytest

from console.lines import (
    Chat,
    Click,
    Complete,
    Help,
    LineError,
    Quit,
    Reveal,
    Slash,
    Step,
    Switch,
    Wait,
    parse_line,
)


@pytest.mark.parametrize(
    ("line", "step"),
    [
        ("/quote text: love", Step(Slash("/quote text: love"))),
        ("  Nick Urata  ", Step(Chat("Nick Urata"))),
        ("as bob: nick urata", Step(Chat("nick urata"), "bob")),
        ("AS Bob:/cast query: x", Step(Slash("/cast query: x"), "Bob")),
        ("as bob: click 3", Step(Click(3), "bob")),
        ("click 2", Step(Click(2))),
        ("reveal", Step(Reveal())),
        ("wait", Step(Wait())),
        ("wait 12.5", Step(Wait(12.5))),
        ("complete /cast query: mes", Step(Complete("/cast query: mes"))),
        ("#spoilers", Step(Switch("spoilers"))),
        ("# not a channel", Step(Chat("# not a channel"))),
        ("/help", Step(Help())),
        ("/quit", Step(Quit())),
    ],
)
def test_lines(line: str, step: Step) -> None:
    assert parse_line(line) == step


def test_blank_lines_and_comments_do_nothing() -> None:
    assert parse_line("   ") is None
    assert parse_line("#! a note for readers") is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("click two", "click takes a button number"),
        ("wait soon", "wait takes seconds"),
        ("as bob:", "as bob: what should bob say?"),
        ("as bob: #general", "as NAME: takes a message"),
        ("as bob: reveal", "as NAME: takes a message"),
    ],
)
def test_bad_lines(line: str, message: str) -> None:
    with pytest.raises(LineError, match=message):
        parse_line(line)
