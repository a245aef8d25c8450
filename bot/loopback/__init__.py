"""A loopback Discord: fake REST and gateway on 127.0.0.1 that the real bot connects to."""

from bot.loopback.harness import NonLoopbackRequestError, RunningBot, loopback_urls, run_bot
from bot.loopback.records import (
    Choice,
    FakeChannel,
    FakeGuild,
    FakeRole,
    FakeUser,
    LoopbackError,
    PostedMessage,
    RecordedRequest,
    Reply,
)
from bot.loopback.server import FakeDiscord

__all__ = [
    "Choice",
    "FakeChannel",
    "FakeDiscord",
    "FakeGuild",
    "FakeRole",
    "FakeUser",
    "LoopbackError",
    "NonLoopbackRequestError",
    "PostedMessage",
    "RecordedRequest",
    "Reply",
    "RunningBot",
    "loopback_urls",
    "run_bot",
]
