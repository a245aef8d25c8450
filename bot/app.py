"""Startup: the Bot subclass, its command tree's error handler, and ``run_bot``.

This is the one module of ``bot/`` that knows about Discord; everything it wires up
(database, services) is plain Python that the cogs call.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass
from typing import Any

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands
from discord.voice_client import VoiceClient

from bot.config import Settings
from bot.errors import FilmClubError, StartupError
from bot.idempotency import RecentIds
from bot.options import OptionLimit, option_problem
from bot.services.cast import CastService
from bot.services.films import FilmService
from bot.services.knowledge import KnowledgeService
from bot.services.quotes import QuoteService
from bot.services.spoilers import SpoilerPolicy
from bot.services.trivia import TriviaService
from bot.services.trivia_lists import TriviaListService
from bot.storage.database import Database
from bot.storage.postgres import PostgresUserData
from bot.storage.userdata import KnowledgeBroadcast, UserData
from bot.trivia.clock import Clock, MonotonicClock
from bot.trivia.events import JudgeFn
from bot.trivia.judge import judge as default_judge

__all__ = [
    "EXTENSIONS",
    "LOGIN_REFUSED",
    "MISSING_INTENT",
    "NO_NETWORK",
    "FilmClubBot",
    "Services",
    "create_bot",
    "run_bot",
]

log = logging.getLogger(__name__)

EXTENSIONS = (
    "cogs.film",
    "cogs.cast",
    "cogs.quotes",
    "cogs.spoilers",
    "cogs.admin",
    "cogs.club",
    "cogs.trivia",
    "cogs.trivia_admin",
)
"""The cogs to load, in order; one that fails to load is logged and skipped."""

LOGIN_REFUSED = (
    "Discord refused the token in DISCORD_TOKEN. Reset it on the Bot page of"
    " https://discord.com/developers/applications and put the new one in .env."
)
MISSING_INTENT = (
    "The Message Content intent is not enabled for this bot. Enable it on the Bot page of the"
    " Developer Portal, or set FILMCLUB_MESSAGE_CONTENT=false to play trivia with buttons."
)
NO_NETWORK = "Cannot reach Discord ({error}). Check the network connection and try again."
NOT_SYNCED = (
    "slash commands are not synced on start: run `python -m bot sync` once (global), or set"
    " FILMCLUB_DEV_GUILD for a test server"
)

GENERIC_APOLOGY = "Sorry, something went wrong on our side (error id `{error_id}`)."


@dataclass(frozen=True, slots=True)
class Services:
    """Everything the cogs call, built once the database is open."""

    database: Database
    knowledge: KnowledgeService
    films: FilmService
    cast: CastService
    quotes: QuoteService
    spoilers: SpoilerPolicy
    trivia: TriviaService
    trivia_lists: TriviaListService
    users: UserData
    """User data: the SQLite ``database`` itself, or PostgreSQL shared by processes."""

    async def close(self) -> None:
        """Close the user-data store (when apart) and the database."""
        try:
            if self.users is not self.database:
                await self.users.close()
        finally:
            await self.database.close()


def build_services(
    database: Database,
    settings: Settings,
    users: UserData | None = None,
    broadcast: KnowledgeBroadcast | None = None,
) -> Services:
    """Wire the services over one open knowledge base and user data (default: the same file)."""
    users = users or database
    knowledge = KnowledgeService(database, settings.seeds_dir, broadcast)
    trivia = TriviaService(database, knowledge, users=users)
    knowledge.on_change(trivia.prepare)
    return Services(
        database=database,
        knowledge=knowledge,
        films=FilmService(database, knowledge, users),
        cast=CastService(database, knowledge),
        quotes=QuoteService(database, knowledge),
        spoilers=SpoilerPolicy(users),
        trivia=trivia,
        users=users,
        trivia_lists=TriviaListService(database, users=users),
    )


async def open_services(settings: Settings) -> Services:
    """Open the knowledge base (SQLite) and, with FILMCLUB_DATABASE_URL, shared user data."""
    database = await Database.open(settings.database_path)
    if settings.database_url is None:
        return build_services(database, settings)
    try:
        shared = await PostgresUserData.open(settings.database_url)
    except BaseException:
        await database.close()
        raise
    return build_services(database, settings, shared, shared)


def _permission_name(permission: str) -> str:
    """'manage_guild' as Discord's clients show it: 'Manage Server'."""
    return permission.replace("guild", "server").replace("_", " ").title()


def _user_message(error: app_commands.AppCommandError) -> str | None:
    """The short message for an expected error, or None for a bug."""
    original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
    if isinstance(original, FilmClubError | OptionOutOfRangeError):
        return str(original)
    if isinstance(error.__cause__, FilmClubError):  # raised by a Transformer (an unknown film)
        return str(error.__cause__)
    if isinstance(error, app_commands.MissingPermissions):
        names = [_permission_name(p) for p in error.missing_permissions]
        return f"You need the {', '.join(names)} permission for that."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.CheckFailure):
        return "You are not allowed to use this command."
    if isinstance(error, app_commands.TransformerError):
        return f"I could not understand {error.value!r}."
    return None


class OptionOutOfRangeError(app_commands.AppCommandError):
    """An option value outside the command's declared range (sent by a non-standard client)."""


def _limits(command: app_commands.Command[Any, ..., Any]) -> dict[str, OptionLimit]:
    """The declared limits of a command's options, by the name Discord sends."""
    return {
        parameter.display_name: OptionLimit(
            name=parameter.display_name,
            min_value=parameter.min_value,
            max_value=parameter.max_value,
            choices=tuple(choice.value for choice in parameter.choices),
        )
        for parameter in command.parameters
    }


def _values(data: object) -> dict[str, object]:
    """The raw option values of an interaction, subcommands and groups unwrapped."""
    options = data.get("options", []) if isinstance(data, dict) else []
    values: dict[str, object] = {}
    while options:
        nested = [o for o in options if o.get("type") in _SUBCOMMAND_TYPES]
        values.update({o["name"]: o.get("value") for o in options if o not in nested})
        options = nested[0].get("options", []) if nested else []
    return values


_SUBCOMMAND_TYPES = frozenset({1, 2})
"""Option types that wrap other options: a subcommand (1) and a subcommand group (2)."""


class FilmClubTree(app_commands.CommandTree["FilmClubBot"]):
    """The command tree, with one handler that turns errors into short ephemeral replies."""

    def __init__(self, client: FilmClubBot, **options: Any) -> None:
        super().__init__(client, **options)
        self._recent = RecentIds()

    async def interaction_check(self, interaction: discord.Interaction[FilmClubBot]) -> bool:
        """Run each interaction once, and only with option values the command accepts."""
        if not self._recent.first_time(interaction.id):
            log.info("ignored a second delivery of interaction %s", interaction.id)
            return False
        command = interaction.command
        if interaction.type is discord.InteractionType.application_command and isinstance(
            command, app_commands.Command
        ):
            problem = option_problem(_limits(command), _values(interaction.data))
            if problem is not None:
                raise OptionOutOfRangeError(problem)
        return True

    async def on_error(
        self, interaction: discord.Interaction[FilmClubBot], error: app_commands.AppCommandError
    ) -> None:
        """Reply to expected errors briefly; log anything else with an id the user can quote."""
        message = _user_message(error)
        if message is None:
            error_id = uuid.uuid4().hex[:8]
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("error %s in /%s", error_id, command, exc_info=error)
            message = GENERIC_APOLOGY.format(error_id=error_id)
        try:
            if interaction.response.is_done():
                await interaction.followup.send(message, ephemeral=True)
            else:
                await interaction.response.send_message(message, ephemeral=True)
        except discord.HTTPException:
            log.warning("could not deliver an error reply for interaction %s", interaction.id)


def intents_for(settings: Settings) -> discord.Intents:
    """The minimum intents: guilds always; messages only for typed trivia answers."""
    intents = discord.Intents.none()
    intents.guilds = True
    if settings.message_content:
        intents.guild_messages = True
        intents.message_content = True
    return intents


class FilmClubBot(commands.AutoShardedBot):
    """The film-club bot: slash commands only, no pings, services built in ``setup_hook``.

    Sharded as settings say: the listed shards of ``shard_count``, or discord.py's automatic
    sharding (as many shards as Discord recommends) in one process.
    """

    def __init__(self, settings: Settings, *, clock: Clock, judge: JudgeFn, **options: Any) -> None:
        # The bot never joins voice; discord.py would warn twice that voice is unsupported.
        VoiceClient.warn_nacl = VoiceClient.warn_dave = False
        options.setdefault("intents", intents_for(settings))
        options.setdefault("shard_count", settings.shard_count)
        if settings.shard_ids is not None:
            options.setdefault("shard_ids", list(settings.shard_ids))
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=FilmClubTree,
            **options,
        )
        self.settings = settings
        self.clock = clock
        """Time for trivia rounds; tests pass a fake clock."""
        self.judge = judge
        """Judges typed trivia answers."""
        self._services: Services | None = None
        self._follower: asyncio.Task[None] | None = None

    @property
    def services(self) -> Services:
        """The services; available once ``setup_hook`` has run."""
        if self._services is None:
            raise RuntimeError("the bot has not been set up yet")
        return self._services

    async def setup_hook(self) -> None:
        """Open the database, load seeds on first start, load cogs, sync to the dev guild."""
        if self.settings.runs_some_shards and self.settings.database_url is None:
            log.warning(
                "this process runs shards %s of %d but FILMCLUB_DATABASE_URL is unset: its"
                " scores and settings stay in its own SQLite file",
                ",".join(map(str, self.settings.shard_ids or ())),
                self.settings.shard_count,
            )
        self._services = await open_services(self.settings)
        report = await self._services.knowledge.ensure_loaded()
        if report is not None and report.error is not None:
            log.error("first seed load failed: %s", report.error)
        elif report is None:
            await self._services.trivia.prepare()
        for failure in report.failures if report is not None else ():
            log.error("film failed to load, the others loaded: %s", failure)
        await self._services.quotes.warm()
        if self.settings.database_url is not None:  # other processes may reseed
            self._follower = asyncio.create_task(
                self._services.knowledge.follow_forever(), name="filmclub-follow-reseeds"
            )
        for extension in EXTENSIONS:
            try:
                await self.load_extension(extension)
            except commands.ExtensionError:
                log.exception("could not load %s", extension)
        await self._log_summary()
        if self.settings.dev_guild_id is not None:
            guild = discord.Object(id=self.settings.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info(
                "synced %d commands to the development guild %s",
                len(synced),
                self.settings.dev_guild_id,
            )
        else:
            log.info(NOT_SYNCED)

    async def _log_summary(self) -> None:
        """One start-up line each: what is loaded, and which intents the bot asks for."""
        database = self.services.database
        films, quotes = await database.film_count(), await database.quote_count()
        log.info(
            "loaded %d film(s) and %d quote(s) from %s", films, quotes, self.settings.seeds_dir
        )
        wanted = sorted(name for name, on in self.intents if on)
        note = "" if self.intents.message_content else " (no message content: trivia uses buttons)"
        log.info("intents: %s%s", ", ".join(wanted), note)

    async def on_ready(self) -> None:
        """Say who the bot is and where it is."""
        log.info("connected as %s to %d server(s)", self.user, len(self.guilds))

    async def is_bot_admin(self, user: discord.abc.User) -> bool:
        """True for the application's owner or team members, and FILMCLUB_ADMINS."""
        return user.id in self.settings.admin_ids or await self.is_owner(user)

    async def close(self) -> None:
        """Unload the cogs (ending their background tasks), close Discord, then the database."""
        for extension in tuple(self.extensions):
            try:
                await self.unload_extension(extension)
            except commands.ExtensionError:
                log.exception("could not unload %s", extension)
        try:
            await super().close()
        finally:
            # close() runs twice (connect() calls it again); only the first closes the database.
            follower, self._follower = self._follower, None
            if follower is not None:
                follower.cancel()
                await asyncio.gather(follower, return_exceptions=True)
            services, self._services = self._services, None
            if services is not None:
                await services.knowledge.close()
                await services.close()


def create_bot(
    settings: Settings,
    *,
    clock: Clock | None = None,
    judge: JudgeFn = default_judge,
    **client_options: Any,
) -> FilmClubBot:
    """Build the bot: the one place the trivia clock and judge are chosen.

    ``client_options`` go to `commands.Bot` (e.g. ``guild_ready_timeout``).
    """
    return FilmClubBot(settings, clock=clock or MonotonicClock(), judge=judge, **client_options)


async def run_bot(
    settings: Settings, *, sync_globally: bool = False, stop: asyncio.Event | None = None
) -> None:
    """Log in and run until ``stop`` is set; with ``sync_globally``, register commands and exit.

    Stopping closes the bot gracefully: running rounds end with a message, then the database
    closes. A bad token, a privileged intent not enabled or no network raise `StartupError`
    with one line saying what to do.
    """
    if not settings.discord_token:
        raise ValueError("DISCORD_TOKEN is required")
    try:
        async with create_bot(settings) as bot:
            if sync_globally:
                await bot.login(settings.discord_token)  # runs setup_hook
                synced = await bot.tree.sync()
                log.info("synced %d commands globally", len(synced))
                return
            await _serve(bot, settings.discord_token, stop or asyncio.Event())
    except discord.LoginFailure as error:
        raise StartupError(LOGIN_REFUSED) from error
    except discord.PrivilegedIntentsRequired as error:
        raise StartupError(MISSING_INTENT) from error
    except (aiohttp.ClientConnectorError, discord.GatewayNotFound) as error:
        raise StartupError(NO_NETWORK.format(error=error)) from error


async def _serve(bot: FilmClubBot, token: str, stop: asyncio.Event) -> None:
    """Run the bot until it stops by itself (raising its error) or ``stop`` is set."""
    runner = asyncio.create_task(bot.start(token), name="filmclub-bot")
    stopper = asyncio.create_task(stop.wait(), name="filmclub-stop")
    try:
        done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopper.cancel()
    if runner not in done:
        log.info("stopping: ending running rounds and closing the database")
        await bot.close()
    await runner
