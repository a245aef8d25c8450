"""Lists as topics: owner's lists from seeds, server uploads, list rounds with wrong choices."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import pytest

from bot.errors import NotAllowedError, NotFoundError, SeedError
from bot.models import QuestionKind
from bot.parsing import LISTS_FOLDER
from bot.seeds import TRIVIA_FILE, load_seeds
from bot.services.knowledge import KnowledgeService
from bot.services.trivia import TriviaService
from bot.services.trivia_lists import MAX_SERVER_LISTS, TriviaListService
from bot.storage.database import Database
from bot.trivia.custom import MAX_TRIVIA_FILE_BYTES
from bot.trivia.events import RoundMode

LISTS = Path(__file__).parents[1] / "trivia" / "lists"
GUILD, OTHER_GUILD, ADMIN = 111, 222, 42
CINEMA_LIST = b"""\
AUTHOR: Projection booth
DESCRIPTION: Questions about the old cinema on Quay Street.
Which year did the cinema open?: [1931]
Which year did the balcony close?: [1968]
Which year was the organ removed?: [1957]
Which year did the cinema reopen?: [1999]
Who ran the projection booth?: [Maud Keller]
Who painted the ceiling?: [Osric Vale]
Who sold the tickets?: [Ida Brenner]
Who played the organ?: [Felix Oduya]
How many seats were there?: [612]
"""


def _now() -> dt.datetime:
    return dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


@pytest.fixture
def seeds_with_lists(seeds_dir: Path) -> Path:
    folder = seeds_dir / LISTS_FOLDER
    folder.mkdir()
    for name in ("numbers", "one_char", "config"):
        shutil.copy(LISTS / f"{name}.yaml", folder / f"{name}.yaml")
    (folder / "README.txt").write_text("not a list", encoding="utf-8")
    (seeds_dir / "ruby-sparks" / TRIVIA_FILE).write_text(
        "AUTHOR: the club\nWho hands out the popcorn?: [Maud]\n", encoding="utf-8"
    )
    return seeds_dir


async def _loaded(database: Database, seeds_dir: Path) -> TriviaListService:
    report = await KnowledgeService(database, seeds_dir).reseed()
    assert report.applied, report.error
    return TriviaListService(database, now=_now)


def test_seeds_load_the_lists_folder_and_each_films_list(seeds_with_lists: Path) -> None:
    kb = load_seeds(seeds_with_lists)
    assert [film.slug for film in kb.films] == ["ruby-sparks"]  # the lists folder is no film
    assert [item.name for item in kb.lists] == ["ruby-sparks", "config", "numbers", "one_char"]
    assert kb.lists[0].film == "ruby-sparks"
    assert kb.lists[1].settings.max_score == 5
    assert any("bot_plays" in warning for warning in kb.lists[1].warnings)


@pytest.mark.parametrize(
    ("file_name", "message"),
    [
        ("Film Quiz.yaml", "lowercase letters, digits, - and _"),
        ("ruby-sparks.yaml", "a film is also called 'ruby-sparks'"),
    ],
)
def test_a_badly_named_list_fails_alone(seeds_dir: Path, file_name: str, message: str) -> None:
    folder = seeds_dir / LISTS_FOLDER
    folder.mkdir()
    (folder / file_name).write_text("Q?: [A]\n", encoding="utf-8")
    (folder / "good.yaml").write_text("Q?: [A]\n", encoding="utf-8")
    kb = load_seeds(seeds_dir)
    (failure,) = kb.failures
    assert failure.slug == f"{LISTS_FOLDER}/{file_name}"
    assert message in failure.message
    assert [item.name for item in kb.lists] == ["good"]
    assert [film.slug for film in kb.films] == ["ruby-sparks"]


def test_a_broken_list_fails_alone_with_its_line(seeds_dir: Path) -> None:
    folder = seeds_dir / LISTS_FOLDER
    folder.mkdir()
    (folder / "broken.yaml").write_text("Q1?: [a]\nQ2?:\n  key: value\n", encoding="utf-8")
    kb = load_seeds(seeds_dir)
    (failure,) = kb.failures
    assert str(failure).endswith("broken.yaml:3: answers must be a list of strings or numbers")
    assert kb.lists == ()
    assert kb.films


async def test_a_broken_list_is_reported_and_left_out_by_reseed(
    database: Database, seeds_with_lists: Path
) -> None:
    service = await _loaded(database, seeds_with_lists)
    (seeds_with_lists / LISTS_FOLDER / "numbers.yaml").write_text("Q?: {a: b}\n", "utf-8")
    report = await KnowledgeService(database, seeds_with_lists).reseed()
    assert report.applied
    assert [failure.slug for failure in report.failures] == [f"{LISTS_FOLDER}/numbers.yaml"]
    assert "numbers" not in [t.name for t in await service.lists(GUILD)]
    assert "config" in [t.name for t in await service.lists(GUILD)]


async def test_owner_lists_are_stored_and_seen_by_every_server(
    database: Database, seeds_with_lists: Path
) -> None:
    service = await _loaded(database, seeds_with_lists)
    names = [trivia.name for trivia in await service.lists(GUILD)]
    assert names == ["config", "numbers", "one_char", "ruby-sparks"]
    assert [t.name for t in await service.lists(OTHER_GUILD)] == names
    numbers = await service.get(GUILD, "Numbers")
    assert numbers.description == "Whole numbers, decimals, years and words for numbers."
    assert len(numbers.questions) == 7
    with pytest.raises(NotFoundError, match="Did you mean numbers"):
        await service.get(GUILD, "numbrs")


async def test_upload_list_and_delete_per_server(
    database: Database, seeds_with_lists: Path
) -> None:
    service = await _loaded(database, seeds_with_lists)
    report = await service.upload(GUILD, "Quay Cinema.yaml", CINEMA_LIST, ADMIN)
    assert (report.trivia.name, report.replaced, report.trivia.warnings) == (
        "quay-cinema",
        False,
        (),
    )
    assert report.trivia.author == "Projection booth"
    assert "quay-cinema" in [t.name for t in await service.lists(GUILD)]
    assert "quay-cinema" not in [t.name for t in await service.lists(OTHER_GUILD)]
    again = await service.upload(GUILD, "quay-cinema.yaml", CINEMA_LIST + b"Q?: [Yes]\n", ADMIN)
    assert again.replaced
    assert len((await service.get(GUILD, "quay-cinema")).questions) == 10
    with pytest.raises(NotFoundError):
        await service.delete(OTHER_GUILD, "quay-cinema")
    with pytest.raises(NotFoundError, match="cannot be deleted here"):
        await service.delete(GUILD, "numbers")
    assert await service.delete(GUILD, "Quay-Cinema") == "quay-cinema"
    with pytest.raises(NotFoundError):
        await service.get(GUILD, "quay-cinema")


async def test_uploads_are_checked_with_the_seed_rules(
    database: Database, seeds_with_lists: Path
) -> None:
    service = await _loaded(database, seeds_with_lists)
    with pytest.raises(SeedError, match=r"^bad\.yaml:2: answers must be a list"):
        await service.upload(GUILD, "bad.yaml", b"Q1?: [a]\nQ2?: {x: y}\n", ADMIN)
    with pytest.raises(NotAllowedError, match="name of a list everyone has"):
        await service.upload(GUILD, "numbers.yaml", CINEMA_LIST, ADMIN)
    with pytest.raises(NotAllowedError, match="at most"):
        await service.upload(GUILD, "big.yaml", b"#" * (MAX_TRIVIA_FILE_BYTES + 1), ADMIN)
    with pytest.raises(NotAllowedError, match="no questions"):
        await service.upload(GUILD, "empty.yaml", b"AUTHOR: me\n", ADMIN)
    with pytest.raises(NotAllowedError, match="lowercase letters"):
        await service.upload(GUILD, "???.yaml", CINEMA_LIST, ADMIN)
    warned = await service.upload(
        GUILD, "dupes.yaml", (LISTS / "duplicates.yaml").read_bytes(), ADMIN
    )
    assert warned.trivia.warnings[0].startswith("dupes.yaml:4: duplicate question")


async def test_a_server_may_hold_only_so_many_lists(
    database: Database, seeds_with_lists: Path
) -> None:
    service = await _loaded(database, seeds_with_lists)
    for index in range(MAX_SERVER_LISTS):
        await service.upload(GUILD, f"list-{index}.yaml", CINEMA_LIST, ADMIN)
    with pytest.raises(NotAllowedError, match="delete one first"):
        await service.upload(GUILD, "one-more.yaml", CINEMA_LIST, ADMIN)
    assert (await service.upload(GUILD, "list-0.yaml", CINEMA_LIST, ADMIN)).replaced


async def test_reseed_replaces_owner_lists_but_keeps_uploads(
    database: Database, seeds_with_lists: Path
) -> None:
    service = await _loaded(database, seeds_with_lists)
    await service.upload(GUILD, "quay-cinema.yaml", CINEMA_LIST, ADMIN)
    (seeds_with_lists / LISTS_FOLDER / "numbers.yaml").unlink()
    assert (await KnowledgeService(database, seeds_with_lists).reseed()).applied
    names = [t.name for t in await service.lists(GUILD)]
    assert names == ["config", "one_char", "quay-cinema", "ruby-sparks"]


async def test_buttons_rounds_from_a_list_draw_choices_from_its_answers(
    database: Database, seeds_with_lists: Path
) -> None:
    lists = await _loaded(database, seeds_with_lists)
    report = await lists.upload(GUILD, "quay-cinema.yaml", CINEMA_LIST, ADMIN)
    trivia = TriviaService(database, KnowledgeService(database, seeds_with_lists), random.Random(3))
    picked = await trivia.pick_from_list(report.trivia, 20, mode=RoundMode.BUTTONS, spoilers=False)
    assert len(picked) == 9
    answers = {q.answer for q in report.trivia.questions}
    years = {"1931", "1968", "1957", "1999"}
    people = {"Maud Keller", "Osric Vale", "Ida Brenner", "Felix Oduya"}
    for question in picked:
        assert question.kind is QuestionKind.CUSTOM
        assert question.choices.count(question.answer) == 1
        wrong = set(question.choices) - {question.answer}
        if question.answer in years:
            assert wrong <= years
        elif question.answer in people:
            assert wrong <= people
        else:  # 612 seats: no other counts in the list, so nearby numbers
            assert wrong == {"610", "611", "613"}
            assert not wrong & answers


async def test_a_list_mixed_with_a_film(database: Database, seeds_with_lists: Path) -> None:
    lists = await _loaded(database, seeds_with_lists)
    numbers = await lists.get(GUILD, "numbers")
    knowledge = KnowledgeService(database, seeds_with_lists)
    trivia = TriviaService(database, knowledge, random.Random(5))
    (film,) = await database.films()
    picked = await trivia.pick_from_list(
        numbers, 12, mode=RoundMode.TYPED, spoilers=False, film=film
    )
    kinds = {question.kind for question in picked}
    assert QuestionKind.CUSTOM in kinds
    assert len(kinds) > 1


async def test_reseed_reports_the_warnings_of_every_list(
    database: Database, seeds_with_lists: Path
) -> None:
    (seeds_with_lists / "ruby-sparks" / TRIVIA_FILE).write_text(
        "Q?: [a]\nq?: [b]\n", encoding="utf-8"
    )
    report = await KnowledgeService(database, seeds_with_lists).reseed()
    assert report.applied
    film_list = [w for w in report.warnings if f"ruby-sparks/{TRIVIA_FILE}:2:" in w]
    assert len(film_list) == 1  # once, though the film's list is also a list
    assert any("config.yaml:5: CONFIG.bot_plays is ignored" in w for w in report.warnings)


async def test_a_films_own_list_mixed_with_its_film_asks_each_question_once(
    database: Database, seeds_with_lists: Path
) -> None:
    lists = await _loaded(database, seeds_with_lists)
    own = await lists.get(GUILD, "ruby-sparks")
    trivia = TriviaService(database, KnowledgeService(database, seeds_with_lists), random.Random(1))
    (film,) = await database.films()
    picked = await trivia.pick_from_list(own, 50, mode=RoundMode.TYPED, spoilers=True, film=film)
    texts = [question.text for question in picked]
    assert len(texts) == len(set(texts))
    assert texts.count("Who hands out the popcorn?") == 1


async def test_a_list_of_spoilers_says_how_to_play_it(
    database: Database, seeds_with_lists: Path
) -> None:
    lists = await _loaded(database, seeds_with_lists)
    hidden = await lists.upload(
        GUILD, "twists.yaml", b"CONFIG:\n  spoiler: true\nWho did it?: [The usher]\n", ADMIN
    )
    trivia = TriviaService(database, KnowledgeService(database, seeds_with_lists))
    with pytest.raises(NotFoundError, match="every question is a spoiler"):
        await trivia.pick_from_list(hidden.trivia, 5, mode=RoundMode.TYPED, spoilers=False)
    with pytest.raises(NotFoundError, match="try mode typed"):
        await trivia.pick_from_list(hidden.trivia, 5, mode=RoundMode.BUTTONS, spoilers=True)
    assert (
        len(await trivia.pick_from_list(hidden.trivia, 5, mode=RoundMode.TYPED, spoilers=True)) == 1
    )
