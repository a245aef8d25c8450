from __future__ import annotations

import asyncio
import random
import threading
from collections import Counter
from pathlib import Path

import pytest

import bot.services.trivia as module
from bot.errors import NotFoundError
from bot.models import FilmRecord, FilmSummary, KnowledgeBase, Question, QuestionKind
from bot.services.knowledge import KnowledgeService
from bot.services.trivia import TriviaService
from bot.storage.database import Database
from bot.trivia.engine import CHOICE_COUNT
from bot.trivia.events import RoundMode

RUBY_SPARKS = FilmSummary(slug="ruby-sparks", title="Ruby Sparks", year=2012)


@pytest.fixture
def trivia(database: Database, knowledge: KnowledgeService) -> TriviaService:
    return TriviaService(database, knowledge, rng=random.Random(7))


def custom(text: str, *, spoiler: bool = False) -> Question:
    return Question(text, ("an answer",), (), QuestionKind.CUSTOM, spoiler, "trivia.yaml", "quiz")


async def trivia_over(database: Database, record: FilmRecord) -> TriviaService:
    """A trivia service over one hand-made film instead of the seeds."""
    await database.replace_knowledge_base(KnowledgeBase(films=(record,)), {})
    return TriviaService(database, KnowledgeService(database, Path("unused")), random.Random(7))


async def test_pick_returns_count_distinct_questions_that_fit_the_options(
    trivia: TriviaService,
) -> None:
    picked = await trivia.pick(RUBY_SPARKS, 10, mode=RoundMode.BUTTONS, spoilers=False)
    assert len(picked) == 10
    assert len({q.text for q in picked}) == 10
    assert not any(q.spoiler for q in picked)
    assert all(len(q.choices) == CHOICE_COUNT for q in picked)
    assert all(q.film == RUBY_SPARKS.slug for q in picked)


async def test_pick_deals_every_kind_before_repeating_one(trivia: TriviaService) -> None:
    pool = await trivia.all_questions(RUBY_SPARKS)
    kinds = {q.kind for q in pool if not q.spoiler}
    assert len(kinds) > 2
    picked = await trivia.pick(RUBY_SPARKS, len(kinds), mode=RoundMode.TYPED, spoilers=False)
    assert {q.kind for q in picked} == kinds
    twice = await trivia.pick(RUBY_SPARKS, 2 * len(kinds), mode=RoundMode.TYPED, spoilers=False)
    assert max(Counter(q.kind for q in twice).values()) <= 2


async def test_pick_includes_spoilers_only_when_asked(trivia: TriviaService) -> None:
    pool = await trivia.all_questions(RUBY_SPARKS)
    everything = await trivia.pick(RUBY_SPARKS, len(pool), mode=RoundMode.TYPED, spoilers=True)
    assert {q.text for q in everything} <= {q.text for q in pool}
    assert any(q.spoiler for q in everything)
    kinds = {q.kind for q in pool}
    assert max(Counter(q.kind for q in everything).values()) <= -(-len(pool) // len(kinds))


async def test_pick_never_returns_more_than_the_pool(database: Database) -> None:
    trivia = await trivia_over(
        database,
        FilmRecord(slug="quiz", title="Quiz", trivia=(custom("One?"), custom("Two?"))),
    )
    film = FilmSummary(slug="quiz", title="Quiz", year=None)
    picked = await trivia.pick(film, 10, mode=RoundMode.TYPED, spoilers=False)
    assert sorted(q.text for q in picked) == ["One?", "Two?"]


async def test_pick_with_nothing_fitting_raises(database: Database) -> None:
    trivia = await trivia_over(
        database,
        FilmRecord(slug="quiz", title="Quiz", trivia=(custom("Ending?", spoiler=True),)),
    )
    film = FilmSummary(slug="quiz", title="Quiz", year=None)
    with pytest.raises(NotFoundError, match="No trivia questions fit those options for Quiz"):
        await trivia.pick(film, 5, mode=RoundMode.TYPED, spoilers=False)
    # Hand-written questions have no choices, so a buttons round cannot ask them.
    with pytest.raises(NotFoundError):
        await trivia.pick(film, 5, mode=RoundMode.BUTTONS, spoilers=True)
    assert len(await trivia.pick(film, 5, mode=RoundMode.TYPED, spoilers=True)) == 1


async def test_questions_are_generated_once_off_the_event_loop(
    trivia: TriviaService, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[bool] = []
    real = module.generate_questions

    def recording(record: FilmRecord) -> tuple[Question, ...]:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(record)

    monkeypatch.setattr(module, "generate_questions", recording)
    pools = await asyncio.gather(*(trivia.all_questions(RUBY_SPARKS) for _ in range(20)))
    assert threads == [False]  # once, in a worker thread, for twenty simultaneous starts
    assert all(pool == pools[0] for pool in pools)


async def test_prepare_generates_before_the_first_round(
    trivia: TriviaService, monkeypatch: pytest.MonkeyPatch
) -> None:
    await trivia.prepare()

    def refuse(record: FilmRecord) -> tuple[Question, ...]:
        raise AssertionError("generated again")

    monkeypatch.setattr(module, "generate_questions", refuse)
    assert await trivia.all_questions(RUBY_SPARKS)


async def test_a_failed_generation_is_retried(
    trivia: TriviaService, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = module.generate_questions
    monkeypatch.setattr(module, "generate_questions", lambda record: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        await trivia.all_questions(RUBY_SPARKS)
    monkeypatch.setattr(module, "generate_questions", real)
    assert await trivia.all_questions(RUBY_SPARKS)
