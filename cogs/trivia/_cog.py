"""/trivia: start, stop and skip rounds; leaderboards and seasons."""

from __future__ import annotations

import asyncio
from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.app import FilmClubBot
from bot.errors import NotAllowedError, NotFoundError
from bot.trivia import engine
from bot.trivia.engine import Round, RoundRegistry
from bot.trivia.events import RoundMode
from bot.trivia.words import common_words
from cogs._shared import Film, Interaction, services, spoilers_allowed
from cogs.trivia._driver import RoundDriver
from cogs.trivia._lists import list_autocomplete
from cogs.trivia._render import leaderboard_embed, lists_embed, round_start_embed
from cogs.trivia._views import AnswerButton

__all__ = ["MISSING_PERMISSIONS", "ROUND_PERMISSIONS", "TYPED_FALLBACK_NOTE", "TriviaCog"]

DEFAULT_QUESTIONS = 10
TYPED_FALLBACK_NOTE = (
    "Typed answers need the Message Content intent (FILMCLUB_MESSAGE_CONTENT=true and the"
    " intent enabled for the bot), so this round uses buttons."
)

ROUND_PERMISSIONS = discord.Permissions(view_channel=True, send_messages=True)
"""What the bot needs in a channel to run a round there (checked before it starts)."""
MISSING_PERMISSIONS = (
    "I can't run a round here: I need {missing} in this channel. Ask a moderator to allow it,"
    " or start the round in another channel."
)

QuestionCount = app_commands.Range[int, engine.MIN_QUESTIONS, engine.MAX_QUESTIONS]
Seconds = app_commands.Range[int, int(engine.MIN_TIME_LIMIT), int(engine.MAX_TIME_LIMIT)]


def _missing(have: discord.Permissions, need: discord.Permissions) -> list[str]:
    """Names of the permissions in ``need`` that ``have`` lacks, as Discord's clients show them."""
    return [
        name.replace("_", " ").title() for name, value in need if value and not getattr(have, name)
    ]


@app_commands.guild_only()
class TriviaCog(commands.GroupCog, group_name="trivia", group_description="Film trivia rounds"):
    """Trivia rounds, one per channel, many channels at once."""

    def __init__(self, bot: FilmClubBot) -> None:
        self.bot = bot
        self.rounds: RoundRegistry[RoundDriver] = RoundRegistry(clock=bot.clock, judge=bot.judge)
        """The running rounds, one per channel, each with its driver."""
        super().__init__()

    async def cog_load(self) -> None:
        """Load the judge's word list off the event loop, so the first guess is not slow."""
        await asyncio.to_thread(common_words)
        self.bot.add_dynamic_items(AnswerButton)  # buttons answered even after a restart

    async def cog_unload(self) -> None:
        """End every running round with a message, then stop answering its buttons."""
        await asyncio.gather(*(driver.close() for driver in list(self.rounds)))
        self.bot.remove_dynamic_items(AnswerButton)

    def driver_by_token(self, token: str) -> RoundDriver | None:
        """The running round whose buttons carry ``token``."""
        return next((d for d in self.rounds if d.token == token), None)

    def wake_all(self) -> None:
        """Make every round check the clock now."""
        for driver in self.rounds:
            driver.wake()

    def _finished(self, driver: RoundDriver) -> None:
        self.rounds.release(driver.round.channel_id, driver)

    def _driver(self, interaction: Interaction) -> RoundDriver:
        driver = self.rounds.get(interaction.channel_id or 0)
        if driver is None:
            raise NotFoundError("No trivia round is running in this channel.")
        return driver

    @app_commands.command(name="start", description="Start a trivia round in this channel")
    @app_commands.describe(
        questions="How many questions (1-50, default 10)",
        mode="typed: first correct message wins; buttons: everyone picks A-D",
        film="Which film (default: the server's film; with a list, its questions join the list's)",
        spoilers="Include questions about the plot and ending (default: no)",
        seconds="Seconds per question (10-120, default 30 or the list's own)",
        list_="Play a trivia list instead (see /trivia lists)",
    )
    @app_commands.rename(list_="list")
    @app_commands.autocomplete(list_=list_autocomplete)
    async def start(
        self,
        interaction: Interaction,
        questions: QuestionCount = DEFAULT_QUESTIONS,
        mode: Literal["typed", "buttons"] | None = None,
        film: Film | None = None,
        spoilers: bool = False,
        seconds: Seconds | None = None,
        list_: str | None = None,
    ) -> None:
        """Pick questions and start the round."""
        channel = interaction.channel
        channel_id = interaction.channel_id or 0
        if channel is None or not isinstance(channel, discord.abc.Messageable):
            raise NotFoundError("Trivia needs a text channel.")
        missing = _missing(interaction.app_permissions, ROUND_PERMISSIONS)
        if missing:
            raise NotAllowedError(MISSING_PERMISSIONS.format(missing=" and ".join(missing)))
        typed_possible = self.bot.settings.message_content
        note = ""
        chosen_mode = RoundMode.TYPED if typed_possible else RoundMode.BUTTONS
        if mode is not None:
            chosen_mode = RoundMode(mode)
        if chosen_mode is RoundMode.TYPED and not typed_possible:
            chosen_mode, note = RoundMode.BUTTONS, TYPED_FALLBACK_NOTE
        trivia = services(interaction).trivia
        guild_id = interaction.guild_id or 0
        wanted = None if seconds is None else float(seconds)
        if list_ is not None:
            chosen_list = await services(interaction).trivia_lists.get(guild_id, list_)
            mixed = None
            if film is not None:
                mixed = await services(interaction).films.resolve(film, guild_id)
            plan = await trivia.plan_list_round(
                chosen_list,
                questions,
                mode=chosen_mode,
                spoilers=spoilers,
                seconds=wanted,
                film=mixed,
            )
        else:
            chosen = await services(interaction).films.resolve(film, guild_id)
            plan = await trivia.plan_film_round(
                chosen, questions, mode=chosen_mode, spoilers=spoilers, seconds=wanted
            )
        shown = await spoilers_allowed(interaction)

        async def report(text: str) -> None:
            await interaction.followup.send(text, allowed_mentions=discord.AllowedMentions.none())

        def drive(round_: Round) -> RoundDriver:
            return RoundDriver(
                round_,
                channel,
                trivia,
                spoilers_shown=shown,
                on_finished=self._finished,
                report=report,
                reveal_answer=plan.reveal_answer,
                answers_hidden=plan.answers_hidden,
            )

        driver = self.rounds.open(
            drive,
            guild_id=guild_id,
            channel_id=channel_id,
            starter_id=interaction.user.id,
            questions=plan.questions,
            mode=chosen_mode,
            time_limit=plan.seconds,
            max_score=plan.max_score,
            idle_limit=plan.idle_limit,
            spoiler_extra=0.0 if shown else engine.SPOILER_READ_SECONDS,
        )
        try:
            await interaction.response.send_message(
                embed=round_start_embed(plan, chosen_mode, note=note),
                allowed_mentions=discord.AllowedMentions.none(),
            )
        except BaseException:
            # The channel was only held while announcing: a round nobody saw never runs.
            self.rounds.release(channel_id, driver)
            raise
        driver.start()

    @app_commands.command(name="lists", description="The trivia lists this server can play")
    async def lists(self, interaction: Interaction) -> None:
        """Every list with its author, description and question count."""
        available = await services(interaction).trivia_lists.lists(interaction.guild_id or 0)
        await interaction.response.send_message(
            embed=lists_embed(available), allowed_mentions=discord.AllowedMentions.none()
        )

    def _can_manage(self, interaction: Interaction) -> bool:
        return interaction.permissions.manage_messages

    async def _control(self, interaction: Interaction, *, stop: bool) -> None:
        """The one permission check of /trivia stop and skip, then the action.

        The check comes first so the reply is immediate; the action may wait for a post in
        progress, and the engine accepts a stop after the round has ended on its own.
        """
        driver = self._driver(interaction)
        manage = self._can_manage(interaction)
        if not driver.round.may_control(interaction.user.id, can_manage=manage):
            raise NotAllowedError("Only whoever started the round or a moderator can do that.")
        try:
            await interaction.response.send_message("Stopping the round." if stop else "Skipping.")
            await driver.control(driver.round.stop if stop else driver.round.skip)
        finally:
            if stop or not driver.running:
                # A stop always frees the channel, even when its round's task is gone.
                self.rounds.release(driver.round.channel_id, driver)

    @app_commands.command(name="stop", description="Stop this channel's round")
    async def stop(self, interaction: Interaction) -> None:
        """End the round and post the scoreboard (the starter or Manage Messages)."""
        await self._control(interaction, stop=True)

    @app_commands.command(name="skip", description="Skip the current question")
    async def skip(self, interaction: Interaction) -> None:
        """Reveal the answer and move on (the starter or Manage Messages)."""
        await self._control(interaction, stop=False)

    @app_commands.command(name="leaderboard", description="This server's trivia standings")
    async def leaderboard(self, interaction: Interaction) -> None:
        """Show this season's and the all-time leaderboard."""
        board = await services(interaction).trivia.leaderboard(interaction.guild_id or 0)
        await interaction.response.send_message(
            embed=leaderboard_embed(board), allowed_mentions=discord.AllowedMentions.none()
        )

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Typed answers: every message in a channel with a running round is a guess."""
        driver = self.rounds.get(message.channel.id)
        if driver is not None and driver.round.mode is RoundMode.TYPED:
            await driver.answer(message)
