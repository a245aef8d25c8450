"""Turning trivia events into message text, spoiler-tagged where they must be."""

from __future__ import annotations

from bot.formatting import MESSAGE_LIMIT, escape_markup, spoiler, trim
from bot.models import LeaderboardEntry, Question
from bot.services.trivia import Leaderboard
from bot.trivia.events import (
    EndReason,
    HintShown,
    QuestionStarted,
    Revealed,
    RevealReason,
    RoundEnded,
    RoundMode,
)
from bot.trivia.scoring import Scoreboard

__all__ = [
    "CHOICE_LABELS",
    "hint_text",
    "leaderboard_text",
    "question_text",
    "reveal_text",
    "round_end_text",
]

CHOICE_LABELS = ("A", "B", "C", "D")
QUESTION_CHARS = 1500
MEDALS = ("🥇", "🥈", "🥉")
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


def hint_text(event: HintShown, *, spoilers_shown: bool) -> str:
    """A hint: the answer with letters masked."""
    # Escapes do not work inside a code span, so no backtick or bar may appear in it.
    masked = "`" + event.masked.replace("`", "'").replace("|", "¦") + "`"
    shown = f"||{masked}||" if _hide(event.question, spoilers_shown) else masked
    return f"Hint: {shown} (now {event.points} point(s))"


def reveal_text(event: Revealed, *, spoilers_shown: bool) -> str:
    """The answer and who got it."""
    hidden = _hide(event.question, spoilers_shown)
    answer = event.question.answer
    if event.correct_choice is not None:
        answer = f"{CHOICE_LABELS[event.correct_choice]}. {answer}"
    line = f"The answer was **{_maybe_hidden(answer, hidden)}**."
    if event.winners:
        line += " " + ", ".join(f"<@{w.user_id}> +{w.points}" for w in event.winners)
    elif event.reason is RevealReason.SKIPPED:
        line = "Skipped. " + line
    else:
        line = "Nobody got it. " + line
    return line


def _board(scoreboard: Scoreboard) -> list[str]:
    return [
        f"{MEDALS[line.rank - 1] if line.rank <= len(MEDALS) else f'{line.rank}.'} "
        f"<@{line.user_id}>: {line.points} point(s), {line.correct} correct"
        for line in scoreboard.lines
    ]


def round_end_text(event: RoundEnded) -> str:
    """The final scoreboard, ties sharing a rank."""
    lines = [_END_REASONS[event.reason]]
    board = _board(event.scoreboard)
    if not board:
        lines.append("No points this time.")
    else:
        winners = event.scoreboard.winners
        if len(winners) > 1:
            lines.append("It's a tie at the top!")
        lines.extend(board)
    return trim("\n".join(lines), MESSAGE_LIMIT)


def leaderboard_text(board: Leaderboard) -> str:
    """The season and all-time standings."""

    def section(title: str, entries: tuple[LeaderboardEntry, ...]) -> list[str]:
        if not entries:
            return [title, "No points yet."]
        return [title] + [
            f"{e.rank}. <@{e.user_id}>: {e.points} point(s), {e.correct} correct" for e in entries
        ]

    lines = section(f"**Season {board.season}**", board.this_season)
    lines += ["", *section("**All time**", board.all_time)]
    return trim("\n".join(lines), MESSAGE_LIMIT)
