"""Printing styled lines: colours on a terminal that has them, plain text otherwise."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from typing import TextIO

from prompt_toolkit import print_formatted_text
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.output import create_output
from prompt_toolkit.styles import Style

from console.render import Line

__all__ = ["STYLE", "Printer", "wants_colour"]

STYLE = Style.from_dict(
    {
        "bot": "bold ansicyan",
        "you": "bold ansigreen",
        "member": "bold ansiyellow",
        "meta": "ansibrightblack italic",
        "text": "",
        "bold": "bold",
        "italic": "italic",
        "field": "bold ansiblue",
        "embed": "ansiblue",
        "mention": "ansimagenta",
        "code": "ansiyellow",
        "spoiler": "reverse",
        "veiled": "ansibrightblack reverse",
        "button": "bold ansiwhite bg:ansiblue",
        "disabled": "ansibrightblack bg:",
        "link": "underline ansiblue",
        "ephemeral": "italic ansibrightblack",
        "error": "bold ansired",
        "channel": "ansimagenta",
    }
)


def _classes(style: str) -> str:
    return " ".join(f"class:{name}" for name in style.split())


def wants_colour(stream: TextIO) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (no-color.org)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and not os.environ.get("NO_COLOR")


class Printer:
    """Writes lines to a stream, styled when `colour` is on; keeps a plain transcript."""

    def __init__(self, stream: TextIO | None, *, colour: bool) -> None:
        """`stream` None: whatever `sys.stdout` is at each write (the prompt patches it)."""
        self._stream = stream
        self._styled = colour
        # On stdout, prompt_toolkit prints above a running prompt by itself.
        self._output = None if not colour or stream is None else create_output(stdout=stream)
        self.transcript: list[str] = []

    def lines(self, lines: Iterable[Line]) -> None:
        """Print the lines as one block (above the prompt, when one is showing)."""
        block = list(lines)
        if not block:
            return
        plain = ["".join(text for _, text in line) for line in block]
        self.transcript += plain
        if not self._styled:
            stream = self._stream or sys.stdout
            stream.write("".join(text + "\n" for text in plain))
            stream.flush()
            return
        fragments: list[tuple[str, str]] = []
        for index, line in enumerate(block):
            if index:
                fragments.append(("", "\n"))
            fragments += [(_classes(style), text) for style, text in line]
        print_formatted_text(FormattedText(fragments), style=STYLE, output=self._output)

    def line(self, line: Line) -> None:
        """Print one line."""
        self.lines([line])
