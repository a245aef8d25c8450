"""Immutable records the loopback Discord hands to tests: entities, requests, messages, replies."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "DM_CHANNEL",
    "EPHEMERAL",
    "LOADING",
    "Choice",
    "FakeAttachment",
    "FakeChannel",
    "FakeGuild",
    "FakeRole",
    "FakeUser",
    "LoopbackError",
    "MessageSource",
    "NoResponseError",
    "NotVisibleError",
    "PostedMessage",
    "RecordedRequest",
    "Reply",
]

EPHEMERAL = 1 << 6
LOADING = 1 << 7
DM_CHANNEL = 1

MessageSource = Literal["channel", "interaction", "followup", "user"]


class LoopbackError(RuntimeError):
    """A test talked to the loopback Discord in a way real Discord would not allow, or timed out."""


class NotVisibleError(LoopbackError):
    """The command is not shown to this user here (permissions, or contexts in a DM)."""


class NoResponseError(LoopbackError):
    """The bot sent no first response in time: Discord shows "This interaction failed"."""


@dataclass(frozen=True)
class FakeAttachment:
    """A file a user attaches to a command option; served back at ``url`` by the fake."""

    id: int
    filename: str
    data: bytes
    url: str
    content_type: str = "application/octet-stream"

    def payload(self) -> dict[str, object]:
        """The attachment object Discord puts in an interaction's ``resolved`` block."""
        return {
            "id": str(self.id),
            "filename": self.filename,
            "size": len(self.data),
            "url": self.url,
            "proxy_url": self.url,
            "content_type": self.content_type,
        }


@dataclass(frozen=True)
class FakeUser:
    """A user known to the fake (a human, another bot, or the bot under test)."""

    id: int
    name: str
    bot: bool = False

    @property
    def mention(self) -> str:
        """The `<@id>` mention string."""
        return f"<@{self.id}>"


@dataclass(frozen=True)
class FakeRole:
    """A guild role; the @everyone role shares the guild id."""

    id: int
    guild_id: int
    name: str
    permissions: int


@dataclass(frozen=True)
class FakeChannel:
    """A guild text channel, or (type 1, `guild_id` 0) a DM with the bot."""

    id: int
    guild_id: int
    name: str
    type: int = 0

    @property
    def is_dm(self) -> bool:
        """Whether this is a direct-message channel (no guild)."""
        return self.type == DM_CHANNEL

    @property
    def mention(self) -> str:
        """The `<#id>` mention string."""
        return f"<#{self.id}>"


@dataclass(frozen=True)
class FakeGuild:
    """A guild and the text channels created with it (the first one is `general`)."""

    id: int
    name: str
    owner_id: int
    channels: tuple[FakeChannel, ...]

    @property
    def general(self) -> FakeChannel:
        """The default text channel."""
        return self.channels[0]

    @property
    def everyone_role_id(self) -> int:
        """The id of the @everyone role."""
        return self.id


@dataclass(frozen=True)
class RecordedRequest:
    """One HTTP request the bot made, with its parsed JSON body (or `payload_json`)."""

    method: str
    path: str
    query: Mapping[str, str]
    json: Any
    status: int
    files: tuple[str, ...] = ()


@dataclass(frozen=True)
class PostedMessage:
    """The latest known version of a message in a channel."""

    id: int
    channel_id: int
    author_id: int
    content: str
    source: MessageSource
    raw: Mapping[str, Any]
    embeds: tuple[Mapping[str, Any], ...] = ()
    components: tuple[Mapping[str, Any], ...] = ()
    flags: int = 0
    allowed_mentions: Mapping[str, Any] | None = None
    files: tuple[tuple[str, bytes], ...] = ()
    edited: bool = False
    deleted: bool = False
    interaction_id: int | None = None

    @property
    def ephemeral(self) -> bool:
        """Whether only the invoking user can see the message."""
        return bool(self.flags & EPHEMERAL)

    def component(self, custom_id: str) -> Mapping[str, Any] | None:
        """The component (button or select) with this custom id, if the message has one."""
        stack = list(self.components)
        while stack:
            component = stack.pop()
            if component.get("custom_id") == custom_id:
                return component
            stack.extend(component.get("components", []))
        return None

    @property
    def custom_ids(self) -> tuple[str, ...]:
        """Custom ids of every component (buttons, selects) on the message, in order."""
        found: list[str] = []
        stack = list(reversed(self.components))
        while stack:
            component = stack.pop()
            if "custom_id" in component:
                found.append(str(component["custom_id"]))
            stack.extend(reversed(component.get("components", [])))
        return tuple(found)


@dataclass(frozen=True)
class Choice:
    """One autocomplete choice returned by the bot."""

    name: str
    value: str | int | float


@dataclass(frozen=True)
class Reply:
    """How the bot answered one interaction: the callback, the original response and follow-ups.

    As on Discord, the first follow-up after a "thinking" defer replaces the loading message,
    so it is both `message` (the original response) and `followups[0]`.
    """

    interaction_id: int
    callback_type: int
    callback_data: Mapping[str, Any]
    message: PostedMessage | None
    followups: tuple[PostedMessage, ...] = ()
    choices: tuple[Choice, ...] = ()
    modal: Mapping[str, Any] | None = None

    @property
    def deferred(self) -> bool:
        """Whether the bot deferred (thinking, or a deferred component update)."""
        return self.callback_type in (5, 6)

    @property
    def ephemeral(self) -> bool:
        """Whether the original response is ephemeral."""
        if self.message is not None:
            return self.message.ephemeral
        return bool(int(self.callback_data.get("flags") or 0) & EPHEMERAL)

    @property
    def content(self) -> str:
        """Content of the original response (empty when there is none)."""
        return "" if self.message is None else self.message.content

    @property
    def embeds(self) -> tuple[Mapping[str, Any], ...]:
        """Embeds of the original response."""
        return () if self.message is None else self.message.embeds

    @property
    def components(self) -> tuple[Mapping[str, Any], ...]:
        """Components of the original response."""
        return () if self.message is None else self.message.components

    @property
    def allowed_mentions(self) -> Mapping[str, Any] | None:
        """The `allowed_mentions` the bot sent with the original response."""
        return None if self.message is None else self.message.allowed_mentions

    @property
    def all_messages(self) -> tuple[PostedMessage, ...]:
        """The original response (if any) followed by every follow-up."""
        head = () if self.message is None else (self.message,)
        return head + self.followups
