"""The lettered answer buttons of a buttons-mode question."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord

from bot.trivia.events import ChoiceOutcome
from cogs.trivia._render import CHOICE_LABELS

if TYPE_CHECKING:
    from cogs.trivia._driver import RoundDriver

__all__ = ["AnswerView"]

_REPLIES = {
    ChoiceOutcome.RECORDED: "Answer recorded: {label}. Results when time is up.",
    ChoiceOutcome.ALREADY_ANSWERED: "You already answered this question.",
    ChoiceOutcome.TOO_LATE: "Too late: that question is over.",
    ChoiceOutcome.IGNORED: "That answer was not counted.",
}


class _ChoiceButton(discord.ui.Button["AnswerView"]):
    def __init__(self, index: int, custom_id: str) -> None:
        super().__init__(
            label=CHOICE_LABELS[index], style=discord.ButtonStyle.primary, custom_id=custom_id
        )
        self.index = index

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        assert self.view is not None  # noqa: S101 - a button always belongs to its view
        outcome = await self.view.driver.choose(
            interaction.user.id, self.index, self.view.question_number
        )
        reply = _REPLIES[outcome].format(label=CHOICE_LABELS[self.index])
        await interaction.response.send_message(reply, ephemeral=True)


class AnswerView(discord.ui.View):
    """Buttons A-D for one question; every click goes to the round's driver."""

    def __init__(self, driver: RoundDriver, question_number: int, choices: int) -> None:
        super().__init__(timeout=None)
        self.driver = driver
        self.question_number = question_number
        prefix = f"trivia:{driver.round.channel_id}:{question_number}"
        for index in range(min(choices, len(CHOICE_LABELS))):
            self.add_item(_ChoiceButton(index, f"{prefix}:{index}"))
