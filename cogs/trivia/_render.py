"""Turning trivia events into message text and embeds, spoiler-tagged where they must be."""

from __future__ import annotations

from collections.abc import Sequence

import discord

from bot.formatting import (
    EMBED_DESCRIPTION_LIMIT,
    EMBED_FIELD_VALUE_LIMIT,
    EMBED_TITLE_LIMIT,
    MESSAGE_LIMIT,
    escape_markup,
    join_capped,
    spoiler,
    trim,
)
from bot.models import LeaderboardEntry, Question, TriviaList
from bot.services.trivia import Leaderboard, RoundPlan
from bot.text import fold
from bot.trivia.engine import HINT_FRACTIONS, REVEAL_PAUSE
from bot.trivia.events import (
    EndReason,
    HintShown,
    QuestionStarted,
    Revealed,
    RevealReason,
    RoundEnded,
    RoundMode,
)
from bot.trivia.scoring import (
    BUTTON_CORRECT_POINTS,
    BUTTON_SPEED_BONUSES,
    TYPED_POINTS_BY_HINTS,
    Scoreboard,
)

__all__ = [
    "ALSO_ACCEPTED_CHARS",
    "ALSO_ACCEPTED_COUNT",
    "CHOICE_LABELS",
    "COLOUR_ANSWERED",
    "COLOUR_MISSED",
    "COLOUR_QUESTION",
    "COLOUR_ROUND",
    "hint_text",
    "leaderboard_embed",
    "lists_embed",
    "question_embed",
    "question_text",
    "reveal_embed",
    "reveal_text",
    "round_end_embed",
    "round_end_text",
    "round_start_embed",
]

CHOICE_LABELS = ("A", "B", "C", "D")
QUESTION_CHARS = 1500
MEDALS = ("🥇", "🥈", "🥉")
ALSO_ACCEPTED_CHARS = 40
"""Other accepted forms longer than this are not listed at a reveal."""
ALSO_ACCEPTED_COUNT = 3
"""Most other accepted forms listed at a reveal."""
FOOTER_CHARS = 2048
"""Discord's limit on an embed footer."""
_ORDINALS = ("fastest", "second fastest", "third fastest")
COLOUR_ROUND = discord.Colour.blurple()
"""Embeds about a round as a whole: its rules, the lists, the final board, the leaderboard."""
COLOUR_QUESTION = discord.Colour.gold()
"""A question being asked."""
COLOUR_ANSWERED = discord.Colour.green()
"""A reveal where someone got it."""
COLOUR_MISSED = discord.Colour.dark_grey()
"""A reveal where nobody got it, or the question was skipped."""
_END_REASONS = {
    EndReason.COMPLETED: "That's the round!",
    EndReason.IDLE: "Nobody is playing, so the round stopped.",
    EndReason.STOPPED: "The round was stopped.",
}


def _maybe_hidden(text: str, hidden: bool) -> str:
    return spoiler(text) if hidden else escape_markup(text)


def _hide(question: Question, spoilers_shown: bool) -> bool:
    return question.spoiler and not spoilers_shown


def question_text(event: QuestionStarted, *, spoilers_shown: bool) -> str:
    """The question, with its lettered choices in buttons mode."""
    hidden = _hide(event.question, spoilers_shown)
    seconds = f"{event.time_limit:g}"
    lines = [
        f"**Question {event.number}/{event.total}** · {seconds} s · {event.points} point(s)"
        + (" · spoiler" if event.question.spoiler else ""),
        _maybe_hidden(trim(event.question.text, QUESTION_CHARS), hidden),
    ]
    if event.question.choices and event.mode is RoundMode.BUTTONS:
        for label, choice in zip(CHOICE_LABELS, event.question.choices, strict=False):
            lines.append(f"**{label}.** {_maybe_hidden(choice, hidden)}")
    return trim("\n".join(lines), MESSAGE_LIMIT)


def question_embed(event: QuestionStarted, *, spoilers_shown: bool) -> discord.Embed:
    """The question as an embed: number in the title, text and choices, time and points below."""
    hidden = _hide(event.question, spoilers_shown)
    lines = [_maybe_hidden(trim(event.question.text, QUESTION_CHARS), hidden)]
    if event.question.choices and event.mode is RoundMode.BUTTONS:
        for label, choice in zip(CHOICE_LABELS, event.question.choices, strict=False):
            lines.append(f"**{label}.** {_maybe_hidden(choice, hidden)}")
    footer = f"{event.time_limit:g} s · {event.points} point(s)"
    if event.question.spoiler:
        footer += " · spoiler" + (" (click the text to read it)" if hidden else "")
    embed = discord.Embed(
        title=f"Question {event.number}/{event.total}",
        description=trim("\n".join(lines), EMBED_DESCRIPTION_LIMIT),
        colour=COLOUR_QUESTION,
    )
    return embed.set_footer(text=footer)


def hint_text(event: HintShown, *, spoilers_shown: bool) -> str:
    """A hint: the answer with letters masked."""
    # Escapes do not work inside a code span, so no backtick or bar may appear in it.
    masked = "`" + event.masked.replace("`", "'").replace("|", "¦") + "`"
    shown = f"||{masked}||" if _hide(event.question, spoilers_shown) else masked
    return f"Hint: {shown} (now {event.points} point(s))"


def _also_accepted(question: Question) -> list[str]:
    """Other accepted forms worth listing: short, and not the answer in other case."""
    seen = {fold(question.answer)}
    forms: list[str] = []
    for answer in question.answers[1:]:
        if len(answer) <= ALSO_ACCEPTED_CHARS and fold(answer) not in seen:
            seen.add(fold(answer))
            forms.append(answer)
    return forms[:ALSO_ACCEPTED_COUNT]


def reveal_text(
    event: Revealed,
    *,
    spoilers_shown: bool,
    reveal_answer: bool = True,
    answers_hidden: bool = False,
) -> str:
    """The answer, its other accepted forms, where it comes from, and who got it.

    ``reveal_answer`` False (a list's ``reveal_answer: false``) keeps the answer back when
    nobody got it; ``answers_hidden`` (a list's ``use_spoilers``) tags every answer.
    """
    question = event.question
    hidden = _hide(question, spoilers_shown) or answers_hidden
    answer = question.answer
    if event.correct_choice is not None:
        answer = f"{CHOICE_LABELS[event.correct_choice]}. {answer}"
    if event.reason is RevealReason.SKIPPED:
        opening = "Skipped."
    elif event.winners:
        opening = ""
    else:
        opening = "Nobody got it."
    if not reveal_answer and not event.winners:
        return opening
    lines = [f"{opening} The answer was **{_maybe_hidden(answer, hidden)}**.".strip()]
    also = _also_accepted(question)
    if also:
        lines[0] += " Also accepted: " + ", ".join(_maybe_hidden(a, hidden) for a in also) + "."
    if question.origin:
        lines.append(f"*From {escape_markup(question.origin)}.*")
    text = trim("\n".join(lines), MESSAGE_LIMIT)
    if event.winners:
        winners = [f"<@{w.user_id}> +{w.points}" for w in event.winners]
        text += "\n" + join_capped(winners, MESSAGE_LIMIT - len(text) - 1)
    return text


def _choice_counts(event: Revealed) -> str:
    """``A 2 · **B 3** ✓ · C 0 · D 1``: how many picked each choice, the right one marked."""
    parts = []
    for index, count in enumerate(event.choice_counts):
        part = f"{CHOICE_LABELS[index]} {count}"
        parts.append(f"**{part}** ✓" if index == event.correct_choice else part)
    return "Picks: " + " · ".join(parts)


def reveal_embed(
    event: Revealed,
    *,
    spoilers_shown: bool,
    reveal_answer: bool = True,
    answers_hidden: bool = False,
) -> discord.Embed:
    """The reveal as an embed: the answer and where it comes from, winners, and the picks."""
    text = reveal_text(
        event,
        spoilers_shown=spoilers_shown,
        reveal_answer=reveal_answer,
        answers_hidden=answers_hidden,
    )
    if event.choice_counts:
        text += "\n" + _choice_counts(event)
    if event.winners:
        title, colour = f"Question {event.number}/{event.total}: answered", COLOUR_ANSWERED
    elif event.reason is RevealReason.SKIPPED:
        title, colour = f"Question {event.number}/{event.total}: skipped", COLOUR_MISSED
    else:
        title, colour = f"Question {event.number}/{event.total}: missed", COLOUR_MISSED
    return discord.Embed(
        title=title, description=trim(text, EMBED_DESCRIPTION_LIMIT), colour=colour
    )


def _how_to_answer(mode: RoundMode) -> str:
    """The rules of answering and scoring in one mode."""
    if mode is RoundMode.TYPED:
        points = TYPED_POINTS_BY_HINTS
        hints = " and ".join(f"{fraction:.0%}" for fraction in HINT_FRACTIONS)
        return (
            "Type your answer in this channel: the first correct message wins, small typos are"
            f" forgiven. {points[0]} points, {points[1]} after the first hint,"
            f" {points[-1]} after the last; hints come at {hints} of the time."
        )
    bonuses = ", ".join(
        f"+{bonus} for the {rank}"
        for bonus, rank in zip(BUTTON_SPEED_BONUSES, _ORDINALS, strict=False)
    )
    return (
        "Pick A-D with the buttons; your first pick counts and nobody sees it until the reveal."
        f" Every correct pick scores {BUTTON_CORRECT_POINTS}, and faster is better:"
        f" {bonuses} correct pick."
    )


def round_start_embed(plan: RoundPlan, mode: RoundMode, *, note: str = "") -> discord.Embed:
    """The round's opening: what it is about and its rules (answering, points, hints, time)."""
    count = len(plan.questions)
    embed = discord.Embed(
        title=trim(f"Trivia: {plan.title}", EMBED_TITLE_LIMIT),
        description=trim(escape_markup(plan.description or ""), EMBED_FIELD_VALUE_LIMIT) or None,
        colour=COLOUR_ROUND,
    )
    embed.add_field(
        name="Round",
        value=f"{count} question(s) · {mode.value} · {plan.seconds:g} s each,"
        f" {REVEAL_PAUSE:g} s between questions",
        inline=False,
    )
    embed.add_field(name="How to play", value=_how_to_answer(mode), inline=False)
    extras = []
    if plan.max_score is not None:
        extras.append(f"The first to {plan.max_score} points wins; the round ends there.")
    if plan.spoilers:
        extras.append(
            "Spoilers are on: questions about the plot are ||hidden||; click to read them, the"
            " timer gives you a few extra seconds for it."
        )
    if not plan.reveal_answer:
        extras.append("Answers nobody gets are not revealed.")
    extras.extend(plan.notes)
    if note:
        extras.append(note)
    if extras:
        embed.add_field(
            name="Also", value=trim("\n".join(extras), EMBED_FIELD_VALUE_LIMIT), inline=False
        )
    if plan.author:
        embed.set_footer(
            text=trim(f"List by {plan.author} · /trivia stop ends the round", FOOTER_CHARS)
        )
    else:
        embed.set_footer(text="/trivia stop ends the round · /trivia skip skips a question")
    return embed


def lists_embed(lists: Sequence[TriviaList]) -> discord.Embed:
    """The lists a server can play: name, question count, description and author."""
    lines = []
    for trivia in lists:
        line = f"**{escape_markup(trivia.name)}** · {len(trivia.questions)} question(s)"
        if trivia.film:
            line += " · the film's own list"
        if trivia.description:
            line += f"\n{escape_markup(trim(trivia.description, ALSO_ACCEPTED_CHARS * 4))}"
        if trivia.author:
            line += f" — by {escape_markup(trivia.author)}"
        lines.append(line)
    description = "\n".join(lines) if lines else "No trivia lists yet."
    embed = discord.Embed(
        title="Trivia lists",
        description=trim(description, EMBED_DESCRIPTION_LIMIT),
        colour=COLOUR_ROUND,
    )
    embed.set_footer(text="Play one with /trivia start list:<name>")
    return embed


def _board(scoreboard: Scoreboard) -> list[str]:
    return [
        f"{MEDALS[line.rank - 1] if line.rank <= len(MEDALS) else f'{line.rank}.'} "
        f"<@{line.user_id}>: {line.points} point(s), {line.correct} correct"
        for line in scoreboard.lines
    ]


def round_end_text(event: RoundEnded, *, why: str | None = None) -> str:
    """The final scoreboard, ties sharing a rank; ``why`` replaces the usual opening line."""
    lines = [why or _END_REASONS[event.reason]]
    board = _board(event.scoreboard)
    if not board:
        lines.append("No points this time.")
    elif len(event.scoreboard.winners) > 1:
        lines.append("It's a tie at the top!")
    head = "\n".join(lines)
    if not board:
        return trim(head, MESSAGE_LIMIT)
    return head + "\n" + join_capped(board, MESSAGE_LIMIT - len(head) - 1, separator="\n")


def round_end_embed(event: RoundEnded) -> discord.Embed:
    """The final scoreboard as an embed, ties sharing a rank."""
    title, *lines = round_end_text(event).split("\n")
    return discord.Embed(
        title=title,
        description=trim("\n".join(lines), EMBED_DESCRIPTION_LIMIT),
        colour=COLOUR_ROUND,
    )


def _standing(entry: LeaderboardEntry) -> str:
    """``**1.** @player · 12 points · 5 correct · 3 games · 4.0 a game``."""
    average = "–" if entry.average is None else f"{entry.average:.1f}"
    return (
        f"**{entry.rank}.** <@{entry.user_id}> · {entry.points} point(s) · {entry.correct} correct"
        f" · {entry.games} game(s) · {average} a game"
    )


def leaderboard_embed(board: Leaderboard) -> discord.Embed:
    """The season's and the all-time standings, shown once when they are the same."""
    embed = discord.Embed(title="Trivia leaderboard", colour=COLOUR_ROUND)

    def value(entries: tuple[LeaderboardEntry, ...]) -> str:
        lines = [_standing(entry) for entry in entries] or ["No points yet."]
        return trim("\n".join(lines), EMBED_FIELD_VALUE_LIMIT)

    if board.this_season == board.all_time:
        embed.add_field(
            name=f"Season {board.season} and all time", value=value(board.all_time), inline=False
        )
    else:
        embed.add_field(name=f"Season {board.season}", value=value(board.this_season), inline=False)
        embed.add_field(name="All time", value=value(board.all_time), inline=False)
    embed.set_footer(text="Games: finished rounds in which the player scored.")
    return embed
