"""A reseed by another process reaches a running bot's caches without a restart."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.services.films import FilmService
from bot.services.knowledge import KnowledgeService
from bot.services.trivia import TriviaService
from bot.storage.database import Database
from tests.bot.parsing.lantern_keeper import write_film


async def test_a_reseed_from_another_process_refreshes_the_caches(
    db_path: Path, seeds_dir: Path, tmp_path: Path
) -> None:
    clock = [0.0]
    async with await Database.open(db_path) as bot_db:
        bot_knowledge = KnowledgeService(bot_db, seeds_dir, monotonic=lambda: clock[0])
        assert (await bot_knowledge.reseed()).applied
        films = FilmService(bot_db, bot_knowledge)
        trivia = TriviaService(bot_db, bot_knowledge)
        await trivia.prepare()
        assert [f.slug for f in await films.films()] == ["ruby-sparks"]

        other_seeds = tmp_path / "other-seeds"
        shutil.copytree(seeds_dir, other_seeds)
        shutil.rmtree(other_seeds / "ruby-sparks")
        write_film(other_seeds, {})
        async with await Database.open(db_path) as cli_db:  # `python -m bot seed`, elsewhere
            assert (await KnowledgeService(cli_db, other_seeds).reseed()).applied

        assert [f.slug for f in await films.films()] == ["ruby-sparks"]  # checked < 1 s ago
        clock[0] += 1.0
        (film,) = await films.films()
        assert film.slug != "ruby-sparks"
        questions = await trivia.all_questions(film)
        assert questions and all(q.film == film.slug for q in questions)
        await bot_knowledge.close()


async def test_the_generation_is_read_at_most_once_per_interval(
    database: Database, seeds_dir: Path
) -> None:
    clock = [0.0]
    knowledge = KnowledgeService(database, seeds_dir, monotonic=lambda: clock[0])
    reads = 0
    real = database.knowledge_generation

    async def counting() -> int:
        nonlocal reads
        reads += 1
        return await real()

    database.knowledge_generation = counting  # type: ignore[method-assign]
    for _ in range(50):
        await knowledge.current_generation()
    assert reads == 1
    clock[0] += 1.0
    await knowledge.current_generation()
    assert reads == 2
