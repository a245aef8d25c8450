"""Splitting an interview's paragraphs so each holds one speaker's turn.

Published interviews put a question and its answer on consecutive lines without a blank line,
or inline ('Q: ... A: ...'), or a label alone on its line above the text it introduces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.parsing.documents import Paragraph
from bot.parsing.interview.labels import label_only, split_label
from bot.parsing.speakers import ANSWER_LABELS, INTERVIEWER_LABELS
from bot.text import fold

__all__ = ["split_turns"]

_INLINE_QA = re.compile(
    r"(?<=[?.!\"')\]*])\s+(?=[*_]*(?:Q|A|Question|Answer)[*_]*\s*:[*_]*\s)", re.IGNORECASE
)
_QA_LABELS = INTERVIEWER_LABELS | ANSWER_LABELS
_TIMESTAMP = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s+(?=\S)")
"""'[00:12:34] Name: ...' in podcast transcripts: the time is no part of the turn."""


def _without_timestamp(paragraph: Paragraph) -> Paragraph:
    lines = tuple(_TIMESTAMP.sub("", line) for line in paragraph.lines)
    if lines == paragraph.lines:
        return paragraph
    return Paragraph(" ".join(lines), paragraph.line, lines)


def _is_qa(text: str) -> bool:
    split = split_label(text)
    return split is not None and fold(split[0]) in _QA_LABELS


def _by_lines(paragraph: Paragraph) -> list[Paragraph]:
    """One paragraph per labelled line, when its lines start with speaker labels."""
    lines = paragraph.lines
    starts = [i for i, line in enumerate(lines) if split_label(line) is not None]
    if len(starts) < 2 or starts[0] != 0:
        return [paragraph]
    result = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        block = lines[start:end]
        result.append(Paragraph(" ".join(block), paragraph.line + start, tuple(block)))
    return result


def _inline(paragraph: Paragraph) -> list[Paragraph]:
    """'Q: ...? A: ...' in one paragraph becomes a question and an answer."""
    if not _is_qa(paragraph.text):
        return [paragraph]
    parts = [part for part in _INLINE_QA.split(paragraph.text) if part.strip()]
    if len(parts) < 2 or not all(_is_qa(part) for part in parts):
        return [paragraph]
    return [Paragraph(part.strip(), paragraph.line, (part.strip(),)) for part in parts]


def split_turns(paragraphs: Iterable[Paragraph]) -> tuple[Paragraph, ...]:
    """The paragraphs with every speaker turn on its own, line numbers kept."""
    result: list[Paragraph] = []
    pending: Paragraph | None = None
    for original in paragraphs:
        paragraph = _without_timestamp(original)
        if pending is not None:
            text = f"{pending.text} {paragraph.text}"
            paragraph = Paragraph(text, pending.line, (*pending.lines, *paragraph.lines))
            pending = None
        elif label_only(paragraph.text) is not None:
            pending = paragraph
            continue
        for part in _by_lines(paragraph):
            result.extend(_inline(part))
    if pending is not None:
        result.append(pending)
    return tuple(result)
