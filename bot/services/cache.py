"""A value rebuilt from the database whenever a reseed has changed the knowledge base."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from bot.services.knowledge import KnowledgeService

__all__ = ["GenerationCache"]

T = TypeVar("T")


class GenerationCache(Generic[T]):
    """Holds one value built by ``build``, rebuilt after each applied reseed."""

    def __init__(self, knowledge: KnowledgeService, build: Callable[[], Awaitable[T]]) -> None:
        self._knowledge = knowledge
        self._build = build
        self._value: T | None = None
        self._generation = -1
        self._lock = asyncio.Lock()

    async def get(self) -> T:
        """The current value, building it first if the knowledge base changed."""
        async with self._lock:
            generation = await self._knowledge.current_generation()
            if self._value is None or generation != self._generation:
                self._value = await self._build()
                self._generation = generation
            return self._value
