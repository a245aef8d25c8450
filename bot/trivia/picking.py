"""Picking a round's questions: varied kinds first, no kind beyond its fair share."""

from __future__ import annotations

import math
import random
from collections.abc import Iterable

from bot.models import Question

__all__ = ["fair_share", "pick_round"]


def fair_share(count: int, kinds: int) -> int:
    """Most questions of one kind in a round of ``count`` drawn from ``kinds`` kinds."""
    return math.ceil(count / kinds) if kinds else 0


def pick_round(pool: Iterable[Question], count: int, rng: random.Random) -> tuple[Question, ...]:
    """Up to ``count`` questions: one of every kind before a second of any, each kind capped.

    The round may be shorter than ``count`` when some kinds run out, rather than fill up with
    one kind.  Within each pass over the kinds the order is random, and no two questions of the
    same kind follow each other where it can be avoided.
    """
    by_kind: dict[str, list[Question]] = {}
    for question in pool:
        by_kind.setdefault(question.kind, []).append(question)
    groups = list(by_kind.values())
    for group in groups:
        rng.shuffle(group)
    cap = fair_share(count, len(groups))
    picked: list[Question] = []
    for depth in range(cap):
        layer = [group[depth] for group in groups if depth < len(group)]
        rng.shuffle(layer)
        if picked and layer and layer[0].kind == picked[-1].kind:
            layer.append(layer.pop(0))
        picked.extend(layer[: count - len(picked)])
        if len(picked) == count:
            break
    return tuple(picked)
