from __future__ import annotations

import re
import sqlite3

import pytest

from bot.models import DocumentKind, FilmSummary, Quote, SourceDocument, StoredQuote
from bot.search.quotes import (
    MAX_QUERY_WORDS,
    MIN_DOCUMENTS_FOR_PRUNING,
    QUOTE_MATCH_CUTOFF,
    QueryTerm,
    QuoteQuery,
    Vocabulary,
    build_match_expression,
    expand_words,
    query_words,
    rerank_score,
    strict_match_expression,
)

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


# -- QuoteQuery: candidate queries and ranking, no database --------------------------------

FILM = FilmSummary(slug="lantern-keeper", title="The Lantern Keeper", year=1998)
SOURCE = SourceDocument(name="interview.txt", kind=DocumentKind.INTERVIEW)


def stored(quote_id: int, text: str, speaker: str = "Mara Okafor") -> StoredQuote:
    quote = Quote((speaker,), text, SOURCE.name, quote_id, quote_id, None, spoiler=False)
    return StoredQuote(id=quote_id, film=FILM, quote=quote, source=SOURCE)


TATTOO = stored(1, QUOTE)
LYRICS = stored(2, "We wrote all the lyrics in French.", speaker="Lin Hale")
UNRELATED = stored(3, "The lighthouse lamp was lit by hand every night.")


def test_a_query_without_searchable_words_is_none() -> None:
    assert QuoteQuery.parse(' * ^ : "', VOCABULARY) is None


def test_a_query_holds_its_strict_and_lenient_expressions() -> None:
    query = QuoteQuery.parse("frnech lyrics", VOCABULARY)
    assert query is not None
    assert query.words == ("frnech", "lyrics")
    assert query.strict == '("frnech"* OR "french") AND ("lyrics"*)'
    assert query.lenient == '"frnech"* OR "french" OR "lyrics"*'


def test_rank_keeps_close_candidates_best_first_and_filters_by_speaker() -> None:
    query = QuoteQuery.parse("tattoo better love", VOCABULARY)
    assert query is not None
    hits = query.rank([UNRELATED, LYRICS, TATTOO], speaker=None)
    assert [hit.quote for hit in hits] == [TATTOO]
    assert hits[0].score >= QUOTE_MATCH_CUTOFF
    assert query.rank([TATTOO], speaker="Lin Hale") == []
    lyrics = QuoteQuery.parse("lyrics french", VOCABULARY)
    assert lyrics is not None
    assert [hit.quote for hit in lyrics.rank([TATTOO, LYRICS], speaker="Lin Hale")] == [LYRICS]


def test_strict_candidates_settle_a_query_only_when_one_is_close_enough() -> None:
    query = QuoteQuery.parse("tattoo better", VOCABULARY)
    single = QuoteQuery.parse("tattoo", VOCABULARY)
    assert query is not None and single is not None
    hits = query.rank([TATTOO], speaker=None)
    assert query.settled(1, hits)
    assert not query.settled(0, [])
    assert not query.settled(5, [])
    # A one-word query has nothing to relax.
    assert single.settled(0, [])


def test_merge_adds_lenient_candidates_once_and_keeps_the_order() -> None:
    query = QuoteQuery.parse("tattoo love", VOCABULARY)
    assert query is not None
    strict_hits = query.rank([TATTOO], speaker=None)
    sketch = stored(4, "She drew a tattoo of the lamp, out of love for it.")
    merged = query.merge(strict_hits, [TATTOO], [TATTOO, UNRELATED, sketch], speaker=None)
    assert sorted(hit.quote.id for hit in merged) == [TATTOO.id, sketch.id]
    assert [hit.score for hit in merged] == sorted((hit.score for hit in merged), reverse=True)


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
