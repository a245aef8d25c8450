"""A loopback Discord: fake REST and gateway on 127.0.0.1 that the real bot connects to."""

from loopback.harness import NonLoopbackRequestError, RunningBot, loopback_urls, run_bot
from loopback.records import (
    Choice,
    FakeChannel,
    FakeGuild,
    FakeRole,
    FakeUser,
    LoopbackError,
    NoResponseError,
    NotVisibleError,
    PostedMessage,
    RecordedRequest,
    Reply,
)
from loopback.server import FakeDiscord

__all__ = [
    "Choice",
    "FakeChannel",
    "FakeDiscord",
    "FakeGuild",
    "FakeRole",
    "FakeUser",
    "LoopbackError",
    "NoResponseError",
    "NonLoopbackRequestError",
    "NotVisibleError",
    "PostedMessage",
    "RecordedRequest",
    "Reply",
    "RunningBot",
    "loopback_urls",
    "run_bot",
]
