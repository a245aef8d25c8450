"""The activity feed: what the bot does, in order, between polls."""

from __future__ import annotations

import asyncio

from loopback.activity import ActivityFeed, Deleted, Edited, Posted, Reacted, Refused
from loopback.records import RecordedRequest
from loopback.server import FakeDiscord


def request(method: str, path: str, status: int = 200) -> RecordedRequest:
    return RecordedRequest(method=method, path=path, query={}, json=None, status=status)


async def test_feed_reports_posts_edits_reactions_deletions_and_refusals() -> None:
    async with FakeDiscord() as fake:
        guild = fake.add_guild()
        store, channel = fake.store, guild.general
        old = store.create_message(channel, fake.bot_user, {"content": "before"}, "channel")
        feed = ActivityFeed(store)
        assert feed.poll() == []

        store.create_message(channel, fake.user("alice"), {"content": "hi"}, "user")
        first = store.create_message(channel, fake.bot_user, {"content": "one"}, "channel")
        edited = store.edit_message(old.id, {"content": "after"})
        store.requests.append(
            request(
                "PUT", f"/channels/{channel.id}/messages/{first.id}/reactions/%F0%9F%A4%8F/@me", 204
            )
        )
        store.requests.append(request("POST", f"/channels/{channel.id}/messages", 403))
        store.requests.append(request("GET", "/users/@me"))
        assert feed.poll() == [
            Edited(old, edited),
            Posted(first),
            Reacted(channel.id, first.id, "🤏"),
            Refused(store.requests[-2]),
        ]

        store.delete_message(first.id)
        gone = store.create_message(channel, fake.bot_user, {"content": "brief"}, "channel")
        store.delete_message(gone.id)
        assert feed.poll() == [Deleted(store.messages[first.id])]
        assert feed.poll() == []


async def test_next_waits_for_a_change_or_times_out() -> None:
    async with FakeDiscord() as fake:
        guild = fake.add_guild()
        feed = ActivityFeed(fake.store)
        assert await feed.next(0.01) == []

        async def post_later() -> None:
            await asyncio.sleep(0.01)
            fake.store.create_message(guild.general, fake.bot_user, {"content": "x"}, "channel")

        task = asyncio.create_task(post_later())
        found = await feed.next(5)
        await task
    assert [type(a) for a in found] == [Posted]
