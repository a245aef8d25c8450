"""The loopback refuses what Discord refuses, with Discord's status and error body."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands
from discord.http import Route

from loopback import limits
from loopback.harness import run_bot
from loopback.records import FakeGuild, LoopbackError, NoResponseError, NotVisibleError
from loopback.server import FakeDiscord

SEND = limits.PERM_SEND_MESSAGES
POLL_SECONDS = 0.005


async def eventually(predicate: Any, timeout: float = 2.0) -> None:
    """Poll a condition on the bot's side (which does not notify the fake) until it holds."""
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(POLL_SECONDS)


@dataclass
class Seen:
    """What the tiny bot observed, for the test to check."""

    errors: list[discord.HTTPException] = field(default_factory=list)
    payloads: list[dict[str, Any]] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    gate: asyncio.Event = field(default_factory=asyncio.Event)
    started: asyncio.Event = field(default_factory=asyncio.Event)


def callback_route(interaction: discord.Interaction) -> Route:
    return Route(
        "POST",
        "/interactions/{interaction_id}/{interaction_token}/callback",
        interaction_id=interaction.id,
        interaction_token=interaction.token,
    )


def make_bot(seen: Seen, intents: discord.Intents | None = None) -> commands.Bot:
    bot = commands.Bot(
        command_prefix="!", intents=intents or discord.Intents.default(), help_command=None
    )

    async def record(coro: Any) -> None:
        try:
            await coro
        except discord.HTTPException as exc:
            seen.errors.append(exc)

    @bot.tree.command(name="twice", description="Answer, then try a second first response")
    async def twice(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("one")
        await record(
            bot.http.request(
                callback_route(interaction), json={"type": 4, "data": {"content": "two"}}
            )
        )

    @bot.tree.command(name="wrongtype", description="Answer a command with a component update")
    async def wrongtype(interaction: discord.Interaction) -> None:
        await record(
            bot.http.request(
                callback_route(interaction), json={"type": 7, "data": {"content": "x"}}
            )
        )
        await interaction.response.send_message("fell back")

    @bot.tree.command(name="long", description="Answer with too much text")
    async def long(interaction: discord.Interaction) -> None:
        await record(interaction.response.send_message("x" * (limits.MESSAGE_CONTENT_MAX + 1)))
        await interaction.response.send_message("short")

    @bot.tree.command(name="late", description="Wait for the test, then answer")
    async def late(interaction: discord.Interaction) -> None:
        seen.started.set()
        await seen.gate.wait()
        await record(interaction.response.send_message("too late"))

    @bot.tree.command(name="defer", description="Defer, wait for the test, then follow up")
    async def defer(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        seen.started.set()
        await seen.gate.wait()
        await record(interaction.followup.send("finally"))

    @bot.tree.command(name="perms", description="Report the permissions in the payload")
    async def perms(interaction: discord.Interaction) -> None:
        seen.payloads.append(
            {
                "app": interaction.app_permissions.value,
                "member": interaction.permissions.value,
                "guild": interaction.guild_id,
                "context_dm": interaction.context.dm_channel,
            }
        )
        await interaction.response.send_message("noted", ephemeral=True)

    @bot.tree.command(name="admin", description="Managers only, servers only")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def admin(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("admin")

    @bot.tree.command(name="pick", description="Autocomplete with a count")
    async def pick(interaction: discord.Interaction, count: str) -> None:
        await interaction.response.send_message(count)

    @pick.autocomplete("count")
    async def pick_complete(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=f"c{i}", value=f"c{i}") for i in range(int(current))]

    @bot.tree.command(name="closed", description="Post a button nobody may click")
    async def closed(interaction: discord.Interaction) -> None:
        view = discord.ui.View()
        view.add_item(discord.ui.Button(label="Gone", custom_id="gone", disabled=True))
        await interaction.response.send_message("closed", view=view)

    @bot.listen("on_message")
    async def heard(message: discord.Message) -> None:
        if not message.author.bot:
            seen.messages.append(message.content)

    return bot


@dataclass
class World:
    fake: FakeDiscord
    guild: FakeGuild
    bot: commands.Bot
    seen: Seen

    async def post(self, channel_id: int, body: dict[str, Any]) -> discord.HTTPException | None:
        route = Route("POST", "/channels/{channel_id}/messages", channel_id=channel_id)
        try:
            await self.bot.http.request(route, json=body)
        except discord.HTTPException as exc:
            return exc
        return None


@pytest.fixture
async def world() -> AsyncIterator[World]:
    seen = Seen()
    async with FakeDiscord() as fake:
        guild = fake.add_guild()
        bot = make_bot(seen)
        async with run_bot(bot, fake):
            yield World(fake, guild, bot, seen)
        assert fake.errors == []


# -- messages ------------------------------------------------------------------------------


async def test_message_body_limits_get_400_invalid_form_body(world: World) -> None:
    channel = world.guild.general.id
    assert await world.post(channel, {"content": "x" * limits.MESSAGE_CONTENT_MAX}) is None
    error = await world.post(channel, {"content": "x" * (limits.MESSAGE_CONTENT_MAX + 1)})
    assert error is not None and (error.status, error.code) == (400, 50035)
    assert "content" in error.text and "2000 or fewer" in error.text
    embeds = {"embeds": [{"title": "t" * (limits.EMBED_TITLE_MAX + 1)}]}
    error = await world.post(channel, embeds)
    assert error is not None and error.code == 50035 and "embeds.0.title" in error.text
    buttons = [
        {"type": 2, "style": 1, "custom_id": "same", "label": "A"},
        {"type": 2, "style": 1, "custom_id": "same", "label": "B"},
    ]
    error = await world.post(channel, {"components": [{"type": 1, "components": buttons}]})
    assert error is not None and error.code == 50035 and "custom_id" in error.text
    empty = await world.post(channel, {"content": ""})
    assert empty is not None and (empty.status, empty.code) == (400, 50006)


async def test_interaction_reply_past_the_limit_is_refused(world: World) -> None:
    reply = await world.fake.slash("long")
    assert reply.content == "short"
    (error,) = world.seen.errors
    assert (error.status, error.code) == (400, 50035)


async def test_autocomplete_choices_are_capped_at_25(world: World) -> None:
    world.fake.store.response_deadline = 0.2  # the refused answer leaves nothing to wait for
    choices = await world.fake.autocomplete("pick", "count", str(limits.AUTOCOMPLETE_CHOICES_MAX))
    assert len(choices) == limits.AUTOCOMPLETE_CHOICES_MAX
    with pytest.raises(NoResponseError):
        await world.fake.autocomplete("pick", "count", "26")
    refused = [r for r in world.fake.requests if r.path.endswith("/callback") and r.status == 400]
    assert len(refused) == 1


async def test_command_registration_is_checked(world: World) -> None:
    route = Route(
        "PUT", "/applications/{application_id}/commands", application_id=world.fake.application_id
    )
    bad = [{"name": "Film", "description": "", "type": 1}]
    with pytest.raises(discord.HTTPException) as caught:
        await world.bot.http.request(route, json=bad)
    assert (caught.value.status, caught.value.code) == (400, 50035)
    assert "0.name" in caught.value.text and "0.description" in caught.value.text


async def test_a_disabled_button_cannot_be_clicked(world: World) -> None:
    reply = await world.fake.slash("closed")
    assert reply.message is not None
    with pytest.raises(LoopbackError, match="disabled"):
        await world.fake.click(reply.message, "gone")


# -- interaction lifecycle -----------------------------------------------------------------


async def test_second_first_response_is_40060(world: World) -> None:
    reply = await world.fake.slash("twice")
    assert reply.content == "one"
    await eventually(lambda: world.seen.errors)
    (error,) = world.seen.errors
    assert (error.status, error.code) == (400, 40060)


async def test_callback_type_must_suit_the_interaction(world: World) -> None:
    reply = await world.fake.slash("wrongtype")
    assert reply.content == "fell back"
    (error,) = world.seen.errors
    assert (error.status, error.code) == (400, 50035)


async def test_first_response_after_the_deadline_is_10062(world: World) -> None:
    fake, seen = world.fake, world.seen
    waiting = asyncio.create_task(fake.slash("late"))
    await seen.started.wait()
    fake.pass_time(limits.INITIAL_RESPONSE_SECONDS + 0.1)
    seen.gate.set()
    with pytest.raises(NoResponseError, match="This interaction failed"):
        await waiting
    await eventually(lambda: seen.errors)
    (error,) = seen.errors
    assert (error.status, error.code) == (404, 10062)


async def test_the_harness_waits_no_longer_than_discord() -> None:
    seen = Seen()
    async with FakeDiscord(response_deadline=0.05, timeout=5) as fake:
        fake.add_guild()
        async with run_bot(make_bot(seen), fake):
            loop = asyncio.get_running_loop()
            began = loop.time()
            with pytest.raises(NoResponseError):
                await fake.slash("late")
            assert loop.time() - began < 1  # not the 5 s test timeout
            seen.gate.set()
            await eventually(lambda: seen.errors)
            assert seen.errors[0].code == 10062


async def test_follow_ups_work_for_15_minutes_only(world: World) -> None:
    fake, seen = world.fake, world.seen
    waiting = asyncio.create_task(fake.slash("defer"))
    await seen.started.wait()
    fake.pass_time(limits.INTERACTION_TOKEN_SECONDS + 1)
    seen.gate.set()
    await eventually(lambda: seen.errors)
    (error,) = seen.errors
    assert (error.status, error.code) == (401, 50027)
    waiting.cancel()


# -- permissions, visibility, DMs ----------------------------------------------------------


async def test_bot_may_not_post_where_it_lacks_permissions(world: World) -> None:
    fake, channel = world.fake, world.guild.general
    me = fake.bot_user
    fake.set_overwrite(channel, me, deny=SEND)
    error = await world.post(channel.id, {"content": "hello"})
    assert error is not None and (error.status, error.code) == (403, 50013)
    fake.set_overwrite(channel, me, deny=limits.PERM_VIEW_CHANNEL)
    error = await world.post(channel.id, {"content": "hello"})
    assert error is not None and (error.status, error.code) == (403, 50001)
    other = world.guild.channels[1]
    assert await world.post(other.id, {"content": "hello"}) is None


async def test_reactions_and_edits_follow_the_rules(world: World) -> None:
    fake, channel = world.fake, world.guild.general
    typed = await fake.message(channel, "a member's message", author=fake.user("alice"))
    react = Route(
        "PUT",
        "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
        channel_id=channel.id,
        message_id=typed.id,
        emoji="%F0%9F%8E%AC",
    )
    await world.bot.http.request(react)
    fake.set_overwrite(channel, fake.bot_user, deny=limits.PERM_ADD_REACTIONS)
    with pytest.raises(discord.Forbidden) as caught:
        await world.bot.http.request(react)
    assert caught.value.code == 50013
    edit = Route(
        "PATCH",
        "/channels/{channel_id}/messages/{message_id}",
        channel_id=channel.id,
        message_id=typed.id,
    )
    with pytest.raises(discord.Forbidden) as caught:
        await world.bot.http.request(edit, json={"content": "mine now"})
    assert caught.value.code == 50005


async def test_interaction_payload_carries_channel_permissions(world: World) -> None:
    fake, guild = world.fake, world.guild
    channel = guild.general
    mods = fake.add_role(guild, "mods", limits.PERM_MANAGE_MESSAGES)
    fake.set_overwrite(channel, fake.bot_user, deny=SEND)
    fake.set_overwrite(channel, guild_everyone(fake, guild), deny=SEND)
    alice = fake.user("alice")
    await fake.slash("perms", user=alice, roles=[mods])
    payload = world.seen.payloads[-1]
    assert not payload["app"] & SEND
    assert payload["member"] & limits.PERM_MANAGE_MESSAGES
    assert not payload["member"] & SEND
    bot_view = world.bot.get_channel(channel.id)
    assert isinstance(bot_view, discord.TextChannel)
    await eventually(lambda: not bot_view.permissions_for(bot_view.guild.me).send_messages)


def guild_everyone(fake: FakeDiscord, guild: FakeGuild) -> Any:
    return fake.store.guild_of(guild).roles[0]


async def test_hidden_commands_and_dms(world: World) -> None:
    fake = world.fake
    alice = fake.user("alice")
    assert "admin" not in fake.visible_commands(user=alice)
    with pytest.raises(NotVisibleError):
        await fake.slash("admin", user=alice)
    manager = discord.Permissions(manage_guild=True)
    assert "admin" in fake.visible_commands(user=alice, permissions=manager)
    assert "admin" not in fake.visible_commands(dm=True)
    with pytest.raises(NotVisibleError, match="exclude DMs"):
        await fake.slash("admin", user=alice, dm=True)
    reply = await fake.slash("perms", user=alice, dm=True)
    assert reply.content == "noted"
    assert world.seen.payloads[-1]["guild"] is None
    assert world.seen.payloads[-1]["context_dm"]


# -- intents and tokens --------------------------------------------------------------------


async def test_message_content_is_empty_without_the_intent() -> None:
    seen = Seen()
    intents = discord.Intents.default()
    async with FakeDiscord() as fake:
        guild = fake.add_guild()
        async with run_bot(make_bot(seen, intents), fake):
            await fake.message(guild.general, "a secret answer")
            await eventually(lambda: seen.messages)
    assert seen.messages == [""]


async def test_privileged_intent_not_enabled_closes_4014() -> None:
    intents = discord.Intents.default()
    intents.message_content = True
    async with FakeDiscord() as fake:
        fake.add_guild()
        with pytest.raises(discord.ConnectionClosed) as caught:
            async with run_bot(make_bot(Seen(), intents), fake):
                pass
    assert caught.value.code == limits.CLOSE_DISALLOWED_INTENTS
    async with FakeDiscord(privileged_intents=limits.INTENT_MESSAGE_CONTENT) as fake:
        fake.add_guild()
        seen = Seen()
        async with run_bot(make_bot(seen, intents), fake):
            await fake.message(
                fake.store.guild_of(next(iter(fake.store.guilds))).guild.general, "hi"
            )
            await eventually(lambda: seen.messages)
        assert seen.messages == ["hi"]


async def test_a_bad_token_gets_401() -> None:
    async with FakeDiscord() as fake:
        fake.add_guild()
        with pytest.raises(discord.LoginFailure):
            async with run_bot(make_bot(Seen()), fake, token="not-the-token"):
                pass
        assert [r.status for r in fake.requests] == [401]


# -- faults ----------------------------------------------------------------------------------


async def test_rate_limit_is_retried_after_retry_after(world: World) -> None:
    fault = world.fake.fault("429", r"/channels/\d+/messages$", method="POST", seconds=0.01)
    assert await world.post(world.guild.general.id, {"content": "hello"}) is None
    assert fault.hits == 1
    statuses = [r.status for r in world.fake.requests if r.path.endswith("/messages")]
    assert statuses == [429, 200]


async def test_rate_limit_answer_has_discords_body_and_headers() -> None:
    async with FakeDiscord() as fake:
        channel = fake.add_guild().general
        fake.fault("429", r"/messages$", seconds=1.5)
        url = f"{fake.api_url}/channels/{channel.id}/messages"
        headers = {"Authorization": f"Bot {fake.token}"}
        async with aiohttp.ClientSession() as session:
            async with session.post(url, json={"content": "x"}, headers=headers) as response:
                body = await response.json()
                assert response.status == 429
                assert body == {
                    "message": "You are being rate limited.",
                    "retry_after": 1.5,
                    "global": False,
                }
                for name in limits.RATE_LIMIT_HEADERS:
                    assert name in response.headers
                assert response.headers["X-RateLimit-Remaining"] == "0"
                assert response.headers["X-RateLimit-Reset-After"] == "1.500"
            async with session.post(url, json={"content": "x"}, headers={}) as response:
                assert response.status == 401


async def test_server_error_is_retried(world: World) -> None:
    world.fake.fault("500", r"/channels/\d+/messages$", method="POST")
    assert await world.post(world.guild.general.id, {"content": "hello"}) is None
    statuses = [r.status for r in world.fake.requests if r.path.endswith("/messages")]
    assert statuses == [500, 200]


async def test_a_held_request_waits_until_opened(world: World) -> None:
    fault = world.fake.fault("slow", r"/channels/\d+/messages$", method="POST")
    posting = asyncio.create_task(world.post(world.guild.general.id, {"content": "slow"}))
    await asyncio.sleep(0.05)
    assert not posting.done()
    fault.open()
    assert await posting is None
    assert [m.content for m in world.fake.channel_messages(world.guild.general)] == ["slow"]


async def test_gateway_resume_and_reconnect(world: World) -> None:
    fake = world.fake
    await fake.drop_gateway(resume=True)
    await fake.wait_for_gateway(resumes=1)
    assert (await fake.slash("perms")).content == "noted"
    await fake.ask_reconnect()
    await fake.wait_for_gateway(resumes=2)
    ready = asyncio.create_task(world.bot.wait_for("ready", timeout=fake.timeout))
    await fake.drop_gateway(resume=False)
    await fake.wait_for_gateway(identifies=2)
    await ready  # nothing left half-dispatched when the test ends
    assert (await fake.slash("perms")).content == "noted"
    assert fake.gateway.closed_with == [limits.CLOSE_UNKNOWN_ERROR]


async def test_an_event_delivered_twice() -> None:
    seen = Seen()
    intents = discord.Intents.default()
    intents.message_content = True
    async with FakeDiscord(privileged_intents=limits.INTENT_MESSAGE_CONTENT) as fake:
        guild = fake.add_guild()
        async with run_bot(make_bot(seen, intents), fake):
            fake.deliver_twice("MESSAGE_CREATE")
            await fake.message(guild.general, "echo")
            await eventually(lambda: len(seen.messages) == 2)
    assert seen.messages == ["echo", "echo"]
