"""The lettered answer buttons of a buttons-mode question, alive across restarts.

Each button is a `DynamicItem` whose `custom_id` names the round and the question, registered
with the bot at start-up: a click is answered even after the question closed, the round ended
or the bot restarted ("That round is over") instead of Discord's "This interaction failed".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Protocol

import discord

from bot.trivia.events import ChoiceOutcome
from cogs.trivia._render import CHOICE_LABELS

if TYPE_CHECKING:
    from cogs.trivia._driver import RoundDriver

__all__ = ["ROUND_OVER", "AnswerButton", "DriverLookup", "answer_view"]

ROUND_OVER = "That round is over."
ALREADY_ACKNOWLEDGED = 40060
"""Discord's code when an interaction (here: a click delivered twice) was already answered."""
_REPLIES = {
    ChoiceOutcome.RECORDED: "Answer recorded: {label}. Results when time is up.",
    ChoiceOutcome.ALREADY_ANSWERED: "You already answered this question.",
    ChoiceOutcome.TOO_LATE: "Too late: that question is over.",
    ChoiceOutcome.IGNORED: "That answer was not counted.",
}
CUSTOM_ID = "trivia:{round}:{number}:{choice}"
TEMPLATE = r"trivia:(?P<round>[0-9a-f]+):(?P<number>[0-9]+):(?P<choice>[0-9]+)"


class DriverLookup(Protocol):
    """Finds the running round a button belongs to (the trivia cog)."""

    def driver_by_token(self, token: str) -> RoundDriver | None:
        """The driver of the round with this token, or None once it is over."""


class AnswerButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=TEMPLATE):
    """Choice ``choice`` of question ``number`` in the round ``token``."""

    def __init__(self, token: str, number: int, choice: int, *, disabled: bool = False) -> None:
        super().__init__(
            discord.ui.Button(
                label=CHOICE_LABELS[choice],
                style=discord.ButtonStyle.primary,
                custom_id=CUSTOM_ID.format(round=token, number=number, choice=choice),
                disabled=disabled,
            )
        )
        self.token, self.number, self.choice = token, number, choice

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
    ) -> AnswerButton:
        """Rebuild the button from a clicked `custom_id` (after a restart too)."""
        return cls(match["round"], int(match["number"]), int(match["choice"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Record the click and answer at once; posting what it caused happens afterwards."""
        lookup = interaction.client.get_cog("TriviaCog")
        driver = None if lookup is None else lookup.driver_by_token(self.token)
        if driver is None or self.choice >= len(CHOICE_LABELS):
            await interaction.response.send_message(ROUND_OVER, ephemeral=True)
            return
        outcome = driver.choose(interaction.user.id, self.choice, self.number)
        reply = _REPLIES[outcome].format(label=CHOICE_LABELS[self.choice])
        try:
            await interaction.response.send_message(reply, ephemeral=True)
        except discord.HTTPException as error:
            if error.code != ALREADY_ACKNOWLEDGED:
                raise
            # The same click delivered twice: the first copy was answered (and counted once).


def answer_view(
    token: str, number: int, choices: int, *, disabled: bool = False
) -> discord.ui.View:
    """Buttons A-D for one question (disabled once it closes)."""
    view = discord.ui.View(timeout=None)
    for choice in range(min(choices, len(CHOICE_LABELS))):
        view.add_item(AnswerButton(token, number, choice, disabled=disabled))
    return view
