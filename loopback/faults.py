"""Faults on demand for the fake REST API: rate limits, server errors, slow or held responses."""

from __future__ import annotations

import asyncio
import json
import re
import time
from dataclasses import dataclass, field
from typing import Literal

from aiohttp import web

from loopback.limits import RATE_LIMIT_HEADERS

__all__ = ["Fault", "FaultKind", "Faults", "rate_limited", "server_error"]

FaultKind = Literal["429", "500", "slow"]
RATE_LIMIT_BUCKET = "loopback-fault"
RATE_LIMIT_LIMIT = 5


@dataclass
class Fault:
    """One planned fault: which requests it hits, what it does, and how many more times."""

    method: str
    path: re.Pattern[str]
    kind: FaultKind
    times: int = 1
    seconds: float = 0.0
    release: asyncio.Event = field(default_factory=asyncio.Event)
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        """Whether a request (path without `/api/v10`) is hit by this fault."""
        return self.times > 0 and self.method in ("*", method) and bool(self.path.search(path))

    def open(self) -> None:
        """Let requests held by a slow fault go on now."""
        self.release.set()


class Faults:
    """The planned faults, consulted by the REST middleware before each handler."""

    def __init__(self) -> None:
        self.planned: list[Fault] = []

    def add(self, fault: Fault) -> Fault:
        """Plan a fault; returns it so a test can `open()` a held request or read `hits`."""
        self.planned.append(fault)
        return fault

    def take(self, method: str, path: str) -> Fault | None:
        """The first fault hitting this request, with one use consumed."""
        for fault in self.planned:
            if fault.matches(method, path):
                fault.times -= 1
                fault.hits += 1
                return fault
        return None

    async def apply(self, fault: Fault) -> web.Response | None:
        """Act out a fault: a response to return instead of the real one, or None to go on."""
        if fault.kind == "429":
            return rate_limited(fault.seconds)
        if fault.kind == "500":
            return server_error()
        if fault.seconds > 0:
            try:
                async with asyncio.timeout(fault.seconds):
                    await fault.release.wait()
            except TimeoutError:
                pass
        else:
            await fault.release.wait()
        return None


def rate_limited(retry_after: float) -> web.Response:
    """A 429 with Discord's body (`retry_after`, `global`) and rate-limit headers."""
    values = (
        str(RATE_LIMIT_LIMIT),
        "0",
        f"{time.time() + retry_after:.3f}",
        f"{retry_after:.3f}",
        RATE_LIMIT_BUCKET,
        "user",
    )
    headers = dict(zip(RATE_LIMIT_HEADERS, values, strict=True))
    headers["Retry-After"] = str(max(1, round(retry_after)))
    headers["Via"] = "1.1 google"  # Discord's answers pass a proxy; discord.py checks for it
    body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": False}
    return _json(body, 429, headers)


def server_error() -> web.Response:
    """A 500 as Discord sends it when something breaks on its side."""
    return _json({"message": "500: Internal Server Error", "code": 0}, 500)


def _json(
    body: dict[str, object], status: int, headers: dict[str, str] | None = None
) -> web.Response:
    """JSON with exactly `Content-Type: application/json` (discord.py compares it verbatim)."""
    return web.Response(
        status=status,
        body=json.dumps(body).encode(),
        headers={**(headers or {}), "Content-Type": "application/json"},
    )
