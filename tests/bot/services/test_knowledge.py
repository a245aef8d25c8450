"""First load and reseeds: change reports, dry runs, atomicity and user data."""

import asyncio
import datetime as dt
import shutil

import pytest

from bot.errors import BusyError
from bot.services.knowledge import KnowledgeService
from bot.storage.database import SeedWriter
from tests.bot.parsing.lantern_keeper import INTERVIEW, SLUG, write_film

NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
GUILD, CHANNEL, ALICE, BOB = 10, 20, 101, 102
RUBY = "ruby-sparks"
ARTICLE = "002_4ca3bbe3d74d6462.txt"
FESTIVAL = "001_7f2975a1af750313.txt"


@pytest.fixture
def service(database, seeds_dir):
    """A knowledge service that has not knowledge anything yet."""
    return KnowledgeService(database, seeds_dir)


async def user_data(database):
    return (
        await database.leaderboard(GUILD, None, 10),
        await database.guild_film(GUILD),
        await database.spoiler_channels(GUILD),
    )


async def add_user_data(database):
    await database.record_awards(GUILD, CHANNEL, [(ALICE, 3), (BOB, 1)], "Who directed it?", NOW)
    await database.set_guild_film(GUILD, RUBY)
    await database.set_spoiler_channel(GUILD, CHANNEL, True)


async def content(database):
    return (
        await database.film_count(),
        await database.fingerprints(),
        await database.quote_ids(None, None),
        await database.cast(),
    )


def change(report, slug):
    return next(film for film in report.films if film.slug == slug)


async def test_ensure_loaded_loads_once(service, database):
    first = await service.ensure_loaded()
    assert first is not None
    assert first.applied
    assert change(first, RUBY).status == "added"
    assert change(first, RUBY).categories["quotes"].added == 84
    assert await database.film_count() == 1
    assert service.generation == 1
    assert await service.ensure_loaded() is None
    assert service.generation == 1


async def test_second_reseed_is_unchanged(knowledge):
    report = await knowledge.reseed()
    assert report.applied
    assert [(f.slug, f.status) for f in report.films] == [(RUBY, "unchanged")]
    assert not any(c.any for c in change(report, RUBY).categories.values())
    assert report.warnings == ()
    assert knowledge.generation == 2


async def test_editing_a_cast_description_is_a_change(knowledge, seeds_dir, database):
    article = seeds_dir / RUBY / ARTICLE
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Calvin's publicist", "Calvin's tireless publicist"), "utf-8")
    report = await knowledge.reseed()
    film = change(report, RUBY)
    assert film.status == "changed"
    assert film.categories["cast"].changed == 1
    assert (film.categories["cast"].added, film.categories["cast"].removed) == (0, 0)
    assert not film.categories["quotes"].any
    cast = await database.cast(RUBY)
    assert any(c.member.description == "Calvin's tireless publicist" for c in cast)


async def test_adding_a_quote_is_reported(knowledge, seeds_dir, database):
    interview = seeds_dir / RUBY / FESTIVAL
    with interview.open("a", encoding="utf-8") as handle:
        handle.write("\n\nVF: One more thing about the ending of the film.\n")
    report = await knowledge.reseed()
    quotes = change(report, RUBY).categories["quotes"]
    assert (quotes.added, quotes.removed, quotes.changed) == (1, 0, 0)
    assert len(await database.quote_ids(None, None)) == 85


async def test_adding_and_removing_film_folders(knowledge, seeds_dir, database):
    write_film(seeds_dir, {"100_interview.txt": INTERVIEW})
    added = await knowledge.reseed()
    assert change(added, SLUG).status == "added"
    assert change(added, SLUG).categories["quotes"].added == 4
    assert change(added, RUBY).status == "unchanged"
    assert await database.film_count() == 2

    shutil.rmtree(seeds_dir / RUBY)
    removed = await knowledge.reseed()
    film = change(removed, RUBY)
    assert film.status == "removed"
    assert film.categories["quotes"].removed == 84
    assert film.categories["cast"].removed == 13
    assert [f.slug for f in await database.films()] == [SLUG]


async def test_dry_run_changes_nothing(knowledge, seeds_dir, database):
    before = await content(database)
    write_film(seeds_dir, {"100_interview.txt": INTERVIEW})
    report = await knowledge.reseed(dry_run=True)
    assert report.dry_run
    assert not report.applied
    assert change(report, SLUG).status == "added"
    assert await content(database) == before
    assert knowledge.generation == 1


async def test_dry_run_on_an_empty_database(service, database):
    report = await service.reseed(dry_run=True)
    assert change(report, RUBY).status == "added"
    assert await database.film_count() == 0


async def test_a_broken_new_film_is_not_added_and_every_other_film_updates(
    knowledge, seeds_dir, database
):
    await add_user_data(database)
    before = (await content(database), await user_data(database))
    broken = write_film(
        seeds_dir,
        {"100_interview.txt": INTERVIEW},
        slug="zz-broken-film",
        article=None,
    )
    (broken / "000_article.txt").write_bytes(
        "= Night Ferry =\n- Writer: caf\u00e9".encode("latin-1")
    )
    report = await knowledge.reseed()
    assert report.applied
    assert report.error is None
    (failure,) = report.failures
    assert (failure.slug, failure.kept) == ("zz-broken-film", False)
    assert failure.path == str(broken / "000_article.txt")
    assert failure.line == 2
    assert [(f.slug, f.status) for f in report.films] == [(RUBY, "unchanged")]
    assert (await content(database), await user_data(database)) == before
    assert knowledge.generation == 2


async def test_a_film_whose_article_breaks_keeps_its_previous_content(
    knowledge, seeds_dir, database
):
    write_film(seeds_dir, {"100_interview.txt": INTERVIEW})
    assert (await knowledge.reseed()).applied
    before = await database.fingerprints()
    (seeds_dir / RUBY / ARTICLE).write_bytes(b"\x00 not an article any more")
    (seeds_dir / SLUG / "100_interview.txt").write_text(
        INTERVIEW + "\n\nHannah Lindqvist: One more answer, added later.\n", encoding="utf-8"
    )
    report = await knowledge.reseed()
    assert report.applied
    (failure,) = report.failures
    assert (failure.slug, failure.kept) == (RUBY, True)
    assert ARTICLE in str(failure)
    assert "previous content kept" in str(failure)
    assert {f.slug: f.status for f in report.films} == {RUBY: "unchanged", SLUG: "changed"}
    after = await database.fingerprints()
    assert after[RUBY] == before[RUBY]
    assert after[SLUG] != before[SLUG]
    assert (await database.film_record(RUBY)) is not None


async def test_a_broken_interview_is_skipped_and_the_film_loads(knowledge, seeds_dir, database):
    (seeds_dir / RUBY / "100_broken.txt").write_bytes("Q: Hi?\n\nA: caf\u00e9\n".encode("latin-1"))
    report = await knowledge.reseed()
    assert report.applied
    assert report.failures == ()
    assert any(
        w.startswith(f"{RUBY}/100_broken.txt:3: skipped: not valid UTF-8") for w in report.warnings
    )


async def test_first_start_with_a_broken_film_loads_the_others(service, seeds_dir, database):
    write_film(seeds_dir, {"100_interview.txt": b"\x00"}, slug="aa-broken", article=None)
    report = await service.ensure_loaded()
    assert report is not None
    assert [f.slug for f in report.failures] == ["aa-broken"]
    assert await database.film_count() == 1


async def test_a_failure_inside_the_transaction_rolls_back(
    knowledge, seeds_dir, database, monkeypatch
):
    await add_user_data(database)
    before = (await content(database), await user_data(database))
    write_film(seeds_dir, {"100_interview.txt": INTERVIEW})
    original = SeedWriter.add_film
    inserted = []

    async def insert_then_fail(writer, film, fingerprints, digest):
        if inserted:
            raise RuntimeError("disk on fire")
        inserted.append(film.slug)
        await original(writer, film, fingerprints, digest)

    monkeypatch.setattr(SeedWriter, "add_film", insert_then_fail)
    with pytest.raises(RuntimeError, match="disk on fire"):
        await knowledge.reseed(full=True)
    assert inserted == [RUBY]
    assert (await content(database), await user_data(database)) == before
    assert knowledge.generation == 1

    monkeypatch.undo()
    report = await knowledge.reseed()
    assert report.applied
    assert await database.film_count() == 2


async def test_scores_and_settings_survive_a_successful_reseed(knowledge, seeds_dir, database):
    await add_user_data(database)
    before = await user_data(database)
    write_film(seeds_dir, {"100_interview.txt": INTERVIEW})
    assert (await knowledge.reseed()).applied
    assert await user_data(database) == before
    assert before[0][0].user_id == ALICE


async def test_only_one_reseed_at_a_time(knowledge):
    first = asyncio.create_task(knowledge.reseed())
    await asyncio.sleep(0)
    with pytest.raises(BusyError):
        await knowledge.reseed()
    assert (await first).applied


async def test_reads_during_a_reseed_see_old_or_new_never_a_mix(knowledge, seeds_dir, database):
    old = (await database.film_count(), len(await database.quote_ids(None, None)))
    write_film(seeds_dir, {"100_interview.txt": INTERVIEW})
    new = (old[0] + 1, old[1] + 4)
    counts, quote_counts = set(), set()
    task = asyncio.create_task(knowledge.reseed())
    reads = 0
    while not task.done() or reads < 5:
        counts.add(await database.film_count())
        quote_counts.add(len(await database.quote_ids(None, None)))
        reads += 1
        await asyncio.sleep(0)
    assert (await task).applied
    assert counts <= {old[0], new[0]}
    assert quote_counts <= {old[1], new[1]}
    assert (await database.film_count(), len(await database.quote_ids(None, None))) == new


async def test_a_read_in_the_middle_of_the_transaction_sees_the_old_content(
    knowledge, seeds_dir, database, monkeypatch
):
    old = await content(database)
    write_film(seeds_dir, {"100_interview.txt": INTERVIEW})
    original = SeedWriter.add_film
    seen = []

    async def insert_and_peek(writer, film, fingerprints, digest):
        await original(writer, film, fingerprints, digest)
        seen.append(await content(database))

    monkeypatch.setattr(SeedWriter, "add_film", insert_and_peek)
    assert (await knowledge.reseed(full=True)).applied
    assert seen == [old, old]
    assert await database.film_count() == 2


async def quote_ids_by_film(database):
    return {film.slug: await database.quote_ids(film.slug, None) for film in await database.films()}


async def test_a_reseed_rewrites_only_the_films_whose_files_changed(knowledge, seeds_dir, database):
    write_film(seeds_dir, {"100_interview.txt": INTERVIEW})
    assert (await knowledge.reseed()).applied
    before = await quote_ids_by_film(database)
    interview = seeds_dir / SLUG / "100_interview.txt"
    interview.write_text(INTERVIEW + "\nLindqvist: The gulls were louder than the generator.\n")

    report = await knowledge.reseed()

    assert {f.slug: f.status for f in report.films} == {RUBY: "unchanged", SLUG: "changed"}
    after = await quote_ids_by_film(database)
    assert after[RUBY] == before[RUBY]
    assert after[SLUG] != before[SLUG]
    assert len(after[SLUG]) == len(before[SLUG]) + 1
    terms = await database.quote_term_frequencies()
    assert terms["gulls"] == 1
    assert "generator" in terms


async def test_a_removed_folder_removes_its_film_and_its_terms(knowledge, seeds_dir, database):
    write_film(seeds_dir, {"100_interview.txt": INTERVIEW + "\nCalloway: Zyzzyva.\n"})
    assert (await knowledge.reseed()).applied
    assert "zyzzyva" in await database.quote_term_frequencies()
    shutil.rmtree(seeds_dir / SLUG)

    report = await knowledge.reseed()

    assert {f.slug: f.status for f in report.films} == {RUBY: "unchanged", SLUG: "removed"}
    assert [film.slug for film in await database.films()] == [RUBY]
    assert "zyzzyva" not in await database.quote_term_frequencies()


async def test_stored_term_counts_match_the_index_after_partial_reseeds(
    knowledge, seeds_dir, database
):
    write_film(seeds_dir, {"100_interview.txt": INTERVIEW})
    assert (await knowledge.reseed()).applied
    (seeds_dir / SLUG / "100_interview.txt").write_text(INTERVIEW.replace("November", "March"))
    assert (await knowledge.reseed()).applied
    partial = await database.quote_term_frequencies()

    assert (await knowledge.reseed(full=True)).applied

    assert await database.quote_term_frequencies() == partial


async def test_a_changed_film_that_fails_keeps_its_content(knowledge, seeds_dir, database):
    write_film(seeds_dir, {"100_interview.txt": INTERVIEW})
    assert (await knowledge.reseed()).applied
    before = await content(database)
    (seeds_dir / SLUG / "900_article.txt").unlink()

    report = await knowledge.reseed()

    assert [(f.slug, f.kept) for f in report.failures] == [(SLUG, True)]
    assert await content(database) == before


async def test_seed_lists_stay_when_no_film_changed(knowledge, seeds_dir, database):
    lists = seeds_dir / "trivia"
    lists.mkdir()
    (lists / "lighthouses.yaml").write_text("Which lamp was lit by hand?:\n- the great lamp\n")
    assert (await knowledge.reseed()).applied
    first = await database.trivia_lists(GUILD)

    report = await knowledge.reseed()

    assert {f.status for f in report.films} == {"unchanged"}
    assert await database.trivia_lists(GUILD) == first
    assert "lighthouses" in {item.name for item in first}
