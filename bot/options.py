"""Option values checked against the ranges a command declares, before the command runs.

Discord's own clients keep values within a command's ranges, but a self-hosted client or a
stale command registration can send anything; such a value gets a clear answer instead of
reaching the command (or an error id).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

__all__ = ["OptionLimit", "option_problem"]


@dataclass(frozen=True, slots=True)
class OptionLimit:
    """What one option accepts: a range (of values for numbers, of lengths for text), choices."""

    name: str
    min_value: float | None = None
    max_value: float | None = None
    choices: tuple[object, ...] = ()


def _number_problem(limit: OptionLimit, value: float) -> str | None:
    low, high = limit.min_value, limit.max_value
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            return f"`{limit.name}` must be between {low:g} and {high:g} (got {value:g})."
        bound = f"at least {low:g}" if low is not None else f"at most {high:g}"
        return f"`{limit.name}` must be {bound} (got {value:g})."
    return None


def _text_problem(limit: OptionLimit, value: str) -> str | None:
    if limit.max_value is not None and len(value) > limit.max_value:
        return f"`{limit.name}` can be at most {limit.max_value:g} characters (got {len(value)})."
    if limit.min_value is not None and len(value) < limit.min_value:
        return f"`{limit.name}` needs at least {limit.min_value:g} character(s)."
    return None


def option_problem(limits: Mapping[str, OptionLimit], values: Mapping[str, object]) -> str | None:
    """Why the given option values are outside the declared limits, or None when they fit."""
    for name, value in values.items():
        limit = limits.get(name)
        if limit is None:
            continue
        if limit.choices and value not in limit.choices:
            shown = ", ".join(f"`{choice}`" for choice in limit.choices)
            return f"`{limit.name}` must be one of {shown}."
        if isinstance(value, bool):
            continue
        if isinstance(value, int | float):
            problem = _number_problem(limit, float(value))
        elif isinstance(value, str):
            problem = _text_problem(limit, value)
        else:
            problem = None
        if problem is not None:
            return problem
    return None
