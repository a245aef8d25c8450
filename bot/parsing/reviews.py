"""Finding review aggregator figures in an article's reception text."""

from __future__ import annotations

import re

from bot.models import ReviewScore

__all__ = ["find_review_scores"]

_AGGREGATORS = ("Rotten Tomatoes", "Metacritic")
_FIGURES = (
    ("approval", re.compile(r"approval rating of (?P<value>\d{1,3}(?:\.\d+)?)\s*%"), "{}%"),
    ("reviews", re.compile(r"based on (?P<value>\d[\d,]*) (?:reviews|critics)"), "{}"),
    (
        "average rating",
        re.compile(r"average rating of (?P<value>\d+(?:\.\d+)?)\s*/\s*10"),
        "{}/10",
    ),
    ("score", re.compile(r"(?<!weighted )average score of (?P<value>\d{1,3})\b"), "{}"),
    ("critics", re.compile(r"reviews from (?P<value>\d[\d,]*) critics"), "{}"),
)
"""(metric, pattern, how the figure is written) for each figure an aggregator reports."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")


def find_review_scores(text: str) -> tuple[ReviewScore, ...]:
    """Figures such as 'an approval rating of 79%', credited to the aggregator named before."""
    found: list[ReviewScore] = []
    seen: set[tuple[str, str]] = set()
    for paragraph in text.split("\n"):
        aggregator: str | None = None
        for sentence in _SENTENCE_END.split(paragraph):
            named = [name for name in _AGGREGATORS if name in sentence]
            if named:
                aggregator = named[0]
            if aggregator is None:
                continue
            for metric, pattern, written in _FIGURES:
                match = pattern.search(sentence)
                if match is None or (aggregator, metric) in seen:
                    continue
                seen.add((aggregator, metric))
                raw = match.group("value")
                found.append(
                    ReviewScore(
                        aggregator=aggregator,
                        metric=metric,
                        value=float(raw.replace(",", "")),
                        text=written.format(raw),
                    )
                )
    return tuple(found)
