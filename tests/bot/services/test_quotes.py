from __future__ import annotations

import random

import pytest

from bot.errors import NotFoundError
from bot.models import FilmSummary
from bot.search.quotes import QUOTE_MATCH_CUTOFF, query_words
from bot.services.knowledge import KnowledgeService
from bot.services.quotes import MAX_RESULTS, QuoteService, quote_choice, quote_choice_id
from bot.storage.database import Database
from tests.bot.search.test_quotes import HOSTILE_WORDS

RUBY_SPARKS = FilmSummary(slug="ruby-sparks", title="Ruby Sparks", year=2012)
OTHER_FILM = FilmSummary(slug="paper-moon", title="Paper Moon", year=1973)
FARIS = "Valerie Faris"
DAYTON = "Jonathan Dayton"


@pytest.fixture
def quotes(database: Database, knowledge: KnowledgeService) -> QuoteService:
    return QuoteService(database, knowledge, rng=random.Random(42))


async def test_find_by_words_returns_the_best_quote_first(quotes: QuoteService) -> None:
    result = await quotes.find("tattoo better love it forever", None, None)
    assert 1 <= len(result.quotes) <= MAX_RESULTS
    best = result.quotes[0]
    assert "it is like a tattoo" in best.quote.text
    assert best.quote.speakers == (DAYTON,)
    assert best.source.published is not None and best.source.published.isoformat() == "2012-09-06"
    assert best.quote.question is not None
    assert result.speaker is None


async def test_find_by_words_and_speaker(quotes: QuoteService) -> None:
    result = await quotes.find("love chris", "faris", RUBY_SPARKS)
    assert result.speaker == FARIS
    assert result.quotes[0].quote.text == "I love Chris."
    assert all(FARIS in q.quote.speakers for q in result.quotes)


async def test_find_by_speaker_picks_among_their_quotes(quotes: QuoteService) -> None:
    seen = set()
    for _ in range(10):
        result = await quotes.find(None, "faris", None)
        (quote,) = result.quotes
        assert FARIS in quote.quote.speakers
        seen.add(quote.id)
    assert len(seen) > 1


async def test_find_with_nothing_picks_a_random_quote(quotes: QuoteService) -> None:
    speakers = set()
    for _ in range(20):
        (quote,) = (await quotes.find(None, None, None)).quotes
        speakers.update(quote.quote.speakers)
    assert speakers == {FARIS, DAYTON}


async def test_blank_text_and_speaker_count_as_nothing(quotes: QuoteService) -> None:
    assert len((await quotes.find("   ", " ", None)).quotes) == 1


async def test_spoiler_flag_follows_the_interview_marker(quotes: QuoteService) -> None:
    before = (await quotes.find("pop song baseball bat", None, None)).quotes[0]
    after = (await quotes.find("snap your fingers bark like a dog", None, None)).quotes[0]
    assert not before.quote.spoiler
    assert after.quote.spoiler


async def test_no_close_quote_raises(quotes: QuoteService) -> None:
    with pytest.raises(NotFoundError, match="No quote matches those words"):
        await quotes.find("xylophone zebra quantum", None, None)


async def test_unknown_speaker_raises(quotes: QuoteService) -> None:
    with pytest.raises(NotFoundError, match="Nobody quoted matches that speaker"):
        await quotes.find(None, "Orson Welles", None)


async def test_film_without_quotes_raises(quotes: QuoteService) -> None:
    with pytest.raises(NotFoundError, match="No quotes are known for that"):
        await quotes.find(None, None, OTHER_FILM)
    with pytest.raises(NotFoundError, match="No quote matches those words"):
        await quotes.find("tattoo", None, OTHER_FILM)


@pytest.mark.parametrize(
    ("text", "name"),
    [("faris", FARIS), ("valerie", FARIS), ("Valery Faris", FARIS), ("dayton", DAYTON)],
)
async def test_resolve_speaker(quotes: QuoteService, text: str, name: str) -> None:
    assert await quotes.resolve_speaker(text) == name


async def test_suggest_speakers(quotes: QuoteService) -> None:
    assert await quotes.suggest_speakers("", None, 25) == [DAYTON, FARIS]
    assert await quotes.suggest_speakers("", None, 1) == [DAYTON]
    assert (await quotes.suggest_speakers("fa", None, 25))[:1] == [FARIS]
    assert await quotes.suggest_speakers("jon", RUBY_SPARKS, 25) == [DAYTON]
    assert await quotes.suggest_speakers("jon", OTHER_FILM, 25) == []
    assert await quotes.suggest_speakers("zzz", None, 25) == []


# -- search: FTS5 candidates re-ranked, over the real seeds -----------------------------------


async def texts(quotes: QuoteService, text: str) -> list[str]:
    return [hit.quote.quote.text for hit in await quotes.search(text, None, 3)]


async def test_search_finds_a_half_remembered_line(quotes: QuoteService) -> None:
    found = await texts(quotes, "tattoo better love it")
    assert "it is like a tattoo" in found[0]
    assert len(found) <= 3


async def test_search_hits_are_sorted_best_first(quotes: QuoteService) -> None:
    hits = await quotes.search("relationship fantasy real", None, 10)
    scores = [hit.score for hit in hits]
    assert len(scores) > 1
    assert scores == sorted(scores, reverse=True)
    assert min(scores) >= QUOTE_MATCH_CUTOFF


async def test_search_filters_by_speaker_and_film(quotes: QuoteService) -> None:
    by_faris = await quotes.search("love chris", None, 3, speaker=FARIS)
    assert [hit.quote.quote.text for hit in by_faris][:1] == ["I love Chris."]
    assert all(FARIS in hit.quote.quote.speakers for hit in by_faris)
    assert await quotes.search("love chris", OTHER_FILM, 3) == []
    in_film = await quotes.search("love chris", RUBY_SPARKS, 3)
    assert in_film[0].quote.film == RUBY_SPARKS


async def test_search_falls_back_to_any_word_when_one_is_misremembered(
    quotes: QuoteService,
) -> None:
    # No quote holds 'xylophone', so the strict query finds nothing; the lenient one does.
    found = await texts(quotes, "tattoo better love xylophone")
    assert found and "it is like a tattoo" in found[0]


@pytest.mark.parametrize("text", ["", "   ", '"', "* ^ : -", "a", "xylophone zebra"])
async def test_search_without_usable_words_finds_nothing(quotes: QuoteService, text: str) -> None:
    assert await texts(quotes, text) == []


@pytest.mark.parametrize("word", HOSTILE_WORDS)
async def test_hostile_text_is_only_ever_searched_as_words(
    quotes: QuoteService, database: Database, word: str
) -> None:
    count = await database.quote_count()
    plain = await texts(quotes, "tattoo")
    assert plain
    found = await texts(quotes, f"{word} tattoo")
    # Nothing of the hostile text acts as FTS5 syntax: it can narrow the results, never widen
    # them, it leaves the tables alone, and a word or two of it still finds the line.
    assert set(found) <= set(plain)
    assert await database.quote_count() == count
    if len(query_words(word)) < 3:
        assert found[:1] == plain[:1]


async def test_suggestions_follow_what_is_typed_and_name_one_quote(quotes: QuoteService) -> None:
    for typed in ("tattoo better lo", "it is like a tat", "tattoo"):
        suggestions = await quotes.suggest_quotes(typed, None, 25)
        assert suggestions, typed
        best = suggestions[0]
        assert best.label.startswith(f"{DAYTON}: ")
        assert quote_choice_id(best.value) is not None
        result = await quotes.find(best.value, None, None)
        assert len(result.quotes) == 1
        assert "it is like a tattoo" in result.quotes[0].quote.text


async def test_suggestions_need_three_characters_and_stay_short(quotes: QuoteService) -> None:
    assert await quotes.suggest_quotes("ta", None, 25) == []
    for typed in ("the", "xqzv", "love", *HOSTILE_WORDS):
        for suggestion in await quotes.suggest_quotes(typed, None, 25):
            assert len(suggestion.label) <= 100


async def test_a_spoiler_suggestion_hides_its_words(quotes: QuoteService) -> None:
    suggestions = await quotes.suggest_quotes("snap your fingers", RUBY_SPARKS, 25)
    labels = [s.label for s in suggestions]
    assert labels
    assert not any("snap your fingers" in label for label in labels)
    assert any("spoiler" in label for label in labels)


async def test_a_chosen_quote_that_is_gone_says_so(quotes: QuoteService) -> None:
    with pytest.raises(NotFoundError, match="no longer loaded"):
        await quotes.find(quote_choice(10**9), None, None)


def test_quote_choices_round_trip() -> None:
    assert quote_choice_id(quote_choice(42)) == 42
    assert quote_choice_id("#q") is None
    assert quote_choice_id("tattoo #q42") is None


async def test_the_vocabulary_is_rebuilt_by_the_reseed_not_the_next_query(
    quotes: QuoteService, knowledge: KnowledgeService, database: Database, monkeypatch
) -> None:
    reads = []
    original = database.quote_term_frequencies

    async def counted() -> dict[str, int]:
        reads.append(1)
        return await original()

    monkeypatch.setattr(database, "quote_term_frequencies", counted)
    await quotes.warm()
    assert (await knowledge.reseed(full=True)).applied
    assert len(reads) == 2
    await quotes.search("tattoo better love", None, 3)
    assert len(reads) == 2
