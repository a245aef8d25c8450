"""The made-up films in real-page layouts, stored and read back on a real SQLite file."""

from bot.parsing import parse_seeds
from bot.services.fingerprints import fingerprint_knowledge_base
from bot.services.knowledge import KnowledgeService
from tests.bot.parsing.corpus import DOCUMENTS


async def test_notes_and_release_events_survive_storage(database):
    kb = parse_seeds(DOCUMENTS)
    await database.replace_knowledge_base(kb, fingerprint_knowledge_base(kb))
    for film in kb.films:
        stored = await database.film_record(film.slug)
        assert stored is not None
        assert stored.title == film.title
        assert stored.cast == film.cast
        assert [(f.key, f.values, f.notes) for f in stored.infobox] == [
            (f.key, f.values, f.notes) for f in film.infobox
        ]
        assert stored.quotes == film.quotes
    salt = await database.film_record("salt-meridian")
    assert salt is not None
    assert salt.credit("release dates") == (
        "September 12, 2009 (Telluride Film Festival)",
        "October 30, 2009 (United States)",
    )
    notes = {m.character: m.note for m in salt.cast}
    assert notes["the Ferry Pilot"] == "uncredited"
    assert notes["Widow Kass"] == "credited as Dorrie Amsel"


async def test_reseeding_the_corpus_twice_changes_nothing(database):
    knowledge = KnowledgeService(database, DOCUMENTS)
    first = await knowledge.reseed()
    assert first.applied
    assert {f.status for f in first.films} == {"added"}
    second = await knowledge.reseed()
    assert {f.status for f in second.films} == {"unchanged"}
    assert second.failures == ()
    assert len(second.warnings) == len(first.warnings) > 0
