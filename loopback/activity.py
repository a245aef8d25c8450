"""A feed of what the bot does as it happens: posts, edits, deletions, reactions, refusals.

For drivers that show the bot's output live (the offline console) rather than asserting on one
reply: each `poll` returns what changed in the fake since the previous one, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from loopback.records import LoopbackError, PostedMessage, RecordedRequest
from loopback.store import Store

__all__ = [
    "Activity",
    "ActivityFeed",
    "Deleted",
    "Edited",
    "Posted",
    "Reacted",
    "Refused",
]

_REACTION = re.compile(r"^/channels/(\d+)/messages/(\d+)/reactions/([^/]+)/@me$")
FIRST_ERROR_STATUS = 400


@dataclass(frozen=True)
class Posted:
    """The bot posted a message (a channel message, an interaction response or a follow-up)."""

    message: PostedMessage


@dataclass(frozen=True)
class Edited:
    """The bot edited one of its messages."""

    before: PostedMessage
    after: PostedMessage


@dataclass(frozen=True)
class Deleted:
    """A bot message was deleted."""

    message: PostedMessage


@dataclass(frozen=True)
class Reacted:
    """The bot added a reaction to a message."""

    channel_id: int
    message_id: int
    emoji: str


@dataclass(frozen=True)
class Refused:
    """Discord (the fake) answered one of the bot's requests with an error status."""

    request: RecordedRequest


Activity = Posted | Edited | Deleted | Reacted | Refused


class ActivityFeed:
    """Diffs the fake's store between polls; starts from what exists when it is created."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._seen: dict[int, PostedMessage] = dict(store.messages)
        self._requests = len(store.requests)

    def poll(self) -> list[Activity]:
        """Everything that changed since the previous poll, messages first, then requests."""
        found: list[Activity] = []
        for message_id, message in self._store.messages.items():
            before = self._seen.get(message_id)
            if before is message:
                continue
            self._seen[message_id] = message
            if message.source == "user":
                continue
            if message.deleted:
                if before is not None and not before.deleted:
                    found.append(Deleted(message))
            elif before is None:
                found.append(Posted(message))
            else:
                found.append(Edited(before, message))
        requests = self._store.requests
        for request in requests[self._requests :]:
            if request.status >= FIRST_ERROR_STATUS:
                found.append(Refused(request))
                continue
            match = _REACTION.match(request.path)
            if match and request.method == "PUT":
                on_channel, on_message, emoji = match.groups()
                found.append(Reacted(int(on_channel), int(on_message), unquote(emoji)))
        self._requests = len(requests)
        return found

    async def next(self, timeout: float) -> list[Activity]:
        """Wait up to `timeout` seconds for something to happen; empty if nothing did."""

        def changed() -> list[Activity] | None:
            return self.poll() or None

        try:
            return await self._store.wait_until(changed, timeout, "bot activity")
        except LoopbackError:
            return []
