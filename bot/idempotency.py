"""Recognising an event delivered twice: the ids seen recently, in bounded memory."""

from __future__ import annotations

from collections import OrderedDict
from typing import Final

__all__ = ["RECENT_IDS", "RecentIds"]

RECENT_IDS: Final = 10_000
"""Ids remembered: far more interactions than arrive while one can still be answered (15 min)."""


class RecentIds:
    """The last ``size`` ids seen; `first_time` says whether an id is new."""

    def __init__(self, size: int = RECENT_IDS) -> None:
        self._size = size
        self._seen: OrderedDict[int, None] = OrderedDict()

    def first_time(self, item: int) -> bool:
        """Remember ``item``; False when it was already seen (a duplicate delivery)."""
        if item in self._seen:
            self._seen.move_to_end(item)
            return False
        self._seen[item] = None
        if len(self._seen) > self._size:
            self._seen.popitem(last=False)
        return True
