"""One console session: runs each line against the loopback Discord and renders what follows."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import Any

import discord

from console.commands import CHANNEL, USER, SlashError, parse_slash
from console.completion import Suggestion, suggest
from console.help import help_lines
from console.lines import (
    Chat,
    Click,
    Complete,
    Help,
    LineError,
    Quit,
    Reveal,
    Slash,
    Step,
    Switch,
    Wait,
    parse_line,
)
from console.output import Printer
from console.pacing import RoundTimer
from console.render import (
    Line,
    Names,
    buttons,
    has_spoiler,
    meta,
    render_activity,
    render_message,
)
from console.world import GENERAL, QUIET, SPOILERS, YOU, InvalidNameError, World
from loopback.activity import ActivityFeed, Edited, Posted, Refused
from loopback.records import Choice, FakeUser, LoopbackError, PostedMessage

__all__ = ["NO_RESPONSE", "QUIET_SECONDS", "REPLY_TIMEOUT", "Session"]

Json = Mapping[str, Any]
REPLY_TIMEOUT = 15.0
"""Seconds to wait for the bot to answer an interaction before calling it unanswered."""
QUIET_SECONDS = 0.25
"""After a line, the bot is done once it has been quiet this long."""
FINAL_QUIET_SECONDS = 0.6
"""At the end of a script, a longer quiet spell, so late follow-ups are not lost."""
BUSY_POLL_SECONDS = 0.02
"""While the bot is busy but silent, how often to look again."""
SETTLE_LIMIT = 30.0
"""Longest a line may keep the bot busy before the console moves on."""
MAX_WAIT_STEPS = 500
"""Most round events one `wait` (or the end of a script) steps through."""
ADMINISTRATOR = discord.Permissions(administrator=True).value
NO_RESPONSE = "The application did not respond"
"""What Discord's client says when an interaction gets no answer in time."""


class Session:
    """Runs lines as members of the club and prints the bot's activity as it happens."""

    def __init__(
        self,
        world: World,
        timer: RoundTimer,
        printer: Printer,
        *,
        busy: Callable[[], bool] = lambda: False,
    ) -> None:
        self.world = world
        self._busy = busy
        self.timer = timer
        self.printer = printer
        self.channel = world.channels[GENERAL]
        self.failures = 0
        self._feed = ActivityFeed(world.fake.store)
        self._revealed: set[int] = set()
        self._spoilers: dict[int, list[int]] = {}
        """Per channel: the latest reply's messages that hide spoilers (what `reveal` shows)."""
        self._actors: dict[int, str] = {}
        self._actor = YOU
        self._names = Names(user=world.user_name, channel=world.channel_name, actor=self._actor_of)

    # -- state ----------------------------------------------------------------------------

    def prompt(self) -> Line:
        """`#general › `, styled."""
        return [("channel", f"#{self.channel.name}"), ("you", " › ")]

    def commands(self) -> list[Json]:
        """Slash commands synced to the club's guild, then global ones."""
        fake = self.world.fake
        return [*fake.commands(self.world.guild), *fake.commands()]

    def _actor_of(self, interaction_id: int) -> str:
        return self._actors.setdefault(interaction_id, self._actor)

    def _author_of(self, message_id: int) -> str | None:
        message = self.world.fake.store.messages.get(message_id)
        return None if message is None else self.world.user_name(message.author_id)

    def fail(self, text: str) -> None:
        """Report a line that failed; the exit status of a script becomes non-zero."""
        self.failures += 1
        self.printer.line(meta(f"✗ {text}", "error"))

    def note(self, text: str) -> None:
        """Say something as the console."""
        self.printer.line(meta(text))

    # -- the bot's activity ---------------------------------------------------------------

    def _show(self, message: PostedMessage, lines: list[Line]) -> None:
        if has_spoiler(message) and message.id not in self._revealed:
            group = self._spoilers.get(message.channel_id, [])
            last = self.world.fake.store.messages.get(group[-1]) if group else None
            same_reply = last is not None and last.interaction_id == message.interaction_id
            if same_reply and message.interaction_id is not None:
                group.append(message.id)
            else:
                group = [message.id]
            self._spoilers[message.channel_id] = group
        self.printer.lines(lines)

    async def pump(self, timeout: float) -> bool:
        """Render whatever the bot does within `timeout` seconds; False if it did nothing."""
        batch = await self._feed.next(timeout)
        for activity in batch:
            lines = render_activity(
                activity,
                self._names,
                bot_name=self.world.fake.bot_user.name,
                revealed=self._revealed.__contains__,
                current_channel=self.channel.id,
                author_of=self._author_of,
            )
            if isinstance(activity, Posted):
                self._show(activity.message, lines)
            elif isinstance(activity, Edited):
                self._show(activity.after, lines)
            else:
                self.printer.lines(lines)
            if isinstance(activity, Refused):
                self.failures += 1
        return bool(batch)

    async def settle(self, quiet: float = QUIET_SECONDS) -> None:
        """Render the bot's activity until it is idle and has been quiet for `quiet` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SETTLE_LIMIT
        while loop.time() < deadline:
            if await self.pump(quiet):
                continue
            if not self._busy():
                return
            await asyncio.sleep(BUSY_POLL_SECONDS)
        self.note(f"the bot is still busy after {SETTLE_LIMIT:g} s; going on")

    # -- lines ----------------------------------------------------------------------------

    def echo(self, line: str) -> None:
        """Print a script line after the prompt, as if typed."""
        self.printer.line([*self.prompt(), ("text", line)])

    async def run_line(self, line: str) -> bool:
        """Run one line; False once the user asked to quit."""
        try:
            step = parse_line(line)
        except LineError as error:
            self.fail(str(error))
            return True
        if step is None:
            return True
        if isinstance(step.action, Quit):
            return False
        try:
            member = self.world.member(step.member or YOU)
        except InvalidNameError as error:
            self.fail(str(error))
            return True
        await self._run(step, member)
        return True

    async def _run(self, step: Step, member: FakeUser) -> None:
        action = step.action
        if isinstance(action, Slash):
            await self._slash(action.text, member)
        elif isinstance(action, Chat):
            await self.world.fake.message(self.channel, action.text, author=member)
        elif isinstance(action, Click):
            await self._click(action.number, member)
        elif isinstance(action, Reveal):
            self._reveal()
        elif isinstance(action, Wait):
            await self.wait(action.seconds)
        elif isinstance(action, Complete):
            await self._complete(action.text)
        elif isinstance(action, Switch):
            self._switch(action.channel)
        elif isinstance(action, Help):
            self._help()

    def _resolve(self, kind: int, raw: str) -> Any:
        if kind == USER:
            try:
                return self.world.member(raw.lstrip("@"))
            except InvalidNameError as error:
                raise SlashError(str(error)) from None
        if kind == CHANNEL:
            channel = self.world.channel(raw)
            if channel is None:
                raise SlashError(f"There is no channel {raw}.")
            return channel
        raise SlashError("The console has no roles to pick from.")

    async def _slash(self, text: str, member: FakeUser) -> None:
        try:
            parsed = parse_slash(text, self.commands(), self._resolve)
        except SlashError as error:
            self.fail(str(error))
            return
        hidden = self._missing_permissions(parsed.path, member)
        if hidden:
            self.fail(f"/{parsed.path} is not offered to {member.name}: it needs {hidden}.")
            return
        self._actor = member.name
        try:
            await self.world.fake.slash(
                parsed.path,
                parsed.options,
                guild=self.world.guild,
                channel=self.channel,
                user=member,
                timeout=REPLY_TIMEOUT,
            )
        except LoopbackError as error:
            self.fail(NO_RESPONSE if "timed out" in str(error) else str(error))

    def _missing_permissions(self, path: str, member: FakeUser) -> str:
        """Discord hides a command from members without its default permissions."""
        top = next(c for c in self.commands() if c["name"] == path.split()[0])
        required = int(top.get("default_member_permissions") or 0)
        have = self.world.fake.store.member_permissions(self.world.guild.id, member)
        if not required or have & ADMINISTRATOR or required & have == required:
            return ""
        missing = discord.Permissions(required & ~have)
        names = [
            name.replace("guild", "server").replace("_", " ").title() for name, on in missing if on
        ]
        return ", ".join(names)

    def _clickable(self, member: FakeUser) -> PostedMessage | None:
        for message in reversed(self.world.fake.store.messages.values()):
            if message.channel_id != self.channel.id or message.deleted or not buttons(message):
                continue
            if message.ephemeral and self._actors.get(message.interaction_id or 0) != member.name:
                continue
            return message
        return None

    async def _click(self, number: int, member: FakeUser) -> None:
        message = self._clickable(member)
        if message is None:
            self.fail(f"There is nothing to click in #{self.channel.name}.")
            return
        found = buttons(message)
        if not 1 <= number <= len(found):
            self.fail(f"Choose a button from 1 to {len(found)}.")
            return
        button = found[number - 1]
        if button.get("disabled") or "custom_id" not in button:
            self.fail(f"Button {number} cannot be pressed.")
            return
        self._actor = member.name
        try:
            await self.world.fake.click(
                message, str(button["custom_id"]), user=member, timeout=REPLY_TIMEOUT
            )
        except LoopbackError as error:
            self.fail(NO_RESPONSE if "timed out" in str(error) else str(error))

    def _reveal(self) -> None:
        messages = self.world.fake.store.messages
        hidden = [messages[i] for i in self._spoilers.pop(self.channel.id, [])]
        shown = [m for m in hidden if not m.deleted]
        if not shown:
            self.note(f"Nothing is hidden in #{self.channel.name}.")
            return
        for message in shown:
            self._revealed.add(message.id)
            self.printer.lines(
                render_message(
                    message,
                    self._names,
                    reveal=True,
                    heading=f"{self.world.fake.bot_user.name} (revealed)",
                    current_channel=self.channel.id,
                )
            )

    async def wait(self, seconds: float | None) -> None:
        """Let round time pass: to the next scheduled event, or `seconds` of it."""
        if not self.timer.running():
            if seconds:
                self.timer.advance(seconds)
            self.note("⏱ no trivia round is running; nothing to wait for.")
            return
        remaining = seconds
        for _ in range(MAX_WAIT_STEPS):
            moved = await self.timer.to_next_event(limit=remaining)
            self.note(f"⏱ {moved:g} s later")
            await self.settle()
            if remaining is None:
                return
            remaining -= moved
            if remaining <= 0 or not self.timer.running():
                return

    async def finish_rounds(self) -> None:
        """Let every running round play out and the bot fall quiet (the end of a script)."""
        if self.timer.running():
            self.note("⏱ letting the round play out")
        for _ in range(MAX_WAIT_STEPS):
            if not self.timer.running():
                break
            moved = await self.timer.to_next_event()
            if moved:
                self.note(f"⏱ {moved:g} s later")
            await self.settle()
        await self.settle(FINAL_QUIET_SECONDS)

    async def suggestions(self, line: str) -> tuple[str, list[Suggestion]]:
        """What Tab offers at the end of `line`."""
        return await suggest(line, self.commands(), self._autocomplete, list(self.world.channels))

    async def _autocomplete(
        self, path: str, option: str, value: str, others: dict[str, Any]
    ) -> list[Choice]:
        try:
            return await self.world.fake.autocomplete(
                path,
                option,
                value,
                options=others,
                guild=self.world.guild,
                channel=self.channel,
                user=self.world.you,
                timeout=REPLY_TIMEOUT,
            )
        except LoopbackError:
            return []

    async def _complete(self, text: str) -> None:
        _, found = await self.suggestions(text)
        if not found:
            self.note(f"Tab offers nothing after {text!r}.")
            return
        self.note(f"Tab offers ({len(found)}):")
        for item in found:
            value = item.text.strip()
            inserts = "" if value in (item.display, item.display.lstrip("/").rstrip(":")) else value
            notes = "  ".join(n for n in (f"→ {inserts}" if inserts else "", item.meta) if n)
            self.printer.line(
                [("text", f"  {item.display}"), ("meta", f"  {notes}" if notes else "")]
            )

    def _switch(self, name: str) -> None:
        channel = self.world.channel(name)
        if channel is None:
            known = ", ".join("#" + c for c in self.world.channels)
            self.fail(f"There is no #{name}; channels: {known}.")
            return
        self.channel = channel
        notes = {
            SPOILERS: " (spoilers are shown untagged here)",
            QUIET: " (the bot may not send messages here)",
        }
        self.note(f"now in #{channel.name}{notes.get(channel.name, '')}")

    def _help(self) -> None:
        self.printer.lines(help_lines(self.commands()))
