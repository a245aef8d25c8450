from __future__ import annotations

import re
import sqlite3

import pytest

from bot.models import DocumentKind, FilmSummary, Quote, SourceDocument, StoredQuote
from bot.search.quotes import (
    MAX_PREFIX_TERMS,
    MAX_QUERY_WORDS,
    MIN_DOCUMENTS_FOR_PRUNING,
    QUOTE_MATCH_CUTOFF,
    RANK_BUDGET,
    QueryTerm,
    QuoteQuery,
    Vocabulary,
    expand_words,
    query_words,
    rerank_score,
    strict_match_expression,
)

FTS_STRING = re.compile(r'^"(?:[^"]|"")*"\*?$')
"""One FTS5 string literal (quotes doubled inside), optionally a prefix query."""

WORDS = [
    "tattoo",
    "better",
    "love",
    "forever",
    "french",
    "lyrics",
    "composer",
    "and",
    "near",
    "zoe",
]
VOCABULARY = Vocabulary(dict.fromkeys(WORDS, 1), documents=10)

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


# -- candidate queries: user text never becomes FTS syntax ---------------------------------


def expressions(text: str, vocabulary: Vocabulary = VOCABULARY) -> list[str]:
    query = QuoteQuery.parse(text, vocabulary)
    assert query is not None
    return [candidates.match for candidates in query.candidates]


@pytest.mark.parametrize("word", HOSTILE_WORDS)
def test_user_text_never_becomes_fts_syntax(word: str) -> None:
    for term in expand_words(query_words(f"{word} love"), VOCABULARY):
        for alternative in term.alternatives:
            assert FTS_STRING.match(alternative), alternative
    found = set()
    for expression in expressions(f"{word} love"):
        # The database accepts it as plain strings: no syntax error, no column filter.
        found |= set(fts_table().execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)))
    assert (1,) in found


def test_every_hostile_word_at_once_is_still_valid() -> None:
    for expression in expressions(" ".join(HOSTILE_WORDS)):
        fts_table().execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


def test_quotes_inside_words_are_doubled() -> None:
    assert QueryTerm('say "hi"', indexed=True).alternatives == ('"say ""hi"""',)


def test_words_match_as_prefixes_only_when_few_terms_start_with_them() -> None:
    many = {f"tat{n:03d}": 1 for n in range(MAX_PREFIX_TERMS + 1)}
    vocabulary = Vocabulary({**many, "compose": 2, "composer": 3}, documents=10)
    [compos, tat, ta] = expand_words(["compos", "tat", "ta"], vocabulary)
    assert compos.prefix and compos.alternatives == ('"compos"*',) and compos.documents == 5
    assert not tat.prefix and not tat.alternatives
    assert not ta.prefix


def test_unknown_words_add_their_corrections() -> None:
    [french, tattoo] = expand_words(["frnech", "tatoo"], VOCABULARY)
    assert french.alternatives == ('"french"',)
    assert tattoo.alternatives == ('"tattoo"',)


def test_known_words_are_not_corrected() -> None:
    [love] = expand_words(["love"], VOCABULARY)
    assert love.corrections == ()
    assert love.alternatives == ('"love"*',)


def test_a_word_the_index_cannot_match_selects_no_candidates() -> None:
    query = QuoteQuery.parse("qqqqq lyrics french", VOCABULARY)
    assert query is not None
    assert query.strict == '("lyrics"*) AND ("french"*)'


def test_no_words_is_no_query() -> None:
    assert QuoteQuery.parse("", VOCABULARY) is None
    assert QuoteQuery.parse("qqqqq", VOCABULARY) is None


def test_the_last_word_of_a_query_being_typed_is_a_prefix_however_short() -> None:
    vocabulary = Vocabulary({"lyrics": 1, "lamp": 1, "lantern": 1}, documents=10)
    [first, last] = expand_words(["ly", "la"], vocabulary, typing=True)
    assert not first.prefix and last.prefix


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


def stored(
    quote_id: int, text: str, speaker: str = "Mara Okafor", question: str | None = None
) -> StoredQuote:
    quote = Quote((speaker,), text, SOURCE.name, quote_id, quote_id, question, spoiler=False)
    return StoredQuote(id=quote_id, film=FILM, quote=quote, source=SOURCE)


TATTOO = stored(1, QUOTE)
LYRICS = stored(2, "We wrote all the lyrics in French.", speaker="Lin Hale")
UNRELATED = stored(3, "The lighthouse lamp was lit by hand every night.")


def test_a_query_without_searchable_words_is_none() -> None:
    assert QuoteQuery.parse(' * ^ : "', VOCABULARY) is None


def test_candidate_queries_go_from_every_word_to_all_but_one_to_any() -> None:
    assert expressions("frnech lyrics composer") == [
        '("french") AND ("lyrics"*) AND ("composer"*)',
        '(("lyrics"*) AND ("composer"*)) OR (("french") AND ("composer"*))'
        ' OR (("french") AND ("lyrics"*))',
        '("french") OR ("lyrics"*) OR ("composer"*)',
    ]
    assert expressions("tattoo") == ['("tattoo"*)']


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


def test_words_of_the_question_asked_count_towards_the_answer() -> None:
    asked = stored(5, "Forty years, every night.", question="How long did she keep the lamp?")
    other = stored(6, "Forty years is a long time to wait for a ferry.")
    words = "keep the lamp forty years every night is a long time"
    vocabulary = Vocabulary(dict.fromkeys(words.split(), 1), documents=2)
    query = QuoteQuery.parse("keep the lamp forty years", vocabulary)
    assert query is not None
    assert next(hit.quote for hit in query.rank([other, asked], speaker=None)) == asked


def test_a_confident_hit_settles_the_query() -> None:
    query = QuoteQuery.parse("tattoo better", VOCABULARY)
    assert query is not None
    assert query.settled(query.rank([TATTOO], speaker=None))
    assert not query.settled([])


def test_merge_adds_new_candidates_once_and_keeps_the_order() -> None:
    query = QuoteQuery.parse("tattoo love", VOCABULARY)
    assert query is not None
    hits = query.rank([TATTOO], speaker=None)
    sketch = stored(4, "She drew a tattoo of the lamp, out of love for it.")
    merged = query.merge(hits, [TATTOO, UNRELATED, sketch], speaker=None)
    assert sorted(hit.quote.id for hit in merged) == [TATTOO.id, sketch.id]
    assert [hit.score for hit in merged] == sorted((hit.score for hit in merged), reverse=True)


# -- strict_match_expression and common words -------------------------------------------------


def test_strict_expression_requires_every_word_or_its_correction() -> None:
    terms = expand_words(["frnech", "lyrics"], VOCABULARY)
    assert strict_match_expression(terms, VOCABULARY) == '("french") AND ("lyrics"*)'
    rows = fts_table().execute(
        "SELECT rowid FROM t WHERE t MATCH ?", (strict_match_expression(terms, VOCABULARY),)
    )
    assert rows.fetchall() == [(2,)]


def test_common_words_stop_selecting_candidates_in_a_large_archive() -> None:
    frequencies = {"the": 900, "tattoo": 3, "love": 40}
    large = Vocabulary(frequencies, documents=MIN_DOCUMENTS_FOR_PRUNING)
    terms = expand_words(["the", "tattoo"], large)
    assert strict_match_expression(terms, large) == '("tattoo"*)'
    # A query of nothing but common words still searches with them, and never as prefixes.
    assert strict_match_expression(expand_words(["the"], large), large) == '("the")'
    small = Vocabulary(frequencies, documents=MIN_DOCUMENTS_FOR_PRUNING - 1)
    assert strict_match_expression(terms, small) == '("the") AND ("tattoo"*)'


def test_common_words_alone_are_looked_for_near_each_other_first() -> None:
    large = Vocabulary({"it": 800, "was": 700, "the": 900}, documents=MIN_DOCUMENTS_FOR_PRUNING)
    assert expressions("it was the", large)[0] == 'NEAR("it" "was" "the", 6)'


def test_queries_matching_too_much_for_bm25_come_in_index_order() -> None:
    total = 1_000_000
    large = Vocabulary({"it": 900_000, "was": 800_000, "lamp": 10}, documents=total)
    common = QuoteQuery.parse("it was", large)
    rare = QuoteQuery.parse("lamp", large)
    assert common is not None and rare is not None
    strict = next(c for c in common.candidates if c.match == common.strict)
    assert not strict.ranked and RANK_BUDGET < 900_000 * 0.8
    assert rare.candidates[0].ranked
