"""Property tests: every reply the formatting code builds fits Discord, keeps spoiler tags
balanced and carries no live mention from seed text, whatever the seeds say."""

from __future__ import annotations

from hypothesis import strategies as st

from bot.formatting import (
    EMBED_DESCRIPTION_LIMIT,
    EMBED_FIELD_VALUE_LIMIT,
    MESSAGE_LIMIT,
    escape_markup,
    split_message,
    spoiler,
)
from bot.models import (
    CastEntry,
    CastMember,
    DocumentKind,
    FilmSummary,
    LeaderboardEntry,
    Question,
    QuestionKind,
    Quote,
    Section,
    SourceDocument,
    StoredQuote,
)
from bot.services.cast import CastLookup
from bot.services.films import Plot
from bot.services.quotes import QuoteResult
from bot.services.trivia import Leaderboard
from bot.trivia.events import (
    Awarded,
    EndReason,
    HintShown,
    QuestionStarted,
    Revealed,
    RevealReason,
    RoundEnded,
    RoundMode,
)
from bot.trivia.hints import mask_answer
from bot.trivia.scoring import Tally
from cogs.cast import cast_text
from cogs.film import list_text, plot_text
from cogs.quotes import quote_text
from cogs.trivia._render import (
    hint_text,
    leaderboard_embed,
    question_embed,
    question_text,
    reveal_embed,
    reveal_text,
    round_end_text,
)
from tests.properties import hostile_text, live_mentions, short_and_long, spoiler_tags

USERS = (11, 22, 33)


def check(text: str, *, limit: int = MESSAGE_LIMIT, users: tuple[int, ...] = ()) -> None:
    assert len(text) <= limit
    assert spoiler_tags(text) % 2 == 0, text
    for user in users:
        text = text.replace(f"<@{user}>", "")
    assert not live_mentions(text), text


films = st.builds(FilmSummary, slug=st.just("a-film"), title=hostile_text, year=st.none())
questions = st.builds(
    Question,
    text=hostile_text,
    answers=st.tuples(hostile_text.filter(str.strip)),
    choices=st.just(()),
    kind=st.just(QuestionKind.CUSTOM),
    spoiler=st.booleans(),
    source=st.just("test"),
    film=st.just("a-film"),
)


def _cast(film: FilmSummary, rows: list[tuple[str, str, str, bool]], shown: bool) -> None:
    entries = tuple(
        CastEntry(film, CastMember(actor, character, description, index, hidden))
        for index, (actor, character, description, hidden) in enumerate(rows)
    )
    check(cast_text(CastLookup(entries, "q"), spoilers_shown=shown))


def _quotes(film: FilmSummary, rows: list[tuple[str, str, str, bool]], shown: bool) -> None:
    if not rows:
        return
    stored = tuple(
        StoredQuote(
            id=index,
            film=film,
            quote=Quote((speaker,), text, "doc.txt", index, index + 1, asked or None, hidden),
            source=SourceDocument("doc.txt", DocumentKind.INTERVIEW, publication=speaker),
        )
        for index, (speaker, text, asked, hidden) in enumerate(rows)
    )
    check(quote_text(QuoteResult(stored, None), spoilers_shown=shown))


def _film_lists(titles: list[FilmSummary], plot: list[tuple[str, str, bool]]) -> None:
    check(list_text(tuple(titles)))
    sections = tuple(
        Section((title,), text, i, hidden) for i, (title, text, hidden) in enumerate(plot)
    )
    text = plot_text(Plot(titles[0] if titles else FilmSummary("f", "F", None), sections))
    for hidden in (True, False):
        body = text if hidden else escape_markup(text)
        for piece in split_message(body, hidden=hidden, limit=MESSAGE_LIMIT - 40):
            check(piece)


def _trivia(question: Question, shown: bool, points: int, level: int) -> None:
    started = QuestionStarted(question, 1, 3, 30.0, 30.0, RoundMode.TYPED, points)
    check(question_text(started, spoilers_shown=shown))
    masked = mask_answer(question.answer, level)
    check(hint_text(HintShown(1, level, masked, points, question), spoilers_shown=shown))
    winners = tuple(Awarded(1, 2, user, points, 1, question) for user in USERS)
    for reason in RevealReason:
        revealed = Revealed(question, 1, 3, reason, winners, None)
        check(reveal_text(revealed, spoilers_shown=shown), users=USERS)
    tally = Tally()
    for user in USERS:
        tally.add(user, points)
    check(round_end_text(RoundEnded(EndReason.COMPLETED, tally.scoreboard())), users=USERS)
    for answers_hidden in (False, True):
        revealed = Revealed(question, 1, 3, RevealReason.TIMEOUT, winners, None)
        embed = reveal_embed(revealed, spoilers_shown=shown, answers_hidden=answers_hidden)
        check(embed.description or "", limit=EMBED_DESCRIPTION_LIMIT, users=USERS)
    check(question_embed(started, spoilers_shown=shown).description or "")
    entries = tuple(LeaderboardEntry(1, user, points, 1) for user in USERS)
    for field in leaderboard_embed(Leaderboard(2, entries, entries)).fields:
        check(field.value or "", limit=EMBED_FIELD_VALUE_LIMIT, users=USERS)


def _title(title: str) -> None:
    shown = escape_markup(title)
    assert spoiler_tags(shown) == 0
    assert not live_mentions(shown)
    wrapped = spoiler(title)
    assert spoiler_tags(wrapped) == 2
    assert not live_mentions(wrapped)


rows4 = st.lists(st.tuples(hostile_text, hostile_text, hostile_text, st.booleans()), max_size=12)

test_cast_replies, test_cast_replies_long = short_and_long(films, rows4, st.booleans())(_cast)
test_quote_replies, test_quote_replies_long = short_and_long(films, rows4, st.booleans())(_quotes)
test_film_replies, test_film_replies_long = short_and_long(
    st.lists(films, max_size=60),
    st.lists(st.tuples(hostile_text, hostile_text, st.booleans()), max_size=20),
)(_film_lists)
test_trivia_replies, test_trivia_replies_long = short_and_long(
    questions, st.booleans(), st.integers(0, 10**6), st.integers(0, 5)
)(_trivia)
test_escaped_titles, test_escaped_titles_long = short_and_long(hostile_text)(_title)
