"""Hand-written trivia lists travel with the seeds: validated by reseed, stored, asked."""

from __future__ import annotations

from pathlib import Path

from bot.models import QuestionKind
from bot.seeds import TRIVIA_FILE, load_seeds
from bot.services.knowledge import KnowledgeService
from bot.services.trivia import TriviaService
from bot.storage.database import Database
from bot.trivia.events import RoundMode

GOOD_LIST = """\
AUTHOR: the club
Who hands out the popcorn?:
  - Maud
  - Maud the usher
(spoiler) What is in the last reel?:
  - a typewriter
"""

BAD_LIST = """\
Who hands out the popcorn?:
  - Maud
Which year did the cinema open?: [1931, {nested: list}]
"""


async def test_trivia_yaml_is_loaded_stored_and_offered(
    seeds_dir: Path, database: Database
) -> None:
    (seeds_dir / "ruby-sparks" / TRIVIA_FILE).write_text(GOOD_LIST, encoding="utf-8")
    (film,) = load_seeds(seeds_dir).films
    assert [q.text for q in film.trivia] == [
        "Who hands out the popcorn?",
        "What is in the last reel?",
    ]
    knowledge = KnowledgeService(database, seeds_dir)
    report = await knowledge.reseed()
    assert report.applied
    assert report.films[0].categories["trivia"].added == 2
    stored = await database.custom_questions("ruby-sparks")
    assert stored == film.trivia
    trivia = TriviaService(database, knowledge)
    everything = await trivia.all_questions(film.summary)
    custom = [q for q in everything if q.kind is QuestionKind.CUSTOM]
    assert [q.spoiler for q in custom] == [False, True]
    picked = await trivia.pick(film.summary, 50, mode=RoundMode.TYPED, spoilers=False)
    assert "What is in the last reel?" not in {q.text for q in picked}


async def test_a_bad_trivia_yaml_fails_its_film_which_keeps_its_content(
    seeds_dir: Path, database: Database, knowledge: KnowledgeService
) -> None:
    before = await database.fingerprints()
    (seeds_dir / "ruby-sparks" / TRIVIA_FILE).write_text(BAD_LIST, encoding="utf-8")
    report = await knowledge.reseed()
    assert report.error is None
    (failure,) = report.failures
    assert failure.kept
    assert f"{TRIVIA_FILE}:3:" in str(failure)
    assert "\n" not in str(failure)
    assert await database.fingerprints() == before
    assert await database.custom_questions("ruby-sparks") == ()
