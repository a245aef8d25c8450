"""Shared settings for the property tests: a short run in every test run, a long one on demand.

``short_and_long(strategies..., examples=...)`` turns one property into two tests: the short
one runs in CI, the long one (marked ``long``) with many more examples: ``pytest -m long``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

__all__ = [
    "LONG_EXAMPLES",
    "SHORT_EXAMPLES",
    "hostile_text",
    "live_mentions",
    "short_and_long",
    "spoiler_tags",
    "without_code_spans",
]

SHORT_EXAMPLES: Final = 60
LONG_EXAMPLES: Final = 3000

_MARKUP_PIECES = (
    "||", "|", "\\", "*", "**", "_", "~~", "`", "```", "> ", "# ", "- ", "[", "](", ")", "<@1>",
    "<@&2>", "<#3>", "@everyone", "@here", "\n", "\n\n", " ", "é", "🎬", "\u200b", "\r", "\t",
)  # fmt: skip

hostile_text = st.lists(
    st.one_of(st.sampled_from(_MARKUP_PIECES), st.text(max_size=12)), max_size=40
).map("".join)
"""Text made of Discord markup, mentions, control characters and anything else."""


def short_and_long(
    *strategies: st.SearchStrategy[Any], deadline: int | None = None
) -> Callable[[Callable[..., Any]], tuple[Any, Any]]:
    """Two tests from one property: ``SHORT_EXAMPLES`` now, ``LONG_EXAMPLES`` under ``-m long``."""

    def build(body: Callable[..., Any]) -> tuple[Any, Any]:
        def variant(examples: int) -> Any:
            return settings(
                max_examples=examples,
                deadline=deadline,
                database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
            )(given(*strategies)(body))

        return variant(SHORT_EXAMPLES), pytest.mark.long(variant(LONG_EXAMPLES))

    return build


_MENTION = re.compile(r"<(?:@[!&]?|#)\d+>")


def without_code_spans(text: str) -> str:
    """``text`` minus its code spans (escaped backticks do not open one; a lone one is text)."""
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            out.append(text[index : index + 2])
            index += 2
            continue
        if char == "`":
            end = text.find("`", index + 1)
            if end != -1:
                index = end + 1
                continue
        out.append(char)
        index += 1
    return "".join(out)


def live_mentions(text: str) -> list[str]:
    """Mentions Discord would render (and could ping): unescaped ``<@123>``, ``@everyone``."""
    text = without_code_spans(text)
    found = []
    for match in _MENTION.finditer(text):
        before = text[: match.start()]
        if (len(before) - len(before.rstrip("\\"))) % 2 == 0:
            found.append(match.group())
    found += [word for word in ("@everyone", "@here") if word in text]
    return found


def spoiler_tags(text: str) -> int:
    """How many ``||`` Discord reads as spoiler tags (escapes and code spans skipped)."""
    count, index = 0, 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "`":
            end = text.find("`", index + 1)
            index = index + 1 if end == -1 else end + 1  # a lone backtick is a character
            continue
        if text.startswith("||", index):
            count += 1
            index += 2
            continue
        index += 1
    return count
