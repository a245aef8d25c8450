"""Reseeds reaching every process of a sharded bot through the shared PostgreSQL database."""

import shutil

from bot.services.fingerprints import knowledge_digest
from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database
from bot.storage.postgres import PostgresUserData
from tests.bot.parsing.lantern_keeper import INTERVIEW, SLUG, write_film

ARTICLE = "002_4ca3bbe3d74d6462.txt"


async def slugs(database: Database) -> set[str]:
    return {film.slug for film in await database.films()}


async def test_a_reseed_publishes_the_new_content(database, seeds_dir, postgres_url):
    async with await PostgresUserData.open(postgres_url) as shared:
        knowledge = KnowledgeService(database, seeds_dir, shared)
        assert (await knowledge.reseed()).applied
        published = await shared.shared_generation()
        assert published is not None
        assert published.digest == knowledge_digest(await database.fingerprints())
        assert (await knowledge.reseed(dry_run=True)).films
        assert await shared.shared_generation() == published


async def test_a_process_sharing_the_file_only_drops_its_caches(
    database, db_path, seeds_dir, postgres_url
):
    async with (
        await PostgresUserData.open(postgres_url) as shared,
        await Database.open(db_path) as other_view,
    ):
        reseeding = KnowledgeService(database, seeds_dir, shared)
        following = KnowledgeService(other_view, seeds_dir / "unused", shared, check_every=0)
        assert await following.follow_shared() is False
        assert (await reseeding.reseed()).applied
        before = await following.current_generation()
        write_film(seeds_dir, {"000_interview.txt": INTERVIEW})
        assert (await reseeding.reseed()).applied
        assert await following.follow_shared() is True  # nothing to rewrite: the same file
        assert await following.current_generation() == before + 1
        assert SLUG in await slugs(other_view)
        assert await following.follow_shared() is False


async def test_a_process_on_another_host_rebuilds_its_own_copy(
    database, tmp_path, seeds_dir, postgres_url
):
    other_seeds = tmp_path / "other-host-seeds"
    async with (
        await PostgresUserData.open(postgres_url) as shared,
        await Database.open(tmp_path / "other-host" / "kb.db") as other_copy,
    ):
        reseeding = KnowledgeService(database, seeds_dir, shared)
        following = KnowledgeService(other_copy, other_seeds, shared)
        write_film(seeds_dir, {"000_interview.txt": INTERVIEW})
        shutil.copytree(seeds_dir, other_seeds)  # the deploy ships the same seeds to each host
        assert (await reseeding.reseed()).applied
        assert await other_copy.film_count() == 0
        assert await following.follow_shared() is True
        assert SLUG in await slugs(other_copy)
        assert (await shared.shared_generation()).generation == 1  # followers never announce
        assert await following.follow_shared() is False
        assert knowledge_digest(await other_copy.fingerprints()) == knowledge_digest(
            await database.fingerprints()
        )


async def test_a_broken_film_on_the_following_host_keeps_its_old_content(
    database, tmp_path, seeds_dir, postgres_url, caplog
):
    other_seeds = tmp_path / "other-host-seeds"
    shutil.copytree(seeds_dir, other_seeds)
    async with (
        await PostgresUserData.open(postgres_url) as shared,
        await Database.open(tmp_path / "other-host" / "kb.db") as other_copy,
    ):
        reseeding = KnowledgeService(database, seeds_dir, shared)
        following = KnowledgeService(other_copy, other_seeds, shared)
        assert (await reseeding.reseed()).applied
        assert await following.follow_shared() is True
        before = await other_copy.film_record("ruby-sparks")
        # The next deploy to the other host ships a broken document with the new film.
        (other_seeds / "ruby-sparks" / ARTICLE).write_bytes(b"\x00 not an article any more")
        write_film(seeds_dir, {"000_interview.txt": INTERVIEW})
        write_film(other_seeds, {"000_interview.txt": INTERVIEW})
        assert (await reseeding.reseed()).applied
        assert await following.follow_shared() is True
        assert await slugs(other_copy) == {"ruby-sparks", SLUG}
        assert await other_copy.film_record("ruby-sparks") == before
        assert any("ruby-sparks" in r.getMessage() for r in caplog.records)
        assert await following.follow_shared() is False  # tried once per generation


async def test_without_a_shared_database_there_is_nothing_to_follow(database, seeds_dir):
    knowledge = KnowledgeService(database, seeds_dir)
    assert (await knowledge.reseed()).applied
    assert await knowledge.follow_shared() is False
