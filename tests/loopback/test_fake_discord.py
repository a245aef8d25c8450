"""End-to-end checks of the loopback Discord with a tiny real commands.Bot."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import discord
import pytest
from discord import app_commands
from discord.ext import commands
from discord.http import Route

from loopback.harness import NonLoopbackRequestError, RunningBot, run_bot
from loopback.limits import INTENT_MESSAGE_CONTENT
from loopback.records import FakeChannel, FakeGuild, LoopbackError
from loopback.server import FakeDiscord

FILMS = ["ruby-sparks", "her", "moon", "arrival"]


@dataclass
class Seen:
    messages: list[str] = field(default_factory=list)


class VoteView(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Yes", custom_id="vote:yes", style=discord.ButtonStyle.success)
    async def yes(
        self, interaction: discord.Interaction, button: discord.ui.Button[VoteView]
    ) -> None:
        await interaction.response.edit_message(
            content=f"{interaction.user.name} voted yes", view=None
        )


def make_bot(seen: Seen) -> commands.Bot:
    intents = discord.Intents.default()
    intents.message_content = True
    bot = commands.Bot(command_prefix="!", intents=intents, help_command=None)

    @bot.tree.command(name="echo", description="Say something back")
    @app_commands.describe(text="What to say", private="Only you see it")
    async def echo(interaction: discord.Interaction, text: str, private: bool = False) -> None:
        await interaction.response.send_message(
            f"echo: {text}", ephemeral=private, allowed_mentions=discord.AllowedMentions.none()
        )

    @echo.autocomplete("text")
    async def echo_complete(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=f, value=f) for f in FILMS if current in f]

    film = app_commands.Group(name="film", description="Films")

    @film.command(name="info", description="About a film")
    async def info(interaction: discord.Interaction, film: str, year: int = 0) -> None:
        embed = discord.Embed(title=film, description=f"year {year}")
        await interaction.response.send_message(embed=embed)

    bot.tree.add_command(film)

    @bot.tree.command(name="slow", description="Think, then answer")
    async def slow(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True, ephemeral=True)
        await interaction.followup.send("done thinking")
        await interaction.followup.send("and one more")

    @bot.tree.command(name="mods", description="Mods only")
    @app_commands.default_permissions(manage_guild=True)
    async def mods(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("hello mods")

    @bot.tree.command(name="poll", description="Post a vote")
    async def poll(interaction: discord.Interaction) -> None:
        assert isinstance(interaction.channel, discord.TextChannel)
        await interaction.channel.send("Vote!", view=VoteView())
        await interaction.response.send_message("posted", ephemeral=True)

    @bot.tree.command(name="poster", description="Upload a poster")
    async def poster(interaction: discord.Interaction) -> None:
        await interaction.response.send_message(
            "here", file=discord.File(io.BytesIO(b"PNG!"), filename="poster.png")
        )

    @bot.tree.command(name="rate", description="Rate a film in a form")
    async def rate(interaction: discord.Interaction) -> None:
        modal = discord.ui.Modal(title="Rate", custom_id="rate-modal")
        modal.add_item(discord.ui.TextInput(label="Stars", custom_id="stars"))
        await interaction.response.send_modal(modal)

    @bot.tree.command(name="where", description="Name this channel")
    async def where(interaction: discord.Interaction) -> None:
        channel = interaction.channel
        assert isinstance(channel, discord.TextChannel)
        await interaction.response.send_message(f"{channel.guild.name}/{channel.name}")

    @bot.tree.command(name="silent", description="Never answers")
    async def silent(interaction: discord.Interaction) -> None:
        return

    @bot.listen("on_message")
    async def heard(message: discord.Message) -> None:
        if message.author.bot:
            return
        seen.messages.append(message.content)
        await message.channel.send(f"heard {message.content} from {message.author.name}")

    return bot


@dataclass
class World:
    fake: FakeDiscord
    guild: FakeGuild
    channel: FakeChannel
    running: RunningBot[commands.Bot]
    seen: Seen


@pytest.fixture
async def world() -> AsyncIterator[World]:
    seen = Seen()
    async with FakeDiscord(
        team=("alice", "bob"), privileged_intents=INTENT_MESSAGE_CONTENT
    ) as fake:
        guild = fake.add_guild(name="Club")
        channel = fake.add_channel(guild, "spoilers")
        async with run_bot(make_bot(seen), fake) as running:
            yield World(fake, guild, channel, running, seen)
        assert fake.errors == []


async def test_login_ready_and_sync(world: World) -> None:
    bot, fake = world.running.bot, world.fake
    assert bot.is_ready()
    assert bot.user is not None and bot.user.id == fake.bot_user.id
    assert bot.application_id == fake.application_id
    alice, bob, owner = fake.user("alice"), fake.user("bob"), fake.owner
    users = [await bot.fetch_user(u.id) for u in (alice, bob, owner)]
    assert [await bot.is_owner(u) for u in users] == [True, True, False]
    club = bot.get_guild(world.guild.id)
    assert club is not None and club.name == "Club"
    assert [c.name for c in club.text_channels] == ["general", "bot-commands", "spoilers"]
    names = {c["name"] for c in fake.commands()}
    assert names == {"echo", "film", "slow", "mods", "poll", "poster", "rate", "where", "silent"}
    assert {c.name for c in world.running.synced} == names
    assert all(int(c["id"]) for c in fake.commands())
    paths = [(r.method, r.path) for r in fake.requests]
    assert ("GET", "/users/@me") in paths
    assert ("PUT", f"/applications/{fake.application_id}/commands") in paths


async def test_slash_reply_content_flags_mentions(world: World) -> None:
    fake = world.fake
    alice = fake.user("alice")
    reply = await fake.slash("echo", {"text": "hi <@1>", "private": True}, user=alice)
    assert reply.content == "echo: hi <@1>"
    assert reply.ephemeral
    assert not reply.deferred
    assert reply.allowed_mentions == {"parse": []}
    public = await fake.slash("echo", {"text": "x"}, channel=world.channel)
    assert not public.ephemeral
    assert public.message is not None and public.message.channel_id == world.channel.id
    assert fake.channel_messages(world.channel) == []


async def test_subcommand_with_embed(world: World) -> None:
    reply = await world.fake.slash("film info", {"film": "ruby-sparks", "year": 2012})
    assert reply.embeds[0]["title"] == "ruby-sparks"
    assert reply.embeds[0]["description"] == "year 2012"


async def test_bad_invocations_are_refused(world: World) -> None:
    fake = world.fake
    with pytest.raises(LoopbackError, match="required option"):
        await fake.slash("film info")
    with pytest.raises(LoopbackError, match="is a group"):
        await fake.slash("film")
    with pytest.raises(LoopbackError, match="hidden"):
        await fake.slash("mods")
    reply = await fake.slash("mods", permissions=discord.Permissions(manage_guild=True))
    assert reply.content == "hello mods"


async def test_autocomplete(world: World) -> None:
    choices = await world.fake.autocomplete("echo", option="text", value="r")
    assert [c.value for c in choices] == ["ruby-sparks", "her", "arrival"]


async def test_defer_then_followups(world: World) -> None:
    reply = await world.fake.slash("slow")
    assert reply.deferred
    assert reply.ephemeral
    assert reply.content == "done thinking"
    more = await world.fake.wait_for_channel_message(
        world.guild.general, lambda m: m.content == "and one more"
    )
    assert not more.ephemeral
    assert more.source == "followup"


async def test_button_click_round_trip(world: World) -> None:
    fake, channel = world.fake, world.channel
    reply = await fake.slash("poll", channel=channel)
    assert reply.content == "posted"
    (posted,) = fake.channel_messages(channel)
    assert posted.content == "Vote!"
    assert posted.custom_ids == ("vote:yes",)
    clicked = await fake.click(posted, "vote:yes", user=fake.user("bob"))
    assert clicked.callback_type == 7
    assert clicked.content == "bob voted yes"
    (updated,) = fake.channel_messages(channel)
    assert updated.content == "bob voted yes"
    assert updated.components == ()


async def test_message_create_reaches_listener(world: World) -> None:
    fake = world.fake
    carol = fake.user("carol")
    sent = await fake.message(world.channel, "what a film", author=carol)
    answer = await fake.wait_for_channel_message(world.channel, after=sent)
    assert answer.content == "heard what a film from carol"
    await fake.message(world.channel, "beep", author=fake.user("robot", bot=True))
    await fake.message(world.channel, "last", author=carol)
    await fake.wait_for_channel_message(world.channel, lambda m: "last" in m.content)
    assert world.seen.messages == ["what a film", "last"]


async def test_a_delay_hook_holds_only_its_route_until_released(world: World) -> None:
    fake, carol = world.fake, world.fake.user("carol")
    held, release = asyncio.Event(), asyncio.Event()
    contents: list[str] = []

    async def hold(body: dict[str, object]) -> None:
        contents.append(str(body["content"]))
        held.set()
        await release.wait()

    fake.delay("post", "/channels/{channel_id}/messages", hold)
    sent = await fake.message(world.channel, "slowly", author=carol)
    try:
        await asyncio.wait_for(held.wait(), fake.timeout)
        assert fake.channel_messages(world.channel) == []  # the post is held
        reply = await fake.slash("poster", channel=world.channel)  # other routes are not
        assert reply.content == "here"
    finally:
        release.set()
    answer = await fake.wait_for_channel_message(
        world.channel, lambda m: m.content.startswith("heard"), after=sent
    )
    assert answer.content == "heard slowly from carol"
    assert contents == ["heard slowly from carol"]


async def test_unknown_routes_are_recorded(world: World) -> None:
    bot = world.running.bot
    with pytest.raises(discord.NotFound):
        await bot.http.request(Route("GET", "/guilds/{guild_id}/bans", guild_id=world.guild.id))
    assert [r.path for r in world.fake.unhandled_requests] == [f"/guilds/{world.guild.id}/bans"]


async def test_non_loopback_request_is_refused(world: World) -> None:
    route = Route("GET", "/users/@me")
    route.url = "https://discord.com/api/v10/users/@me"
    with pytest.raises(NonLoopbackRequestError):
        await world.running.bot.http.request(route)


async def test_urls_are_restored_after_shutdown() -> None:
    base = Route.BASE
    async with FakeDiscord(privileged_intents=INTENT_MESSAGE_CONTENT) as fake:
        fake.add_guild()
        async with run_bot(make_bot(Seen()), fake, sync=False) as running:
            assert fake.api_url == Route.BASE
            assert running.synced == ()
        assert running.bot.is_closed()
        assert not fake.gateway.sessions
    assert base == Route.BASE


async def test_multipart_upload_and_modal(world: World) -> None:
    upload = await world.fake.slash("poster")
    assert upload.content == "here"
    assert upload.message is not None and upload.message.files == (("poster.png", b"PNG!"),)
    modal = await world.fake.slash("rate")
    assert modal.callback_type == 9
    assert modal.modal is not None and modal.modal["custom_id"] == "rate-modal"


async def test_entities_added_while_running(world: World) -> None:
    fake = world.fake
    late = fake.add_channel(world.guild, "late-night")
    other = fake.add_guild(name="Second Club")
    assert (await fake.slash("where", channel=late)).content == "Club/late-night"
    assert (await fake.slash("where", guild=other)).content == "Second Club/general"
    bot = world.running.bot
    assert bot.get_channel(late.id) is not None
    assert bot.get_guild(other.id) is not None


async def test_missing_reply_times_out_clearly(world: World) -> None:
    with pytest.raises(
        LoopbackError, match=r"timed out after 0\.05s waiting for a reply to /silent"
    ):
        await world.fake.slash("silent", timeout=0.05)
