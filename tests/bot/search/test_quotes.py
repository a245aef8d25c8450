from __future__ import annotations

import re
import sqlite3

import pytest

from bot.search.quotes import (
    MAX_QUERY_WORDS,
    MIN_DOCUMENTS_FOR_PRUNING,
    QUOTE_MATCH_CUTOFF,
    QueryTerm,
    QuoteSearch,
    Vocabulary,
    build_match_expression,
    expand_words,
    query_words,
    rerank_score,
    strict_match_expression,
)
from bot.services.knowledge import KnowledgeService
from bot.storage.database import Database

FTS_STRING = re.compile(r'^"(?:[^"]|"")*"\*?$')
"""One FTS5 string literal (quotes doubled inside), optionally a prefix query."""

VOCABULARY = Vocabulary(
    ["tattoo", "better", "love", "forever", "french", "lyrics", "composer", "and", "near", "zoe"]
)

HOSTILE_WORDS = [
    '"',
    '""',
    '"love" OR "hate"',
    "*",
    "love*",
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "NEAR(love tattoo, 2)",
    ":",
    "text:love",
    "{text}:love",
    "^",
    "^love",
    "-",
    "-love",
    "+",
    "(",
    ")",
    "'; DROP TABLE quotes; --",
    "zoë",
    "日本語",
    "🎬",
    "\\",
    "\x00",
]


def fts_table() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2')"
    )
    conn.executemany(
        "INSERT INTO t (text) VALUES (?)",
        [("it is like a tattoo, you better love it",), ("all the lyrics in French",)],
    )
    return conn


def parts(expression: str) -> list[str]:
    """Split an expression built by build_match_expression into its OR-ed terms."""
    found = re.findall(r'"(?:[^"]|"")*"\*?', expression)
    assert " OR ".join(found) == expression
    return found


# -- query_words ----------------------------------------------------------------------------


def test_query_words_are_folded_deduplicated_and_in_order() -> None:
    assert query_words("Zoë's  TATTOO, tattoo… love!") == ["zoe", "tattoo", "love"]


def test_query_words_drop_single_letters_and_punctuation() -> None:
    assert query_words('a " * : ^ - ( ) I x') == []
    assert query_words("NEAR(love AND tattoo)") == ["near", "love", "and", "tattoo"]


def test_query_words_are_bounded() -> None:
    words = query_words(" ".join(f"word{i}" for i in range(100)))
    assert len(words) == MAX_QUERY_WORDS
    assert query_words("x" * 100_000) != []


# -- build_match_expression -----------------------------------------------------------------


@pytest.mark.parametrize("word", HOSTILE_WORDS)
def test_user_text_never_becomes_fts_syntax(word: str) -> None:
    expression = build_match_expression([word, "love"], VOCABULARY)
    assert expression is not None
    for term in parts(expression):
        assert FTS_STRING.match(term), term
    # The database accepts it as plain strings: no syntax error, no column filter, no NEAR.
    rows = fts_table().execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()
    assert (1,) in rows


def test_every_hostile_word_at_once_is_still_one_valid_expression() -> None:
    expression = build_match_expression(HOSTILE_WORDS, VOCABULARY)
    assert expression is not None
    fts_table().execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


def test_quotes_inside_words_are_doubled() -> None:
    assert build_match_expression(['say "hi"'], VOCABULARY) == '"say ""hi"""*'


def test_short_words_are_exact_and_longer_words_are_prefixes() -> None:
    assert build_match_expression(["ta", "tat"], VOCABULARY) == '"ta" OR "tat"*'


def test_unknown_words_add_their_corrections() -> None:
    expression = build_match_expression(["frnech", "tatoo"], VOCABULARY)
    assert expression == '"frnech"* OR "french" OR "tatoo"* OR "tattoo"'


def test_known_words_are_not_corrected() -> None:
    assert build_match_expression(["love"], VOCABULARY) == '"love"*'


def test_no_words_is_no_expression() -> None:
    assert build_match_expression([], VOCABULARY) is None


# -- Vocabulary and expand_words ------------------------------------------------------------


def test_vocabulary_corrections_share_the_first_letter_and_are_bounded() -> None:
    vocabulary = Vocabulary(["tattoo", "tattoos", "tattooed", "rattoo", "lyrics"])
    assert vocabulary.corrections("tatoo") == ["tattoo", "tattoos"]
    assert "rattoo" not in vocabulary.corrections("attoo")
    assert vocabulary.corrections("zzzz") == []
    assert vocabulary.corrections("") == []
    assert "lyrics" in vocabulary
    assert len(vocabulary) == 5


def test_expand_words() -> None:
    assert expand_words(["love", "frnech", "qq"], VOCABULARY) == [
        QueryTerm("love"),
        QueryTerm("frnech", ("french",)),
        QueryTerm("qq"),
    ]
    assert QueryTerm("tat").prefix and not QueryTerm("ta").prefix


# -- rerank_score ---------------------------------------------------------------------------

QUOTE = "You spend two years of your life on a film.. it is like a tattoo, you better love it."


def test_the_exact_line_scores_full_marks() -> None:
    assert rerank_score("it is like a tattoo", QUOTE) == pytest.approx(100)


def test_reordered_words_still_score_above_the_cutoff() -> None:
    assert rerank_score("tattoo better love forever", QUOTE) >= QUOTE_MATCH_CUTOFF


def test_partial_words_count_as_present() -> None:
    whole = rerank_score("tattoo", QUOTE)
    partial = rerank_score("tatt", QUOTE)
    assert partial >= QUOTE_MATCH_CUTOFF
    assert whole >= partial


def test_corrections_count_as_present() -> None:
    terms = [QueryTerm("tatoo", ("tattoo",)), QueryTerm("bettr", ("better",))]
    corrected = rerank_score("tatoo bettr", QUOTE, terms)
    assert corrected > rerank_score("tatoo bettr", QUOTE)
    assert corrected >= QUOTE_MATCH_CUTOFF


def test_unrelated_words_score_below_the_cutoff() -> None:
    assert rerank_score("xylophone zebra quantum", QUOTE) < QUOTE_MATCH_CUTOFF
    assert rerank_score("", QUOTE) < QUOTE_MATCH_CUTOFF


def test_rerank_is_case_accent_and_punctuation_blind() -> None:
    assert rerank_score("it is like a tattoo", "IT IS LIKE A TÀTTOO!!!") == pytest.approx(100)


# -- QuoteSearch over the real seeds --------------------------------------------------------


async def search(database: Database, text: str) -> list[str]:
    vocabulary = Vocabulary(await database.quote_vocabulary())
    hits = await QuoteSearch(database, vocabulary).search(text, slug=None, limit=3)
    return [hit.quote.quote.text for hit in hits]


async def test_search_finds_a_half_remembered_line(
    database: Database, knowledge: KnowledgeService
) -> None:
    texts = await search(database, "tattoo better love it")
    assert "it is like a tattoo" in texts[0]
    assert len(texts) <= 3


async def test_search_hits_are_sorted_best_first(
    database: Database, knowledge: KnowledgeService
) -> None:
    vocabulary = Vocabulary(await database.quote_vocabulary())
    hits = await QuoteSearch(database, vocabulary).search(
        "relationship fantasy real", slug=None, limit=10
    )
    scores = [hit.score for hit in hits]
    assert len(scores) > 1
    assert scores == sorted(scores, reverse=True)
    assert min(scores) >= QUOTE_MATCH_CUTOFF


async def test_search_filters_by_speaker_and_film(
    database: Database, knowledge: KnowledgeService
) -> None:
    vocabulary = Vocabulary(await database.quote_vocabulary())
    quotes = QuoteSearch(database, vocabulary)
    by_faris = await quotes.search("love chris", slug=None, limit=3, speaker="Valerie Faris")
    assert [hit.quote.quote.text for hit in by_faris][:1] == ["I love Chris."]
    assert all("Valerie Faris" in hit.quote.quote.speakers for hit in by_faris)
    assert await quotes.search("love chris", slug="no-such-film", limit=3) == []
    in_film = await quotes.search("love chris", slug="ruby-sparks", limit=3)
    assert in_film[0].quote.film.slug == "ruby-sparks"


@pytest.mark.parametrize("text", ["", "   ", '"', "* ^ : -", "a", "xylophone zebra"])
async def test_search_without_usable_words_finds_nothing(
    database: Database, knowledge: KnowledgeService, text: str
) -> None:
    assert await search(database, text) == []


@pytest.mark.parametrize("word", HOSTILE_WORDS)
async def test_search_survives_hostile_text(
    database: Database, knowledge: KnowledgeService, word: str
) -> None:
    assert isinstance(await search(database, f"{word} tattoo"), list)


# -- strict_match_expression and common words -------------------------------------------------


def test_strict_expression_requires_every_word_or_its_correction() -> None:
    terms = expand_words(["frnech", "lyrics"], VOCABULARY)
    assert strict_match_expression(terms, VOCABULARY) == '("frnech"* OR "french") AND ("lyrics"*)'
    rows = fts_table().execute(
        "SELECT rowid FROM t WHERE t MATCH ?", (strict_match_expression(terms, VOCABULARY),)
    )
    assert rows.fetchall() == [(2,)]


def test_strict_expression_with_hostile_words_is_still_valid() -> None:
    terms = expand_words(HOSTILE_WORDS, VOCABULARY)
    expression = strict_match_expression(terms, VOCABULARY)
    assert expression is not None
    fts_table().execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


def test_common_words_stop_selecting_candidates_in_a_large_archive() -> None:
    frequencies = {"the": 900, "tattoo": 3, "love": 40}
    large = Vocabulary(frequencies, frequencies, documents=MIN_DOCUMENTS_FOR_PRUNING)
    assert large.is_common("the") and not large.is_common("tattoo")
    terms = expand_words(["the", "tattoo"], large)
    assert build_match_expression(["the", "tattoo"], large) == '"tattoo"*'
    assert strict_match_expression(terms, large) == '("tattoo"*)'
    # A query of nothing but common words still searches with them.
    assert build_match_expression(["the"], large) == '"the"*'
    small = Vocabulary(frequencies, frequencies, documents=MIN_DOCUMENTS_FOR_PRUNING - 1)
    assert not small.is_common("the")
